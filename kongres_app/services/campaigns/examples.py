"""Fictional example campaigns for an empty showcase (marked [Przykład], never verified)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import yaml
from sqlmodel import Session, select

from kongres_app.db import require_id
from kongres_app.models import Campaign, CampaignSnapshot, SnapshotSource
from kongres_app.services.campaigns.catalog import (
    CATEGORIES,
    EXAMPLES_FILE,
    PLATFORMS,
    PUBLIC_STATUSES,
    PUBLISHED,
    CampaignError,
    local_today,
)
from kongres_app.services.clock import local_to_utc, utcnow
from kongres_app.services.congress import current_edition
from kongres_app.services.dictionaries import GMINAS

# ----------------------------------------------------------------------------- example data


def _example(raw: dict[str, Any], edition_id: int, today: date, now: datetime) -> Campaign:
    raw = {"status": PUBLISHED} | raw
    for key, allowed in (
        ("category", CATEGORIES),
        ("gmina", GMINAS),
        ("platform", PLATFORMS),
        ("status", PUBLIC_STATUSES),
    ):
        if raw.get(key) not in allowed:
            raise CampaignError(f"Przykład „{raw.get('title')}”: nieznana wartość {key}={raw.get(key)!r}.")
    return Campaign(
        edition_id=edition_id,
        title=raw["title"],
        org_name=raw["org_name"],
        category=raw["category"],
        gmina=raw["gmina"],
        blurb=raw["blurb"],
        description=str(raw.get("description", "")).strip(),
        goal_pln=int(raw.get("goal_pln", 0)),
        raised_pln=int(raw.get("raised_pln", 0)),
        supporters=int(raw.get("supporters", 0)),
        starts_on=today + timedelta(days=int(raw["starts_in_days"])),
        ends_on=today + timedelta(days=int(raw["ends_in_days"])),
        platform=raw["platform"],
        external_url=raw["external_url"],
        hide_amounts=bool(raw.get("hide_amounts", False)),
        status=raw["status"],
        verified=False,
        is_example=True,
        created_at=now + timedelta(days=int(raw["starts_in_days"])),
        updated_at=now,
    )


def _example_snapshots(raw: dict[str, Any], campaign: Campaign, today: date, now: datetime) -> list[CampaignSnapshot]:
    def at(day: date) -> datetime:
        return local_to_utc(datetime.combine(day, time(12, 0)))

    history = [
        CampaignSnapshot(
            campaign_id=require_id(campaign),
            taken_at=at(today - timedelta(days=int(point["days_ago"]))),
            raised_pln=int(point["raised_pln"]),
            goal_pln=campaign.goal_pln,
            supporters=int(point["supporters"]),
            source=SnapshotSource.MANUAL,
        )
        for point in raw.get("snapshots", [])
    ]
    last_day = min(today, campaign.ends_on)
    history.append(CampaignSnapshot.of(campaign, min(now, at(last_day)), SnapshotSource.MANUAL))
    return history


def load_example_campaigns(
    *, session: Session, path: Path = EXAMPLES_FILE, today: date | None = None, now: datetime | None = None
) -> int:
    """Add the example campaigns missing from the current edition (matched by title); returns how many.

    Dates in the file are days relative to ``today``, so a fresh demo always has running campaigns.
    """
    now = now or utcnow()
    today = today or local_today(now)
    edition = current_edition(session)
    if edition is None or edition.id is None:
        return 0
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise CampaignError(f"Nie można wczytać pliku {path}: {exc}") from exc
    existing = set(session.exec(select(Campaign.title).where(Campaign.edition_id == edition.id)).all())
    added = 0
    for raw in data.get("campaigns", []):
        if raw["title"] in existing:
            continue
        campaign = _example(raw, edition.id, today, now)
        session.add(campaign)
        session.flush()
        session.add_all(_example_snapshots(raw, campaign, today, now))
        existing.add(campaign.title)
        added += 1
    session.flush()
    return added
