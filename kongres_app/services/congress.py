"""Read models of the current congress edition: what the home page, programme and API show."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime

from sqlmodel import Session, col, select

from kongres_app.models import AgendaItem, DiscussionGroup, Edition, Milestone, SiteSetting
from kongres_app.services.clock import utcnow
from kongres_app.services.polish import polish_date, polish_datetime, typeset

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII"}


def roman(number: int) -> str:
    return ROMAN.get(number, str(number))


@dataclass
class GroupView:
    number: int = 0
    roman: str = ""
    name: str = ""
    description: str = ""
    capacity: int = 0


@dataclass
class AgendaView:
    position: int = 0
    title: str = ""
    description: str = ""
    time_label: str = ""


@dataclass
class MilestoneView:
    period: str = ""
    title: str = ""
    description: str = ""


@dataclass
class EditionView:
    slug: str = ""
    name: str = ""
    short_name: str = ""
    slogan: str = ""
    intro: str = ""
    host: str = ""
    date_iso: str = ""
    date_label: str = ""
    venue_name: str = ""
    venue_address: str = ""
    venue_capacity: int = 0
    registration_opens_label: str = ""
    registration_closes_label: str = ""
    registration_status: str = "closed"  # "before" | "open" | "closed" | "unready" (open, clause unfilled)
    groups: list[GroupView] = field(default_factory=list)
    agenda: list[AgendaView] = field(default_factory=list)
    milestones: list[MilestoneView] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


SETTING_TEXTS = {
    "gdpr_controller": "Administrator danych",
    "gdpr_dpo_contact": "Kontakt do inspektora ochrony danych",
    "gdpr_retention": "Okres przechowywania danych",
    "gdpr_recipients": "Odbiorcy danych",
    "organiser_contact": "Kontakt z organizatorami",
    "a11y_published_on": "Deklaracja dostępności: data publikacji strony",
    "a11y_updated_on": "Deklaracja dostępności: data ostatniej aktualizacji",
    "a11y_contact": "Deklaracja dostępności: kontakt w sprawie dostępności",
    "a11y_building": "Deklaracja dostępności: dostępność architektoniczna",
}
# What the information clause (RODO art. 13 and 14) needs before anyone may register.
BLOCKING_FACTS = ("gdpr_controller", "gdpr_dpo_contact", "gdpr_retention", "gdpr_recipients", "organiser_contact")

PLACEHOLDER_MARK = "uzupełnia organizator"  # the seed's "[… – uzupełnia organizator]" texts


def missing_facts(values: dict[str, str], keys: tuple[str, ...] | None = None) -> list[str]:
    """The facts the information clause and the accessibility statement still lack (empty or a placeholder):
    what the organiser must fill in before the pages can be published and registration opened to the public."""
    return [
        label
        for key, label in SETTING_TEXTS.items()
        if (keys is None or key in keys)
        and (not values.get(key, "").strip() or PLACEHOLDER_MARK in values.get(key, ""))
    ]


def unfilled_legal_facts(session: Session) -> list[str]:
    """The information clause's facts still empty or a placeholder: registration waits until they are filled
    (a lawyer would not let people give their data under a clause with "[… – uzupełnia organizator]" in it)."""
    values = site_settings(session)
    return missing_facts({key: values.get(key, "") for key in BLOCKING_FACTS}, BLOCKING_FACTS)


def current_edition(session: Session) -> Edition | None:
    """The edition marked current, else the most recent one."""
    return session.exec(
        select(Edition).order_by(col(Edition.is_current).desc(), col(Edition.event_date).desc())
    ).first()


def registration_status(edition: Edition, now: datetime | None = None) -> str:
    now = now or utcnow()
    if now < edition.registration_opens_at:
        return "before"
    if now >= edition.registration_closes_at:
        return "closed"
    return "open"


def _public_status(session: Session, edition: Edition, now: datetime | None) -> str:
    status = registration_status(edition, now)
    return "unready" if status == "open" and unfilled_legal_facts(session) else status


def _time_label(item: AgendaItem) -> str:
    if item.starts_at and item.ends_at:
        return f"{item.starts_at:%H:%M}–{item.ends_at:%H:%M}"
    if item.starts_at:
        return f"{item.starts_at:%H:%M}"
    return ""


def edition_view(session: Session, now: datetime | None = None) -> EditionView | None:
    edition = current_edition(session)
    if edition is None:
        return None
    groups = session.exec(
        select(DiscussionGroup).where(DiscussionGroup.edition_id == edition.id).order_by(col(DiscussionGroup.number))
    ).all()
    agenda = session.exec(
        select(AgendaItem).where(AgendaItem.edition_id == edition.id).order_by(col(AgendaItem.position))
    ).all()
    milestones = session.exec(
        select(Milestone).where(Milestone.edition_id == edition.id).order_by(col(Milestone.position))
    ).all()
    return EditionView(
        slug=edition.slug,
        name=edition.name,
        short_name=edition.short_name,
        slogan=edition.slogan,
        intro=edition.intro,
        host=edition.host,
        date_iso=edition.event_date.isoformat(),
        date_label=polish_date(edition.event_date),
        venue_name=edition.venue_name,
        venue_address=edition.venue_address,
        venue_capacity=edition.venue_capacity,
        registration_opens_label=polish_datetime(edition.registration_opens_at),
        registration_closes_label=polish_datetime(edition.registration_closes_at),
        registration_status=_public_status(session, edition, now),
        groups=[GroupView(g.number, roman(g.number), g.name, g.description, g.capacity) for g in groups],
        agenda=[AgendaView(a.position, a.title, a.description, _time_label(a)) for a in agenda],
        milestones=[MilestoneView(m.period, m.title, m.description) for m in milestones],
    )


def typeset_view(view: EditionView) -> EditionView:
    """The edition's texts with Polish typography, for the pages (the JSON API keeps them as stored)."""
    t = typeset
    return replace(
        view,
        name=t(view.name),
        slogan=t(view.slogan),
        intro=t(view.intro),
        host=t(view.host),
        venue_name=t(view.venue_name),
        venue_address=t(view.venue_address),
        groups=[replace(g, name=t(g.name), description=t(g.description)) for g in view.groups],
        agenda=[replace(a, title=t(a.title), description=t(a.description)) for a in view.agenda],
        milestones=[replace(m, title=t(m.title), description=t(m.description)) for m in view.milestones],
    )


def public_congress_json(session: Session) -> dict | None:
    """The edition as the public API returns it (no internal ids)."""
    view = edition_view(session)
    if view is None:
        return None
    return {
        "edition": {
            "slug": view.slug,
            "name": view.name,
            "slogan": view.slogan,
            "host": view.host,
            "registration_status": view.registration_status,
        },
        "date": view.date_iso,
        "venue": {"name": view.venue_name, "address": view.venue_address},
        "groups": [
            {
                "number": g.number,
                "roman": g.roman,
                "name": g.name,
                "description": g.description,
                "capacity": g.capacity,
            }
            for g in view.groups
        ],
        "agenda": [{"position": a.position, "title": a.title, "time": a.time_label} for a in view.agenda],
    }


def site_settings(session: Session) -> dict[str, str]:
    """The current edition's organiser-editable facts (GDPR clause, contacts)."""
    edition = current_edition(session)
    if edition is None:
        return {}
    rows = session.exec(select(SiteSetting).where(SiteSetting.edition_id == edition.id)).all()
    return {row.key: row.value for row in rows}
