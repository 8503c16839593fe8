"""Live pushes: coalesced per board (pure scheduling, the push itself replaced), and crossed pushes
from two workers dropped when older than what a room already got."""

import asyncio

from kongres_app.live import rooms
from tests.conftest import run_async


def test_a_burst_of_changes_costs_few_pushes_and_the_last_reads_after_every_change(monkeypatch):
    pushes: list[tuple[int, str]] = []
    changes_done = 0
    seen_at_push: list[int] = []

    async def slow_push(number: int, announcement: str = "") -> None:
        seen_at_push.append(changes_done)
        pushes.append((number, announcement))
        await asyncio.sleep(0.05)  # N sockets take a while

    monkeypatch.setattr(rooms, "publish", slow_push)

    async def burst() -> None:
        nonlocal changes_done
        for i in range(30):
            changes_done += 1
            rooms.publish_soon(1, "Nowa notatka" if i == 3 else "")
            if i == 10:
                rooms.publish_soon(2)
            await asyncio.sleep(0.005)
        while any(not t.done() for t in rooms._publishers.values()):
            await asyncio.sleep(0.01)

    run_async(burst())
    board_1 = [a for n, a in pushes if n == 1]
    assert 2 <= len(board_1) <= 6  # not 30
    last_of_board_1 = max(i for i, (n, _) in enumerate(pushes) if n == 1)
    assert seen_at_push[last_of_board_1] == 30  # the last push of board 1 was read after the last change
    assert "Nowa notatka" in board_1  # an announcement is not lost when a vote follows it
    assert [n for n, _ in pushes].count(2) == 1


def test_a_failed_push_does_not_stop_later_ones(monkeypatch):
    calls = []

    async def flaky(number: int, announcement: str = "") -> None:
        calls.append(number)
        if len(calls) == 1:
            raise RuntimeError("Redis chwilowo niedostępny")

    monkeypatch.setattr(rooms, "publish", flaky)

    async def run() -> None:
        rooms.publish_soon(3)
        await asyncio.sleep(0.01)
        rooms.publish_soon(3)
        await asyncio.sleep(0.01)

    run_async(run())
    assert calls == [3, 3]


def test_pushes_older_than_what_a_room_got_are_dropped():
    last: dict[str, float] = {}
    newer = rooms.fresh(20.0, [["tablica-1", {"n": 2}], ["plenarna", {"n": 2}]], last)
    older = rooms.fresh(10.0, [["tablica-1", {"n": 1}], ["grupy", {"n": 1}]], last)
    assert [room for room, _ in newer] == ["tablica-1", "plenarna"]
    assert older == [("grupy", {"n": 1})]  # the stale board is dropped, a room it had not reached is not
    assert rooms.fresh(None, [["ogloszenia", {}]], last) == [("ogloszenia", {})]  # unversioned: always


def test_each_tab_has_one_stable_shard_of_a_room_and_tabs_spread_over_all():
    shards = {rooms._shard(f"sid-{i}", "tablica-1") for i in range(400)}
    assert shards == {f"tablica-1#{k}" for k in range(rooms.SHARDS)}
    assert rooms._shard("sid-7", "tablica-1") == rooms._shard("sid-7", "tablica-1")
