"""The registration limits on a real Redis: two workers (two limiters, two storages) share one count."""

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kongres_app import local_services
from kongres_app.services import rate_limits
from kongres_app.services.rate_limits import RegistrationLimiter
from kongres_app.testing import free_port


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    if shutil.which("redis-server") is None:
        pytest.skip("Redis is not installed: `make test` installs Debian's redis-server when run as root.")
    folder, port = Path(tempfile.mkdtemp(prefix="kongres-redis-")), free_port()
    url = local_services.start_redis(folder, port)
    yield url
    local_services.stop_redis(port)
    shutil.rmtree(folder, ignore_errors=True)


def test_two_workers_share_the_count_per_address(redis_url: str):
    first = RegistrationLimiter(per_address="5 per 10 minutes", per_email="100 per hour", redis_url=redis_url)
    first.clear()
    rate_limits._storage.cache_clear()  # a second worker builds its own connection to the same Redis
    second = RegistrationLimiter(per_address="5 per 10 minutes", per_email="100 per hour", redis_url=redis_url)
    assert first._limiter.storage is not second._limiter.storage
    answers = [(first if i % 2 else second).hit(address="203.0.113.50", email=f"w{i}@example.pl") for i in range(7)]
    assert answers[:5] == [None] * 5
    assert [a.kind if a else None for a in answers[5:]] == ["address", "address"]
    assert answers[5].message.startswith("Zbyt wiele zgłoszeń z tego adresu – spróbuj ponownie za ")
