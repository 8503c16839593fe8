"""Fetching a small body from an address someone typed, without letting it reach inside the network.

Only http and https; at most ``max_redirects`` redirects, each hop checked again; every host is resolved
first and refused when any of its addresses is private, loopback, link-local, multicast, reserved or
otherwise not global (unless ``allow_private``), and the request then goes to that checked address (the
Host header and TLS name stay the original), so a second DNS answer cannot point it elsewhere (DNS
rebinding); time-outs per operation and per attempt; retries with exponential back-off (``stamina``) only
after a 5xx, 429, time-out or broken connection; the body is read in a stream and given up past
``max_bytes``. Give these functions a client made with ``trust_env=False``, so no proxy from the
environment makes the request instead. Errors carry a Polish ``message`` for the person who gave the
address.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass

import httpx
import stamina

from kongres_app.services.polish import chars

MAX_URL_LENGTH = 500
USER_AGENT = "KongresNGO/1.0"
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchPolicy:
    timeout_s: float = 5.0  # connect, read, write and pool, each
    attempt_s: float = 15.0  # one whole attempt: redirects and body included
    retries: int = 2  # extra attempts after a 5xx, 429, time-out or broken connection
    backoff_s: float = 0.5  # pause before the first retry; doubles each time
    max_bytes: int = 256 * 1024
    max_redirects: int = 3
    accept: str = "application/json"


DEFAULT_POLICY = FetchPolicy()


class FetchError(Exception):
    """Why the address could not be read; ``message`` is shown to the person who gave it."""

    def __init__(self, message: str, *, retryable: bool = False):
        super().__init__(message)
        self.message = message
        self.retryable = retryable
        self.attempts = 1


def url_problem(url: str) -> str | None:
    """What is wrong with an address on its face (Polish), or None. No DNS, no request."""
    if len(url) > MAX_URL_LENGTH:
        return f"Adres może mieć najwyżej {chars(MAX_URL_LENGTH)}."
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError):
        return "To nie jest poprawny adres internetowy."
    if parsed.scheme not in ("http", "https"):
        return "Adres musi zaczynać się od http:// albo https://."
    if not parsed.host:
        return "W adresie brakuje nazwy serwera."
    if parsed.userinfo:
        return "Adres nie może zawierać loginu ani hasła."
    return None


def address_refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for every address that is not a public, unicast internet address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        not ip.is_global
        or ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def literal_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def local_host_problem(url: str) -> str | None:
    """A static check for forms: an address that plainly points inside a network is refused."""
    host = httpx.URL(url).host.casefold()
    ip = literal_ip(host)
    if host == "localhost" or host.endswith(".localhost") or (ip is not None and address_refused(ip)):
        return "Adres wskazuje na sieć wewnętrzną: podaj publiczny adres w internecie."
    return None


async def _checked_address(url: httpx.URL, *, allow_private: bool) -> str:
    """Resolve the host and return the address to connect to, refusing internal networks."""
    host = url.raw_host.decode("ascii")
    ip = literal_ip(host)
    if ip is not None:
        addresses = [ip]
    else:
        port = url.port or (443 if url.scheme == "https" else 80)
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            raise FetchError(f"Nie udało się odnaleźć serwera „{url.host}”.") from exc
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not allow_private:
        for candidate in addresses:
            if address_refused(candidate):
                raise FetchError(
                    f"Adres „{url.host}” prowadzi do sieci wewnętrznej ({candidate}): "
                    "ze względów bezpieczeństwa nie pobieramy stamtąd danych."
                )
    addresses.sort(key=lambda a: a.version)  # IPv4 first: it is what most small servers listen on
    return str(addresses[0])


# ----------------------------------------------------------------------------- one request


def _pinned_request(client: httpx.AsyncClient, url: httpx.URL, ip: str, policy: FetchPolicy) -> httpx.Request:
    headers = {
        "Host": url.netloc.decode("ascii"),
        "Accept": policy.accept,
        "Accept-Encoding": "identity",
        "User-Agent": USER_AGENT,
    }
    extensions = {"sni_hostname": url.raw_host.decode("ascii")} if url.scheme == "https" else {}
    return client.build_request(
        "GET",
        url.copy_with(host=ip),
        headers=headers,
        timeout=httpx.Timeout(policy.timeout_s),
        extensions=extensions,
    )


def _check_status(response: httpx.Response) -> None:
    code = response.status_code
    if code >= 500 or code == 429:
        raise FetchError(f"Serwer odpowiedział błędem {code}.", retryable=True)
    if not 200 <= code < 300:
        raise FetchError(f"Serwer odpowiedział kodem {code}: sprawdź, czy adres jest poprawny.")


async def _read_limited(response: httpx.Response, max_bytes: int) -> bytes:
    too_big = FetchError(f"Odpowiedź jest za duża (ponad {max_bytes // 1024} KiB): to nie są oczekiwane dane.")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise too_big
    body = bytearray()
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise too_big
    return bytes(body)


async def _get_body(url: str, client: httpx.AsyncClient, allow_private: bool, policy: FetchPolicy) -> bytes:
    current = httpx.URL(url)
    for hop in range(policy.max_redirects + 1):
        if problem := url_problem(str(current)):
            if hop:
                raise FetchError(f"Serwer przekierował na niedozwolony adres ({current.scheme}:…). {problem}")
            raise FetchError(problem)
        ip = await _checked_address(current, allow_private=allow_private)
        response = await client.send(_pinned_request(client, current, ip, policy), stream=True, follow_redirects=False)
        try:
            location = response.headers.get("location")
            if response.status_code in REDIRECT_CODES and location:
                current = current.join(location)
                continue
            _check_status(response)
            return await _read_limited(response, policy.max_bytes)
        finally:
            await response.aclose()
    raise FetchError(f"Zbyt wiele przekierowań (więcej niż {policy.max_redirects}).")


async def _attempt(url: str, client: httpx.AsyncClient, allow_private: bool, policy: FetchPolicy) -> bytes:
    seconds = f"{policy.timeout_s:g}".replace(".", ",")
    timed_out = FetchError(f"Serwer nie odpowiedział w ciągu {seconds} s.", retryable=True)
    try:
        async with asyncio.timeout(policy.attempt_s):
            body = await _get_body(url, client, allow_private, policy)
    except TimeoutError as exc:
        raise timed_out from exc
    except httpx.TimeoutException as exc:
        raise timed_out from exc
    except httpx.InvalidURL as exc:
        raise FetchError("Serwer przekierował na niepoprawny adres.") from exc
    except httpx.TransportError as exc:
        if "CERTIFICATE_VERIFY_FAILED" in str(exc):
            raise FetchError("Certyfikat HTTPS serwera jest nieprawidłowy.") from exc
        raise FetchError("Nie udało się połączyć z serwerem.", retryable=True) from exc
    return body


def _retryable(exc: Exception) -> bool:
    return isinstance(exc, FetchError) and exc.retryable


async def fetch_bytes(
    url: str, *, client: httpx.AsyncClient, allow_private: bool = False, policy: FetchPolicy = DEFAULT_POLICY
) -> tuple[bytes, int]:
    """The body at ``url`` and the number of attempts it took; FetchError (with ``attempts``) when it fails."""
    attempts = 0
    try:
        async for attempt in stamina.retry_context(
            on=_retryable,
            attempts=policy.retries + 1,
            timeout=None,
            wait_initial=policy.backoff_s,
            wait_exp_base=2,
            wait_jitter=0,
            wait_max=max(policy.backoff_s, 0) * 2**policy.retries,
        ):
            with attempt:
                attempts += 1
                return await _attempt(url, client, allow_private, policy), attempts
    except FetchError as exc:
        exc.attempts = attempts
        raise
    raise AssertionError("unreachable: stamina either returns or raises")
