"""Check-in at the door: a typed or scanned code marks its delegate present, once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from kongres_app.db import lock_for_writing, require_id
from kongres_app.models import CheckIn, Delegate, DelegateStatus, DiscussionGroup, Edition, Registration
from kongres_app.services.auth import Staff, audit, require_organiser
from kongres_app.services.clock import utc_to_local, utcnow
from kongres_app.services.codes import display_code, normalise_code
from kongres_app.services.congress import current_edition, roman

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


# Why a delegate who is not confirmed gets no check-in: (outcome, message) by status.
NOT_ADMITTED: dict[str, tuple[str, str]] = {
    DelegateStatus.CANCELLED: ("cancelled", "Ta osoba zrezygnowała z udziału."),
    DelegateStatus.WAITING: ("waiting", "Ta osoba jest na liście rezerwowej i nie ma jeszcze miejsca."),
    DelegateStatus.PENDING: (
        "waiting",
        "Zgłoszenia tej osoby nie potwierdzono e-mailem, więc nie ma ona jeszcze miejsca.",
    ),
}


def _find(session: Session, code: str) -> tuple[Delegate, Registration, DiscussionGroup] | None:
    return session.exec(
        select(Delegate, Registration, DiscussionGroup)
        .join(Registration, col(Registration.id) == col(Delegate.registration_id))
        .join(DiscussionGroup, col(DiscussionGroup.id) == col(Delegate.group_id))
        .where(Delegate.code == code)  # codes are unique across editions
        .with_for_update(of=Delegate)  # PostgreSQL: two scanners at two doors take turns
    ).first()


def _refusal(session: Session, delegate: Delegate) -> tuple[str, str] | None:
    """Why this person cannot be checked in now, or None."""
    edition = current_edition(session)
    if edition is None or delegate.edition_id != edition.id:
        other = session.get(Edition, delegate.edition_id)
        return "wrong_edition", f"Ten kod jest z innej edycji: {other.short_name if other else 'wcześniejszy kongres'}."
    if refused := NOT_ADMITTED.get(delegate.status):
        return refused
    existing = session.exec(select(CheckIn).where(CheckIn.delegate_id == delegate.id)).first()
    if existing:
        return "already", f"Obecność potwierdzono już o {utc_to_local(existing.at):%H:%M}."
    return None


def check_in(session: Session, actor: Staff | None, typed: str, now: datetime | None = None) -> CheckInResult:
    require_organiser(session, actor, "check_in")
    lock_for_writing(session)  # two scanners at two doors cannot both check one person in
    now = now or utcnow()
    code = normalise_code(typed[:MAX_TYPED_CODE])
    if code is None:
        return CheckInResult("invalid", "To nie jest kod wejścia: kod to 8 liter i cyfr, np. ABCD-2345.")
    row = _find(session, code)
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
    if refused := _refusal(session, delegate):
        result.outcome, result.message = refused
        return result
    session.add(CheckIn(delegate_id=require_id(delegate), at=now, by_user_id=actor.id if actor else None))
    audit(session, actor, "check_in", {"delegate": delegate.id})
    result.outcome, result.message = "ok", "Obecność potwierdzona. Witamy na kongresie!"
    return result
