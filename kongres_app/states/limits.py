"""Bounds on what any client may send, applied to every event before a handler runs.

Any client can send any event with any arguments and choose its own browser-storage values (Reflex applies them
on hydration). Unbounded, 50 throwaway tabs carrying a 900 KB "token" each held 62 MB for the states' lifetime.
Two bounds hold for every state: the socket refuses any message over ``MAX_MESSAGE_BYTES`` (set in
``rxconfig.py``), and browser-storage values longer than ``MAX_STORAGE_CHARS`` are dropped before they reach a
state. Each handler still bounds its own arguments to what they may be (a note's 500 characters)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reflex.middleware.middleware import Middleware

if TYPE_CHECKING:
    from reflex.app import App
    from reflex.state import BaseState, StateUpdate
    from reflex_base.event import Event

MAX_MESSAGE_BYTES = 64 * 1024  # the longest real event (a campaign description) is a few KB
MAX_STORAGE_CHARS = 128  # the browser keeps only opaque tokens (43 characters)


def bounded_storage(values: dict[str, Any]) -> dict[str, Any]:
    """The browser-storage values a state may take: strings of a token's size, nothing else."""
    return {
        name: value
        for name, value in values.items()
        if isinstance(name, str) and len(name) <= 200 and isinstance(value, str) and len(value) <= MAX_STORAGE_CHARS
    }


class ClientLimits(Middleware):
    async def preprocess(self, app: App, state: BaseState, event: Event) -> StateUpdate | None:
        payload = event.payload
        if isinstance(payload.get("vars"), dict):  # hydrate_and_load and update_vars_internal carry storage
            payload["vars"] = bounded_storage(payload["vars"])
        return None
