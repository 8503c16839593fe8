"""Live pushes: a change made in one tab refreshes the subscribed tabs of every worker.

Each subscribed tab keeps its own small state; on a change, one background task reloads the
figures into each subscribed tab through ``app.modify_state``, which sends that tab only the vars
that changed (and relays over Redis to the worker holding its socket). No shared state is linked,
so joining costs nothing for the other tabs.
"""

import asyncio
import logging
import time

import reflex as rx
from reflex.istate.manager.token import BaseStateToken

from kongres_app.db import session_scope
from kongres_app.services import live
from kongres_app.states.events import event

logger = logging.getLogger(__name__)


async def push(topic: str, state_cls: type[rx.State], refresh: str = "_refresh_live") -> int:
    """Call ``state_cls.<refresh>()`` in every connected tab subscribed to ``topic``; returns how many."""
    from kongres_app.kongres_app import app  # late: the app module imports the states

    with session_scope() as session:
        tokens = live.subscribers(session=session, topic=topic)
    manager = getattr(app.event_namespace, "_token_manager", None)
    gone, pushed = [], 0
    for token in tokens:
        if manager is not None and not await manager.is_token_connected(token):
            gone.append(token)
            continue
        try:
            async with app.modify_state(BaseStateToken(ident=token, cls=state_cls)) as root:
                state = await root.get_state(state_cls)
                await getattr(state, refresh)()
            pushed += 1
        except Exception:  # one broken tab must not stop the others
            logger.exception("Live push to a tab failed")
    if gone:
        with session_scope() as session:
            live.unsubscribe(session=session, topic=topic, client_tokens=gone)
    return pushed


MIN_INTERVAL_S = 1.0
_last_push = 0.0  # per process: only a throttle, never live data


class LiveState(rx.State):
    @event(background=True)
    async def registrations_changed(self):
        """Sent after any change to registrations; anyone may send it (it only re-reads figures),
        so pushes are coalesced: at most one a second per process, and a burst ends with one more."""
        from kongres_app.states.dashboard import DashboardState

        global _last_push
        wait = _last_push + MIN_INTERVAL_S - time.monotonic()
        if wait > 0:
            if wait < MIN_INTERVAL_S:  # one trailing push covers the whole burst
                _last_push += MIN_INTERVAL_S
                await asyncio.sleep(wait)
                await push(live.REGISTRATIONS, DashboardState)
            return
        _last_push = time.monotonic()
        await push(live.REGISTRATIONS, DashboardState)
