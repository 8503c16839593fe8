"""The congress's figures in numbers: registered organisations, places taken, the waiting list, check-ins,
per group and per gmina. The organisers' dashboard reads them typed; ``/api/stats`` (the county's website)
gets ``public_json``: aggregate counts only, no names, no personal data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, func, select

from kongres_app.db import require_id
from kongres_app.models import CheckIn, Delegate, DiscussionGroup, Edition, Registration
from kongres_app.services.congress import current_edition, registration_status, roman
from kongres_app.services.dictionaries import CANCELLED, CONFIRMED, GMINAS, WAITING


@dataclass(frozen=True)
class GroupStats:
    number: int
    roman: str
    name: str
    capacity: int
    confirmed: int  # delegates with a place
    waiting: int  # delegates on the waiting list


@dataclass(frozen=True)
class GminaStats:
    gmina: str  # the code (``piastow``)
    name: str  # its Polish label
    organisations: int
    delegates_confirmed: int


@dataclass(frozen=True)
class CongressStats:
    edition: str  # the edition's slug
    registration_status: str  # before | open | closed
    organisations: int  # registrations not cancelled and not awaiting their e-mail confirmation
    confirmed: int
    waiting: int
    venue_capacity: int
    checked_in: int  # delegates with a place who came in (the dashboard's, not the public API's)
    groups: list[GroupStats] = field(default_factory=list)
    gminas: list[GminaStats] = field(default_factory=list)  # every gmina of the county, in dictionary order

    def public_json(self) -> dict[str, Any]:
        """What ``/api/stats`` sends (its shape is public: the county's website reads it)."""
        return {
            "edition": self.edition,
            "registration_status": self.registration_status,
            "organisations": self.organisations,
            "delegates": {"confirmed": self.confirmed, "waiting": self.waiting},
            "venue": {"capacity": self.venue_capacity, "confirmed": self.confirmed},
            "groups": [
                {
                    "number": g.number,
                    "roman": g.roman,
                    "name": g.name,
                    "capacity": g.capacity,
                    "confirmed": g.confirmed,
                    "waiting": g.waiting,
                }
                for g in self.groups
            ],
            "gminas": [
                {
                    "gmina": g.gmina,
                    "name": g.name,
                    "organisations": g.organisations,
                    "delegates_confirmed": g.delegates_confirmed,
                }
                for g in self.gminas
            ],
        }


def congress_stats(session: Session) -> CongressStats | None:
    """The current edition's figures, or None when no edition is loaded."""
    edition = current_edition(session)
    if edition is None:
        return None
    groups = session.exec(
        select(DiscussionGroup).where(DiscussionGroup.edition_id == edition.id).order_by(col(DiscussionGroup.number))
    ).all()
    counts = session.exec(
        select(Delegate.group_id, Delegate.status, func.count())
        .where(Delegate.edition_id == edition.id, Delegate.status != CANCELLED)
        .group_by(col(Delegate.group_id), col(Delegate.status))
    ).all()
    per_group = {(g, s): n for g, s, n in counts}
    orgs_by_gmina = dict(
        session.exec(
            select(Registration.gmina, func.count())
            .where(
                Registration.edition_id == edition.id,
                col(Registration.cancelled_at).is_(None),
                col(Registration.confirm_by).is_(None),  # awaiting e-mail confirmation: not counted yet
            )
            .group_by(col(Registration.gmina))
        ).all()
    )
    delegates_by_gmina = dict(
        session.exec(
            select(Registration.gmina, func.count())
            .join(Delegate, col(Delegate.registration_id) == col(Registration.id))
            .where(Registration.edition_id == edition.id, Delegate.status == CONFIRMED)
            .group_by(col(Registration.gmina))
        ).all()
    )
    confirmed = sum(n for (_, s), n in per_group.items() if s == CONFIRMED)
    return CongressStats(
        edition=edition.slug,
        registration_status=registration_status(edition),
        organisations=sum(orgs_by_gmina.values()),
        confirmed=confirmed,
        waiting=sum(n for (_, s), n in per_group.items() if s == WAITING),
        venue_capacity=edition.venue_capacity,
        checked_in=_checked_in(session, edition),
        groups=[
            GroupStats(
                number=g.number,
                roman=roman(g.number),
                name=g.name,
                capacity=g.capacity,
                confirmed=per_group.get((require_id(g), CONFIRMED), 0),
                waiting=per_group.get((require_id(g), WAITING), 0),
            )
            for g in groups
        ],
        gminas=[
            GminaStats(code, label, orgs_by_gmina.get(code, 0), delegates_by_gmina.get(code, 0))
            for code, label in GMINAS.items()
        ],
    )


def _checked_in(session: Session, edition: Edition) -> int:
    return session.exec(
        select(func.count())
        .select_from(CheckIn)
        .join(Delegate, col(Delegate.id) == col(CheckIn.delegate_id))
        .where(Delegate.edition_id == edition.id, Delegate.status == CONFIRMED)
    ).one()


def public_stats(session: Session) -> dict[str, Any]:
    """The body of ``/api/stats``; empty when no edition is loaded."""
    figures = congress_stats(session)
    return figures.public_json() if figures else {}
