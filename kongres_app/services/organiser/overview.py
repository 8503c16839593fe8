"""The organisers' dashboard: figures, group tiles, the newest registrations, registrations per day."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlmodel import Session, col, func, select

from kongres_app.models import Delegate, DelegateStatus, Edition, Registration
from kongres_app.services.auth import Staff, require_organiser
from kongres_app.services.boards import groups_overview
from kongres_app.services.clock import utc_to_local
from kongres_app.services.congress import current_edition
from kongres_app.services.dictionaries import GMINAS
from kongres_app.services.polish import of_places, polish_datetime
from kongres_app.services.stats import GroupStats, congress_stats


@dataclass
class GroupTile:
    number: int = 0
    label: str = ""
    capacity: int = 0
    confirmed: int = 0
    waiting: int = 0
    percent: int = 0
    places_label: str = ""  # "zajęte 12 z 30 miejsc" ("z 1 miejsca"): genitive after "z"


@dataclass
class RecentRegistration:
    org_name: str = ""
    gmina: str = ""
    delegates: int = 0
    at: str = ""


@dataclass
class DayPoint:
    day: str = ""
    registrations: int = 0
    total: int = 0


@dataclass
class Dashboard:
    organisations: int = 0
    confirmed: int = 0
    waiting: int = 0
    venue_capacity: int = 0
    checked_in: int = 0
    groups: list[GroupTile] = field(default_factory=list)
    gminas: list[list[str]] = field(default_factory=list)  # [label, organisations, delegates]
    recent: list[RecentRegistration] = field(default_factory=list)
    timeline: list[DayPoint] = field(default_factory=list)
    notes: list[list[str]] = field(default_factory=list)  # [board label, visible notes]


def _active(edition: Edition) -> tuple:
    # Every figure counts what the tiles count: registrations not cancelled and not awaiting their e-mail
    # confirmation, delegates with a place or on the waiting list.
    return (
        Registration.edition_id == edition.id,
        col(Registration.cancelled_at).is_(None),
        col(Registration.confirm_by).is_(None),
    )


def _recent(session: Session, edition: Edition) -> list[RecentRegistration]:
    rows = session.exec(
        select(Registration, func.count(col(Delegate.id)))
        .join(Delegate, col(Delegate.registration_id) == col(Registration.id))
        .where(*_active(edition), col(Delegate.status).in_((DelegateStatus.CONFIRMED, DelegateStatus.WAITING)))
        .group_by(col(Registration.id))
        .order_by(col(Registration.created_at).desc(), col(Registration.id).desc())
        .limit(10)
    ).all()
    return [
        RecentRegistration(r.org_name, GMINAS.get(r.gmina, r.gmina), n, polish_datetime(r.created_at)) for r, n in rows
    ]


def _timeline(session: Session, edition: Edition) -> list[DayPoint]:
    created = session.exec(
        select(Registration.created_at).where(*_active(edition)).order_by(col(Registration.created_at))
    ).all()
    per_day = Counter(utc_to_local(at).date().isoformat() for at in created)
    total, timeline = 0, []
    for day in sorted(per_day):
        total += per_day[day]
        timeline.append(DayPoint(day, per_day[day], total))
    return timeline


def _tile(g: GroupStats) -> GroupTile:
    return GroupTile(
        g.number,
        f"Grupa {g.roman}",
        g.capacity,
        g.confirmed,
        g.waiting,
        round(100 * g.confirmed / g.capacity) if g.capacity else 0,
        f"zajęte {g.confirmed} z {of_places(g.capacity)}",
    )


def dashboard(session: Session, actor: Staff | None) -> Dashboard:
    require_organiser(session, actor, "read_dashboard")
    figures = congress_stats(session)
    edition = current_edition(session)
    if figures is None or edition is None:
        return Dashboard()
    return Dashboard(
        organisations=figures.organisations,
        confirmed=figures.confirmed,
        waiting=figures.waiting,
        venue_capacity=figures.venue_capacity,
        checked_in=figures.checked_in,
        groups=[_tile(g) for g in figures.groups],
        gminas=[[g.name, str(g.organisations), str(g.delegates_confirmed)] for g in figures.gminas],
        recent=_recent(session, edition),
        timeline=_timeline(session, edition),
        notes=[[f"Grupa {g.roman}", str(g.notes)] for g in groups_overview(session)],
    )
