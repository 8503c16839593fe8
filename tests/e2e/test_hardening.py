"""Attacks from issue 13, performed against the real app (raw sockets and HTTP, as a hostile client would)."""

import pytest

from bench.login_flood import flood
from tests.conftest import run_async

pytestmark = pytest.mark.e2e


def test_a_flood_of_failed_logins_does_not_freeze_the_server(base_url: str):
    """45 concurrent wrong passwords from 3 addresses: every one is refused and /ping keeps answering.

    Before, argon2 ran on the event loop and /ping took 2.7–4.7 s. The precise figure (p95 under 200 ms) is
    measured by ``make bench``; this bound only has to tell a stalled loop from a free one on a busy machine."""
    result = run_async(flood(base_url, attempts=45, floor_seconds=1.0))
    assert result.answered == 45
    assert result.row()["attack_p95"] < 1000, result.row()
