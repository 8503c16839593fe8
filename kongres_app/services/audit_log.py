"""The organisers' view of the audit log: actions and refusals apart, filtered and paged in the database.

Refused calls are logged too (anyone can send any event), so a flood of them must never push a real
organiser's action out of sight: each outcome is its own list, and filters narrow it in the query.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlmodel import Session, col, func, or_, select

from kongres_app.models import AuditEntry, AuditOutcome, StaffUser
from kongres_app.services.audit_labels import AUDIT_ACTIONS, OUTCOMES, action_label, describe_details, outcome_label
from kongres_app.services.auth import Staff, require_organiser
from kongres_app.services.clock import DEFAULT_TZ, local_to_utc
from kongres_app.services.errors import FormErrors
from kongres_app.services.polish import chars, polish_datetime

PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
MAX_WHO = 120  # as long as a stored actor name
MAX_TEXT = 100
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)


class AuditFilterError(FormErrors):
    """A filter value the server will not use; ``errors`` maps each field to a Polish message."""


@dataclass(frozen=True)
class AuditFilter:
    who: str = ""  # part of the name shown or of the login
    action: str = ""  # a key of AUDIT_ACTIONS, or "" for all
    date_from: date | None = None  # local days, both included
    date_to: date | None = None
    text: str = ""  # part of the stored details


@dataclass
class AuditRow:
    at: str = ""
    actor: str = ""
    action: str = ""
    details: str = ""
    outcome: str = ""


@dataclass
class AuditPage:
    rows: list[AuditRow] = field(default_factory=list)
    total: int = 0  # entries of this outcome that match the filters
    page: int = 1
    pages: int = 1
    counts: dict[str, int] = field(default_factory=dict)  # matching entries of every outcome


def _day(errors: dict[str, str], name: str, raw: str) -> date | None:
    if not raw:
        return None
    try:
        day = date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        day = None
    if day is None or not FIRST_DAY <= day <= LAST_DAY:
        errors[name] = "Podaj datę w postaci RRRR-MM-DD, np. 2026-11-28."
    return day


def parse_filter(values: Mapping[str, object]) -> AuditFilter:
    """Filters as a browser sent them (any type, any length); AuditFilterError lists what is wrong."""
    # Cut long before splitting; anything over the limits is refused below, never silently shortened.
    raw = {name: " ".join(str(values.get(name, "") or "")[:1000].split()) for name in AuditFilter.__dataclass_fields__}
    errors: dict[str, str] = {}
    f = AuditFilter(
        who=raw["who"],
        action=raw["action"],
        date_from=_day(errors, "date_from", raw["date_from"]),
        date_to=_day(errors, "date_to", raw["date_to"]),
        text=raw["text"],
    )
    errors.update(_problems(f))
    if errors:
        raise AuditFilterError(errors)
    return f


def _problems(f: AuditFilter) -> dict[str, str]:
    errors = {}
    if len(f.who) > MAX_WHO:
        errors["who"] = f"Najwyżej {chars(MAX_WHO)}."
    if f.action and f.action not in AUDIT_ACTIONS:
        errors["action"] = "Wybierz działanie z listy."
    if len(f.text) > MAX_TEXT:
        errors["text"] = f"Najwyżej {chars(MAX_TEXT)}."
    for name in ("date_from", "date_to"):
        day = getattr(f, name)
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            errors[name] = "Podaj datę z lat 2000–2100."
    if f.date_from and f.date_to and f.date_from > f.date_to:
        errors["date_to"] = "Data końcowa nie może być wcześniejsza niż początkowa."
    return errors


def _conditions(f: AuditFilter, tz: str) -> list:
    where = []
    if f.who:
        logins = select(StaffUser.id).where(col(StaffUser.username).icontains(f.who, autoescape=True))
        where.append(or_(col(AuditEntry.actor).icontains(f.who, autoescape=True), col(AuditEntry.user_id).in_(logins)))
    if f.action:
        where.append(col(AuditEntry.action) == f.action)
    if f.date_from:
        where.append(col(AuditEntry.at) >= local_to_utc(datetime.combine(f.date_from, time()), tz))
    if f.date_to:
        end = datetime.combine(f.date_to + timedelta(days=1), time())
        where.append(col(AuditEntry.at) < local_to_utc(end, tz))
    if f.text:
        where.append(col(AuditEntry.details).icontains(f.text, autoescape=True))
    return where


def _row(entry: AuditEntry, tz: str) -> AuditRow:
    return AuditRow(
        polish_datetime(entry.at, tz),
        entry.actor,
        action_label(entry.action),
        describe_details(entry.details),
        outcome_label(entry.outcome),
    )


def audit_page(
    session: Session,
    actor: Staff | None,
    *,
    outcome: str = AuditOutcome.OK,
    filters: AuditFilter | None = None,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    tz: str = DEFAULT_TZ,
) -> AuditPage:
    """One page of the log, newest first, of one outcome ("ok" actions or "denied" refusals). Organisers only."""
    require_organiser(session, actor, "read_audit")
    f = filters or AuditFilter()
    errors = _problems(f)
    if outcome not in OUTCOMES:
        errors["outcome"] = "Nieznany rodzaj wpisów."
    if errors:
        raise AuditFilterError(errors)
    page_size = min(max(1, page_size), MAX_PAGE_SIZE)
    where = _conditions(f, tz)
    counted = session.exec(
        select(AuditEntry.outcome, func.count()).where(*where).group_by(col(AuditEntry.outcome))
    ).all()
    counts = {name: 0 for name in OUTCOMES} | {name: number for name, number in counted if name in OUTCOMES}
    total = counts[outcome]
    pages = max(1, -(-total // page_size))
    page = min(max(1, page), pages)
    entries = session.exec(
        select(AuditEntry)
        .where(col(AuditEntry.outcome) == outcome, *where)
        .order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
        .offset((page - 1) * page_size)
        .limit(page_size)
    ).all()
    return AuditPage([_row(e, tz) for e in entries], total, page, pages, counts)
