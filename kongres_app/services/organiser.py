"""The organisers' view of registrations: dashboard figures, participants, edits, check-in, exports.

Every function takes the calling ``Staff`` and checks the role itself, before touching anything.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, col, func, or_, select

from kongres_app.db import lock_for_writing, require_id
from kongres_app.models import CheckIn, Delegate, DiscussionGroup, Edition, Registration
from kongres_app.services import registration as reg
from kongres_app.services.auth import Staff, audit, require_organiser
from kongres_app.services.boards import groups_overview
from kongres_app.services.clock import utc_to_local, utcnow
from kongres_app.services.codes import display_code, normalise_code
from kongres_app.services.congress import current_edition, roman
from kongres_app.services.dictionaries import CANCELLED, CONFIRMED, GMINAS, PENDING, STATUS_LABELS, WAITING
from kongres_app.services.ids import parse_id
from kongres_app.services.polish import count, of_places, places, plural, polish_datetime
from kongres_app.services.stats import congress_stats

PAGE_SIZE = 25
SORTS = {
    "nazwisko": col(Delegate.full_name),
    "organizacja": col(Registration.org_name),
    "grupa": col(DiscussionGroup.number),
    "zgloszenie": col(Delegate.created_at),
}


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


def dashboard(session: Session, actor: Staff | None) -> Dashboard:
    require_organiser(session, actor, "read_dashboard")
    figures = congress_stats(session)
    edition = current_edition(session)
    if figures is None or edition is None:
        return Dashboard()
    # Every figure counts what the tiles count: registrations not cancelled and not awaiting their e-mail
    # confirmation, delegates with a place or on the waiting list.
    active = (
        Registration.edition_id == edition.id,
        col(Registration.cancelled_at).is_(None),
        col(Registration.confirm_by).is_(None),
    )
    recent_rows = session.exec(
        select(Registration, func.count(col(Delegate.id)))
        .join(Delegate, col(Delegate.registration_id) == col(Registration.id))
        .where(*active, col(Delegate.status).in_((CONFIRMED, WAITING)))
        .group_by(col(Registration.id))
        .order_by(col(Registration.created_at).desc(), col(Registration.id).desc())
        .limit(10)
    ).all()
    created = session.exec(select(Registration.created_at).where(*active).order_by(col(Registration.created_at))).all()
    per_day = Counter(utc_to_local(at).date().isoformat() for at in created)
    total, timeline = 0, []
    for day in sorted(per_day):
        total += per_day[day]
        timeline.append(DayPoint(day, per_day[day], total))
    return Dashboard(
        organisations=figures.organisations,
        confirmed=figures.confirmed,
        waiting=figures.waiting,
        venue_capacity=figures.venue_capacity,
        checked_in=figures.checked_in,
        groups=[
            GroupTile(
                g.number,
                f"Grupa {g.roman}",
                g.capacity,
                g.confirmed,
                g.waiting,
                round(100 * g.confirmed / g.capacity) if g.capacity else 0,
                f"zajęte {g.confirmed} z {of_places(g.capacity)}",
            )
            for g in figures.groups
        ],
        gminas=[[g.name, str(g.organisations), str(g.delegates_confirmed)] for g in figures.gminas],
        recent=[
            RecentRegistration(r.org_name, GMINAS.get(r.gmina, r.gmina), n, polish_datetime(r.created_at))
            for r, n in recent_rows
        ],
        timeline=timeline,
        notes=[[f"Grupa {g.roman}", str(g.notes)] for g in groups_overview(session)],
    )


# ----------------------------------------------------------------------------- participants


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
    if f.status in (CONFIRMED, WAITING, CANCELLED, PENDING):
        query = query.where(Delegate.status == f.status)
    else:
        query = query.where(col(Delegate.status).in_((CONFIRMED, WAITING)))
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


# ----------------------------------------------------------------------------- edits


def move_delegate(session: Session, actor: Staff | None, delegate_id: int, group_number: int) -> list[Delegate]:
    require_organiser(session, actor, "move_delegate", f"delegate={delegate_id} group={group_number}")
    promoted = reg.move_delegate(session=session, delegate_id=delegate_id, group_number=group_number)
    audit(session, actor, "move_delegate", {"delegate": delegate_id, "group": group_number})
    return promoted


def cancel_delegate(session: Session, actor: Staff | None, delegate_id: int) -> list[Delegate]:
    require_organiser(session, actor, "cancel_delegate", f"delegate={delegate_id}")
    promoted = reg.cancel_delegate_by_id(session=session, delegate_id=delegate_id)
    audit(session, actor, "cancel_delegate", {"delegate": delegate_id})
    return promoted


def set_needs_handled(session: Session, actor: Staff | None, delegate_id: int, handled: bool) -> None:
    require_organiser(session, actor, "needs_handled", f"delegate={delegate_id}")
    delegate = session.get(Delegate, delegate_id)
    if delegate is None:
        raise reg.RegistrationError("Nie ma takiej osoby.")
    delegate.needs_handled = bool(handled)
    session.add(delegate)
    audit(session, actor, "needs_handled", {"delegate": delegate_id, "handled": bool(handled)})


def set_group_capacity(session: Session, actor: Staff | None, group_number: int, capacity: int) -> list[Delegate]:
    require_organiser(session, actor, "set_group_capacity", f"group={group_number} capacity={capacity}")
    promoted = reg.set_group_capacity(session=session, group_number=group_number, capacity=capacity)
    audit(
        session, actor, "set_group_capacity", {"group": group_number, "capacity": capacity, "promoted": len(promoted)}
    )
    return promoted


def capacity_message(group_number: int, capacity: int, promoted: int) -> str:
    """What a capacity change did, said truthfully: nobody is promoted when nobody was waiting."""
    text = f"Grupa {roman(group_number)} ma teraz {places(capacity)}."
    if promoted:
        verb = plural(promoted, "dostała", "dostały", "dostało")
        text += f" Z listy rezerwowej miejsce {verb} {count(promoted, 'osoba', 'osoby', 'osób')}."
    return text


# ----------------------------------------------------------------------------- check-in

MAX_TYPED_CODE = 40  # a code is 8 characters; a scanner may add a dash, spaces or a newline
REPEAT_SCAN_WINDOW_S = 3.0


@dataclass
class CheckInResult:
    outcome: str = ""  # ok | already | unknown | wrong_edition | waiting | cancelled | invalid | denied
    message: str = ""
    full_name: str = ""
    org_name: str = ""
    group_label: str = ""
    code: str = ""
    accessibility_needs: str = ""


def is_repeat_scan(last_code: str, last_seen: float, scanned: str, now: float) -> bool:
    """A camera reports a code in view about once a second: the same code again within
    ``REPEAT_SCAN_WINDOW_S`` of its last sighting is the same person still in front of it.
    The window slides with every sighting, so a code held up for a while counts once."""
    same = (normalise_code(scanned) or scanned) == (normalise_code(last_code) or last_code)
    return same and 0 <= now - last_seen < REPEAT_SCAN_WINDOW_S


def check_in(session: Session, actor: Staff | None, typed: str, now: datetime | None = None) -> CheckInResult:
    require_organiser(session, actor, "check_in")
    lock_for_writing(session)  # two scanners at two doors cannot both check one person in
    now = now or utcnow()
    code = normalise_code(typed[:MAX_TYPED_CODE])
    if code is None:
        return CheckInResult("invalid", "To nie jest kod wejścia: kod to 8 liter i cyfr, np. ABCD-2345.")
    row = session.exec(
        select(Delegate, Registration, DiscussionGroup)
        .join(Registration, col(Registration.id) == col(Delegate.registration_id))
        .join(DiscussionGroup, col(DiscussionGroup.id) == col(Delegate.group_id))
        .where(Delegate.code == code)  # codes are unique across editions
        .with_for_update(of=Delegate)  # PostgreSQL: two scanners at two doors take turns
    ).first()
    if row is None:
        return CheckInResult("unknown", f"Nieznany kod {display_code(code)}: nie ma takiej rejestracji.")
    delegate, registration, group = row
    result = CheckInResult(
        full_name=delegate.full_name,
        org_name=registration.org_name,
        group_label=f"Grupa {roman(group.number)} – {group.name}",
        code=display_code(code),
        accessibility_needs=delegate.accessibility_needs,
    )
    edition = current_edition(session)
    if edition is None or delegate.edition_id != edition.id:
        other = session.get(Edition, delegate.edition_id)
        result.outcome = "wrong_edition"
        result.message = f"Ten kod jest z innej edycji: {other.short_name if other else 'wcześniejszy kongres'}."
        return result
    if delegate.status == CANCELLED:
        result.outcome, result.message = "cancelled", "Ta osoba zrezygnowała z udziału."
        return result
    if delegate.status == WAITING:
        result.outcome, result.message = "waiting", "Ta osoba jest na liście rezerwowej i nie ma jeszcze miejsca."
        return result
    if delegate.status == PENDING:
        result.outcome = "waiting"
        result.message = "Zgłoszenia tej osoby nie potwierdzono e-mailem, więc nie ma ona jeszcze miejsca."
        return result
    existing = session.exec(select(CheckIn).where(CheckIn.delegate_id == delegate.id)).first()
    if existing:
        result.outcome = "already"
        result.message = f"Obecność potwierdzono już o {utc_to_local(existing.at):%H:%M}."
        return result
    session.add(CheckIn(delegate_id=require_id(delegate), at=now, by_user_id=actor.id if actor else None))
    audit(session, actor, "check_in", {"delegate": delegate.id})
    result.outcome, result.message = "ok", "Obecność potwierdzona. Witamy na kongresie!"
    return result
