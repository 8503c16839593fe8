"""The reusable fetcher's guard: addresses inside the network are refused before any connection; the
network tests of redirects, limits and retries are in tests/integration/test_progress_refresh.py."""

import ipaddress

import httpx
import pytest

from kongres_app.services.safe_fetch import FetchError, address_refused, fetch_bytes, local_host_problem, url_problem
from tests.conftest import run_async


@pytest.mark.parametrize(
    "ip",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "::ffff:10.0.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "100.64.0.1",
    ],
)
def test_internal_addresses_are_refused(ip):
    assert address_refused(ipaddress.ip_address(ip))


def test_public_addresses_pass():
    assert not address_refused(ipaddress.ip_address("193.0.96.129"))
    assert not address_refused(ipaddress.ip_address("2001:4860:4860::8888"))


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("ftp://x.pl/a", "http://"),
        ("https://user:pw@x.pl/", "loginu"),
        ("https:///a", "nazwy serwera"),
        ("https://x.pl/" + "a" * 600, "najwyżej 500"),
    ],
)
def test_bad_addresses_are_explained(url, fragment):
    assert fragment in (url_problem(url) or "")


def test_a_loopback_address_is_refused_without_a_request():
    assert local_host_problem("http://localhost:8000/x") and local_host_problem("http://[::1]/x")

    async def go():
        async with httpx.AsyncClient(trust_env=False) as client:
            return await fetch_bytes("http://127.0.0.1:9/dane.json", client=client)

    with pytest.raises(FetchError) as refused:
        run_async(go())
    assert "sieci wewnętrznej" in refused.value.message and refused.value.attempts == 1
