"""Automatic refresh of a campaign's figures from a JSON address its organisation gives.

The address (``Campaign.progress_source_url``) must answer ``GET`` with a JSON object, either at
the top level or under ``"data"``; field names are matched case-insensitively:

    {"raised": "12 345,50", "goal": 20000, "supporters": 87}

- raised (required): ``raised`` | ``amount`` | ``collected`` | ``raised_pln`` | ``zebrano``
- goal (optional, else kept): ``goal`` | ``target`` | ``goal_pln`` | ``cel``
- supporters (optional, else kept): ``supporters`` | ``backers`` | ``donors`` | ``wspierajacy``

Numbers may be JSON numbers or strings in Polish or English notation ("1 234,50", "1234.50",
"1,234.50", "1 234 zł"); amounts are rounded down to whole złoty.

The request itself goes through ``services.safe_fetch`` (the SSRF guard, redirects, limits, retries).

Database work is synchronous and short: the session's transaction is committed before the network
wait (an SQLite transaction must not stay open across it) and each result is committed at once.
A failure keeps the last good figures and records ``last_error`` (Polish, for the organiser) and
``last_checked_at``; a success updates the figures, clears ``last_error`` and stores a snapshot
when the figures changed or the newest snapshot is older than ``SNAPSHOT_EVERY``.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlmodel import Session, col, select

from kongres_app.db import lock_for_writing
from kongres_app.models import Campaign, CampaignSnapshot, CampaignStatus, SnapshotSource
from kongres_app.services.clock import utc_to_local, utcnow
from kongres_app.services.safe_fetch import (
    DEFAULT_POLICY,
    FetchPolicy,
    address_refused,
    fetch_bytes,
    literal_ip,
    local_host_problem,
    url_problem,
)
from kongres_app.services.safe_fetch import FetchError as ProgressError
from kongres_app.services.validators import MAX_AMOUNT, parse_number

__all__ = [  # the fetcher's names callers of this module use
    "DEFAULT_POLICY",
    "FetchPolicy",
    "ProgressError",
    "address_refused",
    "literal_ip",
    "local_host_problem",
    "url_problem",
]

REFRESH_INTERVAL = timedelta(minutes=15)
SNAPSHOT_EVERY = timedelta(days=1)
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "raised": ("raised", "amount", "collected", "raised_pln", "zebrano"),
    "goal": ("goal", "target", "goal_pln", "cel"),
    "supporters": ("supporters", "backers", "donors", "wspierajacy"),
}


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


# ----------------------------------------------------------------------------- fetching


async def fetch_figures(
    url: str, *, client: httpx.AsyncClient, allow_private: bool = False, policy: FetchPolicy = DEFAULT_POLICY
) -> tuple[Figures, int]:
    """The figures at ``url`` and the number of attempts it took; ProgressError when it fails."""
    body, attempts = await fetch_bytes(url, client=client, allow_private=allow_private, policy=policy)
    try:
        return extract_figures(parse_json(body)), attempts
    except ProgressError as exc:
        exc.attempts = attempts
        raise


# ----------------------------------------------------------------------------- JSON


def parse_json(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ProgressError("Odpowiedź nie jest poprawnym JSON-em: sprawdź adres danych zbiórki.") from exc


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
            session.add(CampaignSnapshot.of(campaign, now, SnapshotSource.FETCH))
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
            Campaign.status == CampaignStatus.PUBLISHED,
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
