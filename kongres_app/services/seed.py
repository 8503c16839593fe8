"""Loads an edition's facts from a data file into the database, idempotently.

Rows that already exist are left as they are: organisers may have edited them in the
settings, and re-running ``make run`` must not undo that. Only missing rows are added.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import yaml
from sqlmodel import Session, col, select

from kongres_app.models import AgendaItem, DiscussionGroup, Edition, Milestone, SiteSetting
from kongres_app.services.clock import local_to_utc

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_SEED_FILE = DATA_DIR / "kongres-2017.yaml"


class SeedError(ValueError):
    """The data file is malformed; the message names the problem."""


@dataclass(frozen=True)
class SeedResult:
    edition_slug: str
    added: int

    @property
    def changed(self) -> bool:
        return self.added > 0


def read_seed_file(path: Path = DEFAULT_SEED_FILE) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SeedError(f"Cannot read the data file {path}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("edition"), dict):
        raise SeedError(f"{path}: expected a mapping with an 'edition' section.")
    return data


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _as_utc(value: Any, tz: str) -> datetime:
    local = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return local_to_utc(local, tz)


def _as_time(value: Any) -> time | None:
    if value in (None, ""):
        return None
    return time.fromisoformat(str(value))


def _edition_from(raw: dict[str, Any], tz: str) -> Edition:
    try:
        return Edition(
            slug=raw["slug"],
            name=raw["name"],
            short_name=raw.get("short_name", raw["name"]),
            slogan=raw.get("slogan", ""),
            intro=raw.get("intro", ""),
            host=raw.get("host", ""),
            event_date=_as_date(raw["event_date"]),
            venue_name=raw["venue_name"],
            venue_address=raw.get("venue_address", ""),
            registration_opens_at=_as_utc(raw["registration_opens_at"], tz),
            registration_closes_at=_as_utc(raw["registration_closes_at"], tz),
            venue_capacity=int(raw["venue_capacity"]),
            is_current=bool(raw.get("is_current", False)),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise SeedError(f"Edition data incomplete or invalid: {exc!r}") from exc


def load_edition(*, session: Session, data: dict[str, Any], tz: str = "Europe/Warsaw") -> SeedResult:
    """Insert the edition and its groups, agenda and milestones where missing."""
    wanted = _edition_from(data["edition"], tz)
    added = 0
    edition = session.exec(select(Edition).where(Edition.slug == wanted.slug)).first()
    if edition is None:
        if wanted.is_current:
            for other in session.exec(select(Edition).where(Edition.is_current)).all():
                other.is_current = False
                session.add(other)
        session.add(wanted)
        session.flush()
        edition, added = wanted, 1
    if edition.id is None:  # pragma: no cover - flush always assigns it
        raise SeedError("The edition got no id.")

    existing_groups = set(
        session.exec(select(DiscussionGroup.number).where(DiscussionGroup.edition_id == edition.id)).all()
    )
    for raw in data.get("groups", []):
        if int(raw["number"]) in existing_groups:
            continue
        session.add(
            DiscussionGroup(
                edition_id=edition.id,
                number=int(raw["number"]),
                name=raw["name"],
                description=raw.get("description", ""),
                capacity=int(raw["capacity"]),
            )
        )
        added += 1

    added += _add_positioned(session, edition.id, AgendaItem, data.get("agenda", []))
    added += _add_positioned(session, edition.id, Milestone, data.get("milestones", []))
    added += _add_settings(session, edition.id, data.get("settings", {}))
    session.flush()
    return SeedResult(edition_slug=edition.slug, added=added)


def _add_positioned(session: Session, edition_id: int, model: type[AgendaItem | Milestone], items: list) -> int:
    """Add list items (position = index + 1) that are not stored yet."""
    existing = set(session.exec(select(col(model.position)).where(col(model.edition_id) == edition_id)).all())
    added = 0
    for position, raw in enumerate(items, start=1):
        if position in existing:
            continue
        fields = dict(raw)
        if model is AgendaItem:
            fields["starts_at"] = _as_time(fields.get("starts_at"))
            fields["ends_at"] = _as_time(fields.get("ends_at"))
        session.add(model(edition_id=edition_id, position=position, **fields))
        added += 1
    return added


def _add_settings(session: Session, edition_id: int, values: dict[str, Any]) -> int:
    existing = set(session.exec(select(SiteSetting.key).where(SiteSetting.edition_id == edition_id)).all())
    missing = {key: str(value).strip() for key, value in values.items() if key not in existing}
    for key, value in missing.items():
        session.add(SiteSetting(edition_id=edition_id, key=key, value=value))
    return len(missing)
