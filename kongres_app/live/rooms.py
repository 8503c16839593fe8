"""Live boards: one computed payload per change, emitted to socket.io rooms.

Measured on Reflex's own linked states (see REFLEX_NOTES.md): every join and every event of a linked
tab re-sends to all linked tabs, which made a 300-tab board cost 275 ms per note and 113 s to fill.
Here a tab viewing a board only enters a socket.io room; a change computes the board's payload once
from the database and emits it once to the room, as a delta of that tab's own state (``Pushed``).
Joining costs one room entry; no tab holds another tab's data; per-tab state stays small.

With several workers (``REFLEX_REDIS_URL``), each payload is published on a Redis channel and every
worker emits it to the sockets of its own rooms (see ``relay_forever``).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import zlib
from dataclasses import asdict, dataclass
from typing import Any

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.live import reflex_adapter
from kongres_app.services import boards
from kongres_app.settings import load_settings

logger = logging.getLogger(__name__)
NAMESPACE = "/_event"
CHANNEL = "kongres:live"


def board_room(number: int) -> str:
    return f"tablica-{number}"


MODERATION_SUFFIX = "-moderacja"


def moderator_room(number: int) -> str:
    return f"tablica-{number}{MODERATION_SUFFIX}"


PLENARY_ROOM = "plenarna"
ANNOUNCEMENTS_ROOM = "ogloszenia"
GROUPS_ROOM = "grupy"


def flat(view: Any) -> dict[str, Any]:
    """A dataclass of plain values (or lists of such dataclasses) as a dict, without ``asdict``'s deep
    copies: on every change this runs for every note of the board."""
    return {
        key: [flat(item) for item in value] if isinstance(value, list) else value for key, value in vars(view).items()
    }


BOARD_VARS = ("notes_by_id", "newest_ids", "top_ids")  # a board as vars: see ``board_vars``


@dataclass(frozen=True)
class Pushed:
    """The vars a push writes straight into one state of the tabs in a room, declared next to that state.

    A push bypasses the server's copy of the state: a var the state does not declare is ignored by every
    browser without an error, so ``check_pushed_vars`` stops the start instead, and ``packet`` refuses a
    var the declaration does not name.
    """

    state: type[rx.State]
    names: tuple[str, ...]

    def packet(self, values: dict[str, Any]) -> dict:
        unknown = set(values) - set(self.names)
        if unknown:
            raise ValueError(f"{self.state.__name__} has no pushed var(s) {sorted(unknown)}")
        return _delta(self.state.get_full_name(), values)


def pushes() -> list[Pushed]:
    """Every push the live layer sends, each declared by the module of the state it writes into (imported here,
    not at the top: those modules import this one)."""
    from kongres_app.states.announcements import ANNOUNCEMENTS_PUSH
    from kongres_app.states.board_moderation import MODERATION_PUSH
    from kongres_app.states.board_overviews import GROUPS_PUSH, PLENARY_PUSH
    from kongres_app.states.boards import BOARD_PUSH

    return [BOARD_PUSH, MODERATION_PUSH, PLENARY_PUSH, GROUPS_PUSH, ANNOUNCEMENTS_PUSH]


def pushed_vars() -> dict[type[rx.State], set[str]]:
    """Every var a push writes straight into a tab, by the state that must declare it."""
    found: dict[type[rx.State], set[str]] = {}
    for push in pushes():
        found.setdefault(push.state, set()).update(push.names)
    return found


def check_pushed_vars() -> None:
    """Called when the app starts: a push to a var its state no longer declares would fail silently in
    every browser (the delta is ignored), so a rename stops the start instead."""
    missing = [
        f"{state.__name__}.{name}"
        for state, names in pushed_vars().items()
        for name in names
        if name not in state.base_vars
    ]
    if missing:
        raise RuntimeError("Live pushes write vars their states do not declare: " + ", ".join(sorted(missing)))


def board_vars(view: boards.BoardView) -> dict[str, Any]:
    """The board as the vars the page renders: notes by id plus the two orderings of ids."""
    notes_by_id, newest_ids, top_ids = BOARD_VARS
    return {
        notes_by_id: {str(n.id): flat(n) for n in view.notes},
        newest_ids: [str(n.id) for n in view.notes],
        top_ids: [str(n.id) for n in view.top],
    }


def _delta(state_name: str, values: dict[str, Any]) -> dict:
    return {"delta": {state_name: {reflex_adapter.delta_key(k): v for k, v in values.items()}}, "events": []}


# A room's sockets are split into shards, emitted to one after another with a pause in between: an
# emit to a room is one uninterrupted loop over its sockets (about 0.2 ms each), so with 1000 tabs on
# one board every other event (a vote, a keystroke) waited for the whole loop. Now it waits for a shard.
SHARDS = 8


def _shard(session_id: str, room: str) -> str:
    return f"{room}#{zlib.crc32(session_id.encode()) % SHARDS}"


async def enter(session_id: str, *rooms: str) -> None:
    namespace = reflex_adapter.namespace()
    if namespace is None or not session_id:
        return
    for room in rooms:
        await namespace.enter_room(session_id, _shard(session_id, room))


async def leave(session_id: str, *rooms: str) -> None:
    namespace = reflex_adapter.namespace()
    if namespace is None or not session_id:
        return
    for room in rooms:
        if room.endswith(MODERATION_SUFFIX):
            _moderators.pop(session_id, None)
        await namespace.leave_room(session_id, _shard(session_id, room))


# Moderators' sockets of this worker: socket id -> (staff session token, board). Hidden notes and their reasons
# go only to them, so each is checked again before every moderators' push and every few seconds: a session
# that ended (logout, password reset, expiry, a changed role) leaves the room, and its tab is emptied of the
# moderators' data. Every worker checks its own sockets, so this holds with several workers too.
_moderators: dict[str, tuple[str, int]] = {}
MODERATOR_CHECK_EVERY_S = 3.0


async def enter_as_moderator(session_id: str, staff_token: str, number: int) -> None:
    if session_id:
        _moderators[session_id] = (staff_token, number)
        await enter(session_id, moderator_room(number))


def _no_longer_moderating(entries: dict[str, tuple[str, int]]) -> list[str]:
    with session_scope() as session:
        return [sid for sid, (token, number) in entries.items() if not boards.still_moderates(session, token, number)]


async def drop_revoked_moderators() -> list[str]:
    """Take every moderator socket whose session no longer allows moderating out of its room; returns them."""
    namespace = reflex_adapter.namespace()
    entries = dict(_moderators)
    if namespace is None or not entries:
        return []
    revoked = await asyncio.to_thread(_no_longer_moderating, entries)
    if not revoked:
        return []
    from kongres_app.states.board_moderation import MODERATION_PUSH

    emptied = MODERATION_PUSH.packet({**board_vars(boards.BoardView()), "is_moderator": False})
    for sid in revoked:
        _moderators.pop(sid, None)
        await namespace.leave_room(sid, _shard(sid, moderator_room(entries[sid][1])))
        await namespace.emit("event", emptied, to=sid)
    logger.info("Moderators' room left by %d socket(s) whose session ended", len(revoked))
    return revoked


async def watch_moderators_forever() -> None:
    while True:
        try:
            await drop_revoked_moderators()
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("Moderator session check failed")
        await asyncio.sleep(MODERATOR_CHECK_EVERY_S)


def _messages(number: int, announcement: str) -> list[tuple[str, dict]]:
    """Every (room, packet) one change of board ``number`` produces, computed once."""
    from kongres_app.states.board_moderation import MODERATION_PUSH
    from kongres_app.states.board_overviews import GROUPS_PUSH, PLENARY_PUSH
    from kongres_app.states.boards import BOARD_PUSH

    with session_scope() as session:
        public, moderated = boards.board_views(session, number)
        plenary = boards.plenary_view(session)
        overview = boards.groups_overview(session)
    return [
        (board_room(number), BOARD_PUSH.packet({**board_vars(public), "live_message": announcement})),
        (moderator_room(number), MODERATION_PUSH.packet(board_vars(moderated))),
        (PLENARY_ROOM, PLENARY_PUSH.packet({"groups": [flat(g) for g in plenary]})),
        (GROUPS_ROOM, GROUPS_PUSH.packet({"groups": [flat(g) for g in overview]})),
    ]


async def _emit_local(messages: list[tuple[str, dict]]) -> None:
    namespace = reflex_adapter.namespace()
    if namespace is None:
        return
    if any(room.endswith(MODERATION_SUFFIX) for room, _packet in messages):
        await drop_revoked_moderators()  # hidden notes only to sockets whose session still allows them
    for room, packet in messages:
        for shard in range(SHARDS):
            await namespace.emit("event", packet, room=f"{room}#{shard}")
            await asyncio.sleep(0)  # let waiting events run between shards


def _announcement_messages() -> list[tuple[str, dict]]:
    from kongres_app.services import announcements
    from kongres_app.states.announcements import ANNOUNCEMENTS_PUSH

    with session_scope() as session:
        items = announcements.active(session)
    return [(ANNOUNCEMENTS_ROOM, ANNOUNCEMENTS_PUSH.packet({"items": [asdict(a) for a in items]}))]


async def publish_announcements() -> list[int]:
    """Send the current announcements to every open page; returns their ids."""
    messages = await asyncio.to_thread(_announcement_messages)
    await _send(messages)
    return [item["id"] for item in next(iter(messages[0][1]["delta"].values()))[reflex_adapter.delta_key("items")]]


async def announcements_forever(every_s: float = 15) -> None:
    """Take expired announcements off every page (pushes only when the list changed)."""
    shown: list[int] | None = None
    while True:
        try:
            current = await asyncio.to_thread(lambda: [m[1] for m in _announcement_messages()])
            ids = [item["id"] for item in next(iter(current[0]["delta"].values()))[reflex_adapter.delta_key("items")]]
            if shown is not None and ids != shown:
                await _send([(ANNOUNCEMENTS_ROOM, current[0])])
            shown = ids
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("Announcement expiry check failed")
        await asyncio.sleep(every_s)


async def publish(number: int, announcement: str = "") -> None:
    """Send board ``number``'s new state to everyone watching it, the plenary and the group list."""
    read_at = time.time()  # the payload is at least this fresh (see ``fresh``)
    await _send(await asyncio.to_thread(_messages, number, announcement), read_at)


_pending: dict[int, str] = {}
_publishers: dict[int, asyncio.Task] = {}


def publish_soon(number: int, announcement: str = "") -> None:
    """Queue a push of board ``number``; returns at once, so no handler waits for N sockets.

    Pushes are coalesced per board: while one is computed and sent, further changes wait and go out
    together, read from the database after the last of them. So pushes of one worker never arrive out
    of order, and a burst of votes in a full hall costs a few pushes, not one per vote.
    """
    _pending[number] = announcement or _pending.get(number, "")
    task = _publishers.get(number)
    if task is None or task.done():
        _publishers[number] = asyncio.create_task(_publish_pending(number))


async def settled() -> None:
    """Wait until every queued board push of this worker has been sent (or has failed)."""
    while running := [task for task in _publishers.values() if not task.done()]:
        await asyncio.gather(*running, return_exceptions=True)


async def _publish_pending(number: int) -> None:
    while number in _pending:
        announcement = _pending.pop(number)
        try:
            await publish(number, announcement)
        except Exception:
            logger.exception("Live push of board %s failed", number)


async def _send(messages: list[tuple[str, dict]], read_at: float | None = None) -> None:
    redis_url = load_settings().redis_url
    if redis_url:
        from redis.asyncio import Redis

        client = Redis.from_url(redis_url)
        try:
            await client.publish(CHANNEL, json.dumps({"at": read_at, "messages": messages}, ensure_ascii=False))
        finally:
            await client.aclose()
    else:
        await _emit_local(messages)


def fresh(read_at: float | None, messages: list, last_read: dict[str, float]) -> list[tuple[str, dict]]:
    """The messages not older than what each room already got (pushes from two workers can cross on
    their way through Redis); remembers the newest per room in ``last_read``."""
    if read_at is None:
        return [(room, packet) for room, packet in messages]
    kept = []
    for room, packet in messages:
        if read_at >= last_read.get(room, 0.0):
            last_read[room] = read_at
            kept.append((room, packet))
    return kept


async def relay_forever() -> None:
    """With Redis: emit what any worker published to this worker's own sockets."""
    redis_url = load_settings().redis_url
    if not redis_url:
        return
    from redis.asyncio import Redis

    while True:
        client = Redis.from_url(redis_url)
        try:
            pubsub = client.pubsub()
            await pubsub.subscribe(CHANNEL)
            last_read: dict[str, float] = {}
            async for message in pubsub.listen():
                if message.get("type") == "message":
                    data = json.loads(message["data"])
                    await _emit_local(fresh(data["at"], data["messages"], last_read))
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("Live relay lost Redis; reconnecting")
            await asyncio.sleep(1)
        finally:
            await client.aclose()
