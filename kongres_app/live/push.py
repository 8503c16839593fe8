"""Per-tab pushes (the dashboard, registration figures): a change in one tab refreshes the subscribed tabs
of every worker.

Each subscribed tab keeps its own small state; on a change, one background task reloads the
figures into each subscribed tab through ``app.modify_state``, which sends that tab only the vars
that changed (and relays over Redis to the worker holding its socket). No shared state is linked,
so joining costs nothing for the other tabs.
"""

import asyncio
import logging
import time

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.live import reflex_adapter
from kongres_app.services import live

logger = logging.getLogger(__name__)


async def push(topic: str, state_cls: type[rx.State], refresh: str = "_refresh_live") -> int:
    """Call ``state_cls.<refresh>()`` in every connected tab subscribed to ``topic``; returns how many."""
    with session_scope() as session:
        tokens = live.subscribers(session=session, topic=topic)
    app = reflex_adapter.app()
    gone, pushed = [], 0
    for token in tokens:
        if not await reflex_adapter.tab_connected(token):
            gone.append(token)
            continue
        try:
            async with app.modify_state(reflex_adapter.tab_state(token, state_cls)) as root:
                state = await root.get_state(state_cls)
                await getattr(state, refresh)()
            pushed += 1
        except Exception:  # one broken tab must not stop the others
            logger.exception("Live push to a tab failed")
    if gone:
        with session_scope() as session:
            live.unsubscribe(session=session, topic=topic, client_tokens=gone)
    return pushed


MIN_INTERVAL_S = 0.5
_dirty: set[str] = set()  # per process: topics changed since their last push (only a throttle, never live data)
_last_push: dict[str, float] = {}
_pushers: dict[str, asyncio.Task] = {}


def push_soon(topic: str, state_cls: type[rx.State]) -> None:
    """Queue a push of ``topic``; returns at once. Pushes are coalesced per process: at most one every
    ``MIN_INTERVAL_S``, each reading the figures when it runs, so a burst of 300 votes ends in a few pushes
    carrying the latest state, not 300 (each one a reload of every organiser's dashboard)."""
    _dirty.add(topic)
    task = _pushers.get(topic)
    if task is None or task.done():
        _pushers[topic] = asyncio.create_task(_push_dirty(topic, state_cls))


async def settled() -> None:
    """Wait until every queued push of this process (on this event loop) has been sent or has failed."""
    loop = asyncio.get_running_loop()
    while running := [task for task in _pushers.values() if not task.done() and task.get_loop() is loop]:
        await asyncio.gather(*running, return_exceptions=True)


async def _push_dirty(topic: str, state_cls: type[rx.State]) -> None:
    while topic in _dirty:
        wait = _last_push.get(topic, 0.0) + MIN_INTERVAL_S - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)  # changes arriving meanwhile ride on the next push
        _dirty.discard(topic)
        _last_push[topic] = time.monotonic()
        try:
            await push(topic, state_cls)
        except Exception:
            logger.exception("Live push of %s failed", topic)
