"""The boards' throttles with several workers: the counts live in Redis, so every worker sees the same tries."""

import shutil
import tempfile
from pathlib import Path

import pytest

from kongres_app import local_services
from kongres_app.services import board_limits
from kongres_app.testing import free_port
from tests.conftest import run_async


@pytest.fixture
def redis_url(monkeypatch):
    if shutil.which("redis-server") is None:
        pytest.skip("Redis is not installed: `make test` installs Debian's redis-server when run as root.")
    folder, port = Path(tempfile.mkdtemp(prefix="kongres-redis-")), free_port()
    url = local_services.start_redis(folder, port)
    monkeypatch.setenv("REFLEX_REDIS_URL", url)
    board_limits.reset()
    yield url
    board_limits.reset()
    local_services.stop_redis(port)
    shutil.rmtree(folder, ignore_errors=True)


def test_wrong_codes_counted_by_one_worker_throttle_the_next(redis_url):
    async def first_worker():
        for _ in range(5):
            await board_limits.wrong_code(tab="karta", address="10.1.1.1")
        return await board_limits.join_throttled(tab="karta", address="10.1.1.1")

    async def second_worker():  # a fresh process: its own limiter, the same Redis
        board_limits.reset()
        return await board_limits.join_throttled(tab="karta", address="10.1.1.1"), await board_limits.vote_allowed(3)

    first = run_async(first_worker())
    second, vote = run_async(second_worker())
    assert first is not None and first.audit
    assert second is not None and second.key == "tab" and not second.audit  # the burst was audited once
    assert vote
