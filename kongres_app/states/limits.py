"""Bounds on what any client may send, applied to every event before a handler runs.

Any client can send any event with any arguments and choose its own browser-storage values (Reflex applies them
on hydration). Unbounded, 50 throwaway tabs carrying a 900 KB "token" each held 62 MB for the states' lifetime.
Two bounds hold for every state: the socket refuses any message over ``MAX_MESSAGE_BYTES`` (set in
``rxconfig.py``), and browser-storage values longer than ``MAX_STORAGE_CHARS`` are dropped before they reach a
state. Each handler still bounds its own arguments to what they may be (a note's 500 characters)."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import reflex as rx

from kongres_app.live.reflex_adapter import EVENT_LOGGERS

if TYPE_CHECKING:
    from reflex.event import Event
    from reflex.state import BaseState, StateUpdate

MAX_MESSAGE_BYTES = 64 * 1024  # the longest real event (a campaign description) is a few KB
MAX_STORAGE_CHARS = 128  # the browser keeps only opaque tokens (43 characters)


def bounded_storage(values: dict[str, Any]) -> dict[str, Any]:
    """The browser-storage values a state may take: strings of a token's size, nothing else."""
    return {
        name: value
        for name, value in values.items()
        if isinstance(name, str) and len(name) <= 200 and isinstance(value, str) and len(value) <= MAX_STORAGE_CHARS
    }


class ClientLimits(rx.Middleware):
    async def preprocess(self, app: rx.App, state: BaseState, event: Event) -> StateUpdate | None:
        payload = event.payload
        if isinstance(payload.get("vars"), dict):  # hydrate_and_load and update_vars_internal carry storage
            payload["vars"] = bounded_storage(payload["vars"])
        return None


# What any client sends can reach the log: Reflex logs an argument it cannot convert to the handler's type
# whole (five 200 KB events grew the log by 3 MB). Its log lines are cut to a bounded summary instead.
MAX_LOG_VALUE_CHARS = 200
MAX_LOG_MESSAGE_CHARS = 2000
_WRONG_TYPE = re.compile(
    r"^Error transforming event payload for handler (?P<handler>\S{1,300}): Error transforming event argument "
    r"'(?P<arg>[^']{0,200})' with value '(?P<value>.*)' and type hint '(?P<hint>[^\n]{0,300})'$",
    re.DOTALL,
)


def summarise_log_message(message: str) -> str:
    """A bounded version of a log line: a wrong-typed argument as handler, argument, expected type, length and
    its first characters; anything else longer than ``MAX_LOG_MESSAGE_CHARS`` cut with its length said."""
    if (wrong := _WRONG_TYPE.match(message)) is not None:
        value = wrong["value"]
        return (
            f"Wrong-typed event argument: handler {wrong['handler']}, argument {wrong['arg']!r}, "
            f"expected {wrong['hint']}, got {len(value)} characters: {value[:MAX_LOG_VALUE_CHARS]!r}"
            + ("…" if len(value) > MAX_LOG_VALUE_CHARS else "")
        )
    if len(message) <= MAX_LOG_MESSAGE_CHARS:
        return message
    return f"{message[:MAX_LOG_MESSAGE_CHARS]}… [{len(message) - MAX_LOG_MESSAGE_CHARS} more characters not logged]"


class BoundedLog(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        short = summarise_log_message(message)
        if short is not message:
            record.msg, record.args = short, None
        return True


def bound_reflex_event_logs() -> None:
    """Install ``BoundedLog`` on the loggers through which Reflex reports a client's events (idempotent)."""
    for name in EVENT_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, BoundedLog) for f in logger.filters):
            logger.addFilter(BoundedLog())
