"""Throttles on the boards (issue 13): wrong join codes, vote floods, and coalesced dashboard pushes."""

import asyncio
import time

import pytest
from sqlmodel import Session, select

from kongres_app.db import session_scope
from kongres_app.models import AuditEntry
from kongres_app.services import board_limits, boards
from tests.conftest import run_async


@pytest.fixture
def limits():
    board_limits.reset()
    yield board_limits
    board_limits.reset()


def test_wrong_join_codes_are_throttled_per_tab_and_per_address(limits, monkeypatch):
    monkeypatch.setattr(time, "time", lambda: 1_800_000_000.0)  # every try in the same instant

    async def attack():
        for _ in range(5):
            assert await limits.join_throttled(tab="t1", address="10.0.0.1") is None
            await limits.wrong_code(tab="t1", address="10.0.0.1")
        first = await limits.join_throttled(tab="t1", address="10.0.0.1")
        again = await limits.join_throttled(tab="t1", address="10.0.0.1")
        # New tabs from the same address: each gets its own 5 tries until the address has used 30.
        for n in range(25):
            tab = f"nowa-{n // 5}"
            assert await limits.join_throttled(tab=tab, address="10.0.0.1") is None
            await limits.wrong_code(tab=tab, address="10.0.0.1")
        by_address = await limits.join_throttled(tab="jeszcze-inna", address="10.0.0.1")
        elsewhere = await limits.join_throttled(tab="t2", address="10.0.0.2")
        return first, again, by_address, elsewhere

    first, again, by_address, elsewhere = run_async(attack())
    assert first is not None and first.key == "tab" and first.audit and first.wait_s == 60
    assert again is not None and not again.audit  # one audit entry per burst, not per refusal
    assert by_address is not None and by_address.key == "address" and by_address.audit
    assert elsewhere is None


def test_votes_are_limited_to_ten_a_second_per_participant(limits):
    async def flood():
        return [await limits.vote_allowed(7) for _ in range(30)], await limits.vote_allowed(8)

    mine, someone_else = run_async(flood())
    assert mine.count(True) == 10 and mine[:10] == [True] * 10
    assert someone_else


def test_dashboard_pushes_are_coalesced(monkeypatch):
    from kongres_app.live import push as live_push

    interval = 0.2
    topic = f"coalesced-{time.monotonic_ns()}"  # no earlier push of this topic in this process
    pushed: list[tuple[float, int]] = []
    changes = 0

    async def fake_push(topic, state_cls):
        pushed.append((asyncio.get_running_loop().time(), changes))
        return 1

    monkeypatch.setattr(live_push, "push", fake_push)
    monkeypatch.setattr(live_push, "MIN_INTERVAL_S", interval)

    async def burst():
        nonlocal changes
        started = asyncio.get_running_loop().time()
        changes += 1
        live_push.push_soon(topic, object)  # type: ignore[arg-type]
        await asyncio.sleep(0)  # the first change is pushed at once
        after_first = len(pushed)
        for _ in range(299):  # the rest arrive within the interval
            changes += 1
            live_push.push_soon(topic, object)  # type: ignore[arg-type]
        await asyncio.sleep(0)
        during_interval = len(pushed)
        await live_push.settled()
        return started, after_first, during_interval

    started, after_first, during_interval = run_async(burst())
    assert (after_first, during_interval) == (1, 1)
    # 300 changes: one push at once, then exactly one after the interval, read after the last change.
    assert [seen for _at, seen in pushed] == [1, 300]
    assert pushed[1][0] - started >= interval  # not before the interval since the first push had passed


def test_a_throttled_burst_is_audited_as_a_refusal(seeded_engine):
    with session_scope(seeded_engine) as session:
        boards.record_join_throttled(session, limit="address", address="10.0.0.1", wait_s=42)
    with Session(seeded_engine) as session:
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "board_join_throttled")).one()
    assert entry.outcome == "denied" and "10.0.0.1" in entry.details and "adres sieciowy" in entry.details
