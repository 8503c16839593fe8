"""The organisers' list of participants: filters, sorting, pages, and the rows the exports print."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, func, or_, select

from kongres_app.db import require_id
from kongres_app.models import CheckIn, Delegate, DelegateStatus, DiscussionGroup, Registration
from kongres_app.services.auth import Staff, require_organiser
from kongres_app.services.clock import utc_to_local
from kongres_app.services.codes import display_code
from kongres_app.services.congress import current_edition, roman
from kongres_app.services.dictionaries import GMINAS, STATUS_LABELS
from kongres_app.services.ids import parse_id

PAGE_SIZE = 25
SORTS = {
    "nazwisko": col(Delegate.full_name),
    "organizacja": col(Registration.org_name),
    "grupa": col(DiscussionGroup.number),
    "zgloszenie": col(Delegate.created_at),
}


@dataclass
class ParticipantFilter:
    search: str = ""
    group: str = ""
    gmina: str = ""
    status: str = ""  # confirmed | waiting | cancelled | pending | "" (a place or the waiting list)
    checked_in: str = ""  # "tak" | "nie" | ""
    sort: str = "organizacja"
    descending: bool = False
    page: int = 1
    review: str = ""  # "tak": only registrations flagged for review and not yet checked


@dataclass
class ParticipantRow:
    delegate_id: int = 0
    full_name: str = ""
    email: str = ""
    org_name: str = ""
    gmina: str = ""
    group_number: int = 0
    group_label: str = ""
    status: str = ""
    status_label: str = ""
    code: str = ""
    accessibility_needs: str = ""
    needs_handled: bool = False
    image_consent: bool = False  # the person's own consent to photos
    checked_in_at: str = ""
    contact: str = ""
    registration_id: int = 0
    needs_review: bool = False  # stored without a confirmed e-mail and not yet checked by organisers


def _participants_query(edition_id: int, f: ParticipantFilter):
    query = (
        select(Delegate, Registration, DiscussionGroup, CheckIn)
        .join(Registration, col(Registration.id) == col(Delegate.registration_id))
        .join(DiscussionGroup, col(DiscussionGroup.id) == col(Delegate.group_id))
        .join(CheckIn, col(CheckIn.delegate_id) == col(Delegate.id), isouter=True)
        .where(Delegate.edition_id == edition_id)
    )
    if f.status in tuple(DelegateStatus):
        query = query.where(Delegate.status == f.status)
    else:
        query = query.where(col(Delegate.status).in_((DelegateStatus.CONFIRMED, DelegateStatus.WAITING)))
    if f.review == "tak":
        query = query.where(col(Registration.needs_review).is_(True), col(Registration.reviewed_at).is_(None))
    if (group := parse_id(f.group)) is not None:
        query = query.where(DiscussionGroup.number == group)
    if f.gmina in GMINAS:
        query = query.where(Registration.gmina == f.gmina)
    if f.checked_in == "tak":
        query = query.where(col(CheckIn.id).is_not(None))
    elif f.checked_in == "nie":
        query = query.where(col(CheckIn.id).is_(None))
    if term := f.search.strip():
        like = f"%{term}%"
        query = query.where(
            or_(
                col(Delegate.full_name).ilike(like),
                col(Registration.org_name).ilike(like),
                col(Delegate.code).ilike(like.replace("-", "")),
                col(Delegate.email).ilike(like),
            )
        )
    return query


def _row(d: Delegate, r: Registration, g: DiscussionGroup, c: CheckIn | None) -> ParticipantRow:
    return ParticipantRow(
        delegate_id=d.id or 0,
        full_name=d.full_name,
        email=d.email,
        org_name=r.org_name,
        gmina=GMINAS.get(r.gmina, r.gmina),
        group_number=g.number,
        group_label=f"Grupa {roman(g.number)}",
        status=d.status,
        status_label=STATUS_LABELS[d.status],
        code=display_code(d.code),
        accessibility_needs=d.accessibility_needs,
        needs_handled=d.needs_handled,
        image_consent=d.image_consent,
        checked_in_at=f"{utc_to_local(c.at):%H:%M}" if c else "",
        contact=f"{r.contact_name}, {r.email}" + (f", {r.phone}" if r.phone else ""),
        registration_id=r.id or 0,
        needs_review=r.needs_review and r.reviewed_at is None,
    )


def participants(session: Session, actor: Staff | None, f: ParticipantFilter) -> tuple[list[ParticipantRow], int]:
    require_organiser(session, actor, "read_participants")
    edition = current_edition(session)
    if edition is None:
        return [], 0
    query = _participants_query(require_id(edition), f)
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    order = SORTS.get(f.sort, SORTS["organizacja"])
    query = query.order_by(order.desc() if f.descending else order, col(Delegate.id))
    page = max(1, f.page)
    rows = session.exec(query.offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)).all()
    return [_row(*row) for row in rows], total


def all_participants(session: Session, actor: Staff | None) -> list[ParticipantRow]:
    """Every active delegate, grouped by group then name: for exports and the printed list."""
    require_organiser(session, actor, "export_participants")
    edition = current_edition(session)
    if edition is None:
        return []
    query = _participants_query(require_id(edition), ParticipantFilter()).order_by(
        col(DiscussionGroup.number), col(Delegate.status), col(Delegate.full_name)
    )
    return [_row(*row) for row in session.exec(query).all()]


EXPORT_COLUMNS = [
    ("Imię i nazwisko", "full_name"),
    ("Organizacja", "org_name"),
    ("Gmina", "gmina"),
    ("Grupa", "group_label"),
    ("Status", "status_label"),
    ("Kod wejścia", "code"),
    ("E-mail uczestnika", "email"),
    ("Potrzeby dostępności", "accessibility_needs"),
    ("Potrzeby zapewnione", "needs_handled"),
    ("Zgoda na zdjęcia", "image_consent"),
    ("Obecność (godz.)", "checked_in_at"),
    ("Kontakt organizacji", "contact"),
]


def export_rows(rows: list[ParticipantRow]) -> list[list[str]]:
    out = [[title for title, _ in EXPORT_COLUMNS]]
    for row in rows:
        values = []
        for _, name in EXPORT_COLUMNS:
            value = getattr(row, name)
            values.append(("tak" if value else "nie") if isinstance(value, bool) else str(value))
        out.append(values)
    return out
