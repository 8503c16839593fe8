"""Automatic refresh of a campaign's figures from a JSON address its organisation gives.

The address (``Campaign.progress_source_url``) must answer ``GET`` with a JSON object, either at
the top level or under ``"data"``; field names are matched case-insensitively:

    {"raised": "12 345,50", "goal": 20000, "supporters": 87}

- raised (required): ``raised`` | ``amount`` | ``collected`` | ``raised_pln`` | ``zebrano``
- goal (optional, else kept): ``goal`` | ``target`` | ``goal_pln`` | ``cel``
- supporters (optional, else kept): ``supporters`` | ``backers`` | ``donors`` | ``wspierajacy``

Numbers may be JSON numbers or strings in Polish or English notation ("1 234,50", "1234.50",
"1,234.50", "1 234 zł"); amounts are rounded down to whole złoty.

Safety: only http and https; at most ``max_redirects`` redirects, each hop checked again; every
host is resolved first and refused when any of its addresses is private, loopback, link-local,
multicast, reserved or otherwise not global (unless ``allow_private``), and the request then goes
to that checked address (the Host header and TLS name stay the original), so a second DNS answer
cannot point it elsewhere; time-outs per operation and per attempt; retries with exponential
back-off only after a 5xx, 429, time-out or broken connection; the body is read in a stream and
given up past ``max_bytes``. Give these functions a client made with ``trust_env=False``, so no
proxy from the environment makes the request instead.

Database work is synchronous and short: the session's transaction is committed before the network
wait (an SQLite transaction must not stay open across it) and each result is committed at once.
A failure keeps the last good figures and records ``last_error`` (Polish, for the organiser) and
``last_checked_at``; a success updates the figures, clears ``last_error`` and stores a snapshot
when the figures changed or the newest snapshot is older than ``SNAPSHOT_EVERY``.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx
from sqlmodel import Session, col, select

from kongres_app.campaign_models import Campaign, CampaignSnapshot
from kongres_app.db import lock_for_writing, require_id
from kongres_app.services.clock import utc_to_local, utcnow
from kongres_app.services.polish import chars

REFRESH_INTERVAL = timedelta(minutes=15)
SNAPSHOT_EVERY = timedelta(days=1)
MAX_AMOUNT = 1_000_000_000
MAX_URL_LENGTH = 500
USER_AGENT = "KongresNGO-zbiorki/1.0"
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "raised": ("raised", "amount", "collected", "raised_pln", "zebrano"),
    "goal": ("goal", "target", "goal_pln", "cel"),
    "supporters": ("supporters", "backers", "donors", "wspierajacy"),
}
PUBLISHED = "opublikowana"  # the status campaigns.py calls PUBLISHED (kept here to avoid an import cycle)


@dataclass(frozen=True)
class FetchPolicy:
    timeout_s: float = 5.0  # connect, read, write and pool, each
    attempt_s: float = 15.0  # one whole attempt: redirects and body included
    retries: int = 2  # extra attempts after a 5xx, 429, time-out or broken connection
    backoff_s: float = 0.5  # pause before the first retry; doubles each time
    max_bytes: int = 256 * 1024
    max_redirects: int = 3


DEFAULT_POLICY = FetchPolicy()


class ProgressError(Exception):
    """Why the figures could not be read; ``message`` is shown to the organiser."""

    def __init__(self, message: str, *, retryable: bool = False):
        super().__init__(message)
        self.message = message
        self.retryable = retryable
        self.attempts = 1


@dataclass(frozen=True)
class Figures:
    raised_pln: int
    goal_pln: int | None = None
    supporters: int | None = None


@dataclass(frozen=True)
class RefreshResult:
    campaign_id: int
    ok: bool
    error: str = ""
    raised_pln: int = 0
    goal_pln: int = 0
    supporters: int = 0
    attempts: int = 0
    snapshot_added: bool = False


# ----------------------------------------------------------------------------- addresses


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
            raise ProgressError(f"Nie udało się odnaleźć serwera „{url.host}”.") from exc
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not allow_private:
        for candidate in addresses:
            if address_refused(candidate):
                raise ProgressError(
                    f"Adres „{url.host}” prowadzi do sieci wewnętrznej ({candidate}): "
                    "ze względów bezpieczeństwa nie pobieramy stamtąd danych."
                )
    addresses.sort(key=lambda a: a.version)  # IPv4 first: it is what most small servers listen on
    return str(addresses[0])


# ----------------------------------------------------------------------------- one request


def _pinned_request(client: httpx.AsyncClient, url: httpx.URL, ip: str, policy: FetchPolicy) -> httpx.Request:
    headers = {
        "Host": url.netloc.decode("ascii"),
        "Accept": "application/json",
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
        raise ProgressError(f"Serwer zbiórki odpowiedział błędem {code}.", retryable=True)
    if not 200 <= code < 300:
        raise ProgressError(f"Serwer zbiórki odpowiedział kodem {code}: sprawdź, czy adres jest poprawny.")


async def _read_limited(response: httpx.Response, max_bytes: int) -> bytes:
    too_big = ProgressError(f"Odpowiedź jest za duża (ponad {max_bytes // 1024} KiB): to nie są dane zbiórki.")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise too_big
    body = bytearray()
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise too_big
    return bytes(body)


async def _get_json_body(url: str, client: httpx.AsyncClient, allow_private: bool, policy: FetchPolicy) -> bytes:
    current = httpx.URL(url)
    for hop in range(policy.max_redirects + 1):
        if problem := url_problem(str(current)):
            if hop:
                raise ProgressError(f"Serwer przekierował na niedozwolony adres ({current.scheme}:…). {problem}")
            raise ProgressError(problem)
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
    raise ProgressError(f"Zbyt wiele przekierowań (więcej niż {policy.max_redirects}).")


async def _attempt(url: str, client: httpx.AsyncClient, allow_private: bool, policy: FetchPolicy) -> Figures:
    seconds = f"{policy.timeout_s:g}".replace(".", ",")
    timed_out = ProgressError(f"Serwer zbiórki nie odpowiedział w ciągu {seconds} s.", retryable=True)
    try:
        async with asyncio.timeout(policy.attempt_s):
            body = await _get_json_body(url, client, allow_private, policy)
    except TimeoutError as exc:
        raise timed_out from exc
    except httpx.TimeoutException as exc:
        raise timed_out from exc
    except httpx.InvalidURL as exc:
        raise ProgressError("Serwer przekierował na niepoprawny adres.") from exc
    except httpx.TransportError as exc:
        if "CERTIFICATE_VERIFY_FAILED" in str(exc):
            raise ProgressError("Certyfikat HTTPS serwera zbiórki jest nieprawidłowy.") from exc
        raise ProgressError("Nie udało się połączyć z serwerem zbiórki.", retryable=True) from exc
    return extract_figures(parse_json(body))


async def fetch_figures(
    url: str, *, client: httpx.AsyncClient, allow_private: bool = False, policy: FetchPolicy = DEFAULT_POLICY
) -> tuple[Figures, int]:
    """The figures at ``url`` and the number of attempts it took; ProgressError when it fails."""
    attempt = 0
    while True:
        attempt += 1
        try:
            return await _attempt(url, client, allow_private, policy), attempt
        except ProgressError as exc:
            if not exc.retryable or attempt > policy.retries:
                exc.attempts = attempt
                raise
        await asyncio.sleep(policy.backoff_s * 2 ** (attempt - 1))


# ----------------------------------------------------------------------------- JSON


def parse_json(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ProgressError("Odpowiedź nie jest poprawnym JSON-em: sprawdź adres danych zbiórki.") from exc


def parse_number(value: Any) -> Decimal:
    """A JSON number or a string like "1 234,50", "1,234.50", "1.234" or "1234 zł"."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError("not a number")
    text = str(value).casefold().replace("zł", "").replace("pln", "")
    if isinstance(value, str):
        text = _plain_decimal("".join(ch for ch in text if not ch.isspace() and ch not in "'_"))
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError("not a number") from exc
    if not number.is_finite():
        raise ValueError("not a number")
    return number


def _plain_decimal(text: str) -> str:
    """Drop thousands separators and make the decimal mark a dot.

    The last mark is the decimal one, unless it also appears earlier ("1,234,567") or it alone
    is followed by exactly three digits ("1.234", "12,345"): amounts never have three decimals.
    """
    last = max(text.rfind(","), text.rfind("."))
    if last < 0:
        return text
    whole, fraction = text[:last], text[last + 1 :]
    earlier = {ch for ch in whole if ch in ",."}
    digits = whole.replace(",", "").replace(".", "")
    if text[last] in earlier or (not earlier and len(fraction) == 3 and digits.lstrip("+-") not in ("", "0")):
        return digits + fraction
    return f"{digits}.{fraction}"


def _figure(data: dict[str, Any], kind: str, label: str) -> int | None:
    for name in FIELD_NAMES[kind]:
        if name in data and data[name] is not None:
            try:
                number = int(parse_number(data[name]))  # whole złoty / people, rounded down
            except ValueError as exc:
                raise ProgressError(f"Pole „{name}” ({label}) nie zawiera liczby.") from exc
            if not 0 <= number <= MAX_AMOUNT:
                raise ProgressError(f"Pole „{name}” ({label}) ma niemożliwą wartość: {number}.")
            return number
    return None


def extract_figures(payload: Any) -> Figures:
    """Map the JSON answer to figures by the field names in FIELD_NAMES."""
    if isinstance(payload, dict) and isinstance(payload.get("data"), dict):
        top = {str(k).casefold() for k in payload}
        if not top.intersection(FIELD_NAMES["raised"]):
            payload = payload["data"]
    if not isinstance(payload, dict):
        raise ProgressError("Odpowiedź nie zawiera obiektu z danymi zbiórki.")
    data = {str(k).casefold(): v for k, v in payload.items()}
    raised = _figure(data, "raised", "zebrana kwota")
    if raised is None:
        raise ProgressError("W odpowiedzi brakuje zebranej kwoty (pole raised, amount albo collected).")
    return Figures(raised, _figure(data, "goal", "cel"), _figure(data, "supporters", "liczba wspierających"))


# ----------------------------------------------------------------------------- database


def _release(session: Session) -> None:
    """End the read transaction before a network wait, so no SQLite snapshot or lock is held."""
    if session.in_transaction():
        session.commit()


def _needs_snapshot(session: Session, campaign: Campaign, now: datetime) -> bool:
    last = session.exec(
        select(CampaignSnapshot)
        .where(CampaignSnapshot.campaign_id == campaign.id)
        .order_by(col(CampaignSnapshot.taken_at).desc(), col(CampaignSnapshot.id).desc())
    ).first()
    if last is None:
        return True
    changed = (last.raised_pln, last.goal_pln, last.supporters) != (
        campaign.raised_pln,
        campaign.goal_pln,
        campaign.supporters,
    )
    return changed or now - last.taken_at >= SNAPSHOT_EVERY


def _record(
    session: Session, campaign_id: int, outcome: Figures | ProgressError, attempts: int, now: datetime
) -> RefreshResult:
    lock_for_writing(session)
    campaign = session.get(Campaign, campaign_id, populate_existing=True)
    if campaign is None:
        session.commit()
        return RefreshResult(campaign_id, ok=False, error="Zbiórka została usunięta.", attempts=attempts)
    campaign.last_checked_at = now
    snapshot_added = False
    if isinstance(outcome, ProgressError):
        campaign.last_error = outcome.message[:500]
    else:
        campaign.raised_pln = outcome.raised_pln
        if outcome.goal_pln is not None:
            campaign.goal_pln = outcome.goal_pln
        if outcome.supporters is not None:
            campaign.supporters = outcome.supporters
        campaign.last_error = ""
        campaign.updated_at = now
        if snapshot_added := _needs_snapshot(session, campaign, now):
            session.add(_snapshot(campaign, now))
    session.add(campaign)
    result = RefreshResult(
        campaign_id=campaign_id,
        ok=not isinstance(outcome, ProgressError),
        error=campaign.last_error,
        raised_pln=campaign.raised_pln,
        goal_pln=campaign.goal_pln,
        supporters=campaign.supporters,
        attempts=attempts,
        snapshot_added=snapshot_added,
    )
    session.commit()
    return result


def _snapshot(campaign: Campaign, now: datetime) -> CampaignSnapshot:
    return CampaignSnapshot(
        campaign_id=require_id(campaign),
        taken_at=now,
        raised_pln=campaign.raised_pln,
        goal_pln=campaign.goal_pln,
        supporters=campaign.supporters,
        source="fetch",
    )


async def _fetch_outcome(
    url: str, client: httpx.AsyncClient, allow_private: bool, policy: FetchPolicy
) -> tuple[Figures | ProgressError, int]:
    try:
        return await fetch_figures(url, client=client, allow_private=allow_private, policy=policy)
    except ProgressError as exc:
        return exc, exc.attempts


async def refresh_campaign(
    *,
    session: Session,
    campaign_id: int,
    client: httpx.AsyncClient,
    allow_private: bool = False,
    now: datetime | None = None,
    policy: FetchPolicy = DEFAULT_POLICY,
) -> RefreshResult:
    """Read one campaign's figures from its source address now (the organiser's "odśwież")."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        return RefreshResult(campaign_id, ok=False, error="Nie ma takiej zbiórki.")
    url = campaign.progress_source_url
    if not url:
        return RefreshResult(campaign_id, ok=False, error="Zbiórka nie ma adresu danych do odświeżania.")
    _release(session)
    outcome, attempts = await _fetch_outcome(url, client, allow_private, policy)
    return _record(session, campaign_id, outcome, attempts, now or utcnow())


def due_campaigns(session: Session, *, now: datetime, interval: timedelta, limit: int) -> list[tuple[int, str]]:
    """(id, source address) of published campaigns not checked within ``interval``, oldest check first.

    A campaign is still checked on the day after it ends, to catch the last payments.
    """
    last_day = utc_to_local(now).date() - timedelta(days=1)
    rows = session.exec(
        select(Campaign.id, Campaign.progress_source_url)
        .where(
            Campaign.status == PUBLISHED,
            col(Campaign.progress_source_url).is_not(None),
            Campaign.progress_source_url != "",
            Campaign.ends_on >= last_day,
        )
        .where(col(Campaign.last_checked_at).is_(None) | (col(Campaign.last_checked_at) <= now - interval))
        .order_by(col(Campaign.last_checked_at).is_not(None), col(Campaign.last_checked_at), col(Campaign.id))
        .limit(limit)
    ).all()
    return [(campaign_id, url) for campaign_id, url in rows if campaign_id is not None and url]


async def refresh_due(
    *,
    session: Session,
    client: httpx.AsyncClient,
    interval: timedelta = REFRESH_INTERVAL,
    allow_private: bool = False,
    now: datetime | None = None,
    policy: FetchPolicy = DEFAULT_POLICY,
    limit: int = 50,
    concurrency: int = 4,
) -> list[RefreshResult]:
    """The periodic job: refresh every campaign that is due, a few requests at a time."""
    due = due_campaigns(session, now=now or utcnow(), interval=interval, limit=limit)
    _release(session)
    gate = asyncio.Semaphore(max(1, concurrency))

    async def fetch(url: str) -> tuple[Figures | ProgressError, int]:
        async with gate:
            return await _fetch_outcome(url, client, allow_private, policy)

    outcomes = await asyncio.gather(*(fetch(url) for _, url in due))
    recorded_at = now or utcnow()
    return [
        _record(session, campaign_id, outcome, attempts, recorded_at)
        for (campaign_id, _), (outcome, attempts) in zip(due, outcomes, strict=True)
    ]
