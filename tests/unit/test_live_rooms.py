"""Live pushes: coalesced per board (pure scheduling, the push itself replaced), crossed pushes from two
workers dropped when older than what a room already got, and each tab in one stable shard of a room."""

import asyncio

import pytest

from kongres_app.live import reflex_adapter, rooms
from kongres_app.services.boards import BoardView
from kongres_app.states.board_moderation import MODERATION_PUSH
from kongres_app.states.boards import BOARD_PUSH
from tests.conftest import run_async


def test_changes_during_a_push_go_out_together_in_exactly_one_more_push_read_after_the_last(monkeypatch):
    pushes: list[tuple[int, str]] = []
    changes_done = 0
    seen_at_push: list[int] = []
    sent: asyncio.Event | None = None

    async def slow_push(number: int, announcement: str = "") -> None:
        seen_at_push.append(changes_done)
        pushes.append((number, announcement))
        assert sent is not None
        await sent.wait()  # N sockets take a while: until the test lets the push finish

    monkeypatch.setattr(rooms, "publish", slow_push)

    async def burst() -> None:
        nonlocal changes_done, sent
        sent = asyncio.Event()
        for i in range(30):
            changes_done += 1
            rooms.publish_soon(1, "Nowa notatka" if i == 3 else "")
            if i == 10:
                rooms.publish_soon(2)
            await asyncio.sleep(0)  # the first push starts at once and is still being sent during the rest
        sent.set()
        await rooms.settled()

    run_async(burst())
    # Board 1: the first change at once, then the other 29 in one push read after the last of them; the
    # announcement of change 4 rides on it although later changes brought none. Board 2: one push.
    assert [(number, seen) for (number, _), seen in zip(pushes, seen_at_push, strict=True)] == [
        (1, 1),
        (2, 11),
        (1, 30),
    ]
    assert [announcement for number, announcement in pushes if number == 1] == ["", "Nowa notatka"]


def test_changes_queued_before_the_push_starts_cost_exactly_one_push(monkeypatch):
    pushes: list[int] = []

    async def push(number: int, announcement: str = "") -> None:
        pushes.append(number)

    monkeypatch.setattr(rooms, "publish", push)

    async def burst() -> None:
        for _ in range(300):
            rooms.publish_soon(5)
        await rooms.settled()

    run_async(burst())
    assert pushes == [5]


def test_a_failed_push_does_not_stop_later_ones(monkeypatch):
    calls = []

    async def flaky(number: int, announcement: str = "") -> None:
        calls.append(number)
        if len(calls) == 1:
            raise RuntimeError("Redis chwilowo niedostępny")

    monkeypatch.setattr(rooms, "publish", flaky)

    async def run() -> None:
        rooms.publish_soon(3)
        await rooms.settled()
        rooms.publish_soon(3)
        await rooms.settled()

    run_async(run())
    assert calls == [3, 3]


def test_pushes_older_than_what_a_room_got_are_dropped():
    last: dict[str, float] = {}
    newer = rooms.fresh(20.0, [["tablica-1", {"n": 2}], ["plenarna", {"n": 2}]], last)
    older = rooms.fresh(10.0, [["tablica-1", {"n": 1}], ["grupy", {"n": 1}]], last)
    assert [room for room, _ in newer] == ["tablica-1", "plenarna"]
    assert older == [("grupy", {"n": 1})]  # the stale board is dropped, a room it had not reached is not
    assert rooms.fresh(None, [["ogloszenia", {}]], last) == [("ogloszenia", {})]  # unversioned: always


class RecordingNamespace:
    def __init__(self) -> None:
        self.entered: list[tuple[str, str]] = []

    async def enter_room(self, sid: str, room: str) -> None:
        self.entered.append((sid, room))


def test_each_tab_enters_one_stable_shard_of_a_room_and_tabs_spread_over_all(monkeypatch):
    namespace = RecordingNamespace()
    monkeypatch.setattr(reflex_adapter, "namespace", lambda: namespace)

    async def enter_all() -> None:
        for i in range(400):
            await rooms.enter(f"sid-{i}", rooms.board_room(1))
        await rooms.enter("sid-7", rooms.board_room(1))

    run_async(enter_all())
    assert len(namespace.entered) == 401  # one shard per tab and room
    assert {room for _sid, room in namespace.entered} == {f"tablica-1#{k}" for k in range(rooms.SHARDS)}
    sid_7 = [room for sid, room in namespace.entered if sid == "sid-7"]
    assert len(sid_7) == 2 and sid_7[0] == sid_7[1]


def test_a_push_names_only_vars_its_state_declares():
    empty = rooms.board_vars(BoardView())
    packet = BOARD_PUSH.packet({**empty, "live_message": "Nowa notatka"})
    assert packet == {
        "delta": {
            BOARD_PUSH.state.get_full_name(): {
                "notes_by_id_rx_state_": {},
                "newest_ids_rx_state_": [],
                "top_ids_rx_state_": [],
                "live_message_rx_state_": "Nowa notatka",
            }
        },
        "events": [],
    }
    with pytest.raises(ValueError, match="live_message"):
        MODERATION_PUSH.packet({**empty, "live_message": "Nowa notatka"})  # the moderators' state has none
