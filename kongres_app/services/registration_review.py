"""What organisers settle by hand: registrations stored without a confirmed e-mail, and KRS conflicts.

The form answers every duplicate neutrally (it never tells who is registered), so an organisation whose public KRS
someone else already used cannot find out from the form: the refused attempt is kept here, organisers see it and
either keep the registration holding the KRS or cancel it (a squat), and say so to the real organisation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from kongres_app.db import lock_for_writing, require_id
from kongres_app.models import AuditOutcome, KrsConflict, KrsResolution, Registration
from kongres_app.services import registration as reg
from kongres_app.services.auth import Staff, audit, require_organiser
from kongres_app.services.clock import utcnow
from kongres_app.services.errors import UserError
from kongres_app.services.polish import polish_datetime
from kongres_app.services.validation import CleanRegistration

KEPT, CANCELLED_HOLDER = KrsResolution.KEPT, KrsResolution.CANCELLED


class ReviewError(UserError):
    """Nothing was settled; ``message`` says why (Polish)."""


def record_krs_conflict(
    *, session: Session, data: CleanRegistration, holder_id: int, now: datetime | None = None
) -> KrsConflict:
    """Keep a registration refused because ``holder_id`` holds its KRS, for organisers to settle."""
    holder = session.get(Registration, holder_id)
    if holder is None or not data.krs:
        raise ReviewError("Nie ma takiej rejestracji.")
    conflict = KrsConflict(
        edition_id=holder.edition_id,
        registration_id=holder_id,
        krs=data.krs,
        org_name=data.org_name,
        contact_name=data.contact_name,
        email=data.email,
        phone=data.phone,
        created_at=now or utcnow(),
    )
    session.add(conflict)
    audit(session, None, "krs_conflict", {"krs": data.krs, "registration": holder_id}, outcome=AuditOutcome.DENIED)
    session.flush()
    return conflict


@dataclass
class ConflictRow:
    conflict_id: int = 0
    krs: str = ""
    at: str = ""
    claimant: str = ""  # who tried: organisation, contact person, e-mail, phone
    holder: str = ""  # the registration that holds the KRS


def open_conflicts(session: Session, actor: Staff | None) -> list[ConflictRow]:
    require_organiser(session, actor, "read_participants")
    rows = session.exec(
        select(KrsConflict, Registration)
        .join(Registration, col(Registration.id) == col(KrsConflict.registration_id))
        .where(col(KrsConflict.resolved_at).is_(None))
        .order_by(col(KrsConflict.created_at), col(KrsConflict.id))
    ).all()
    return [
        ConflictRow(
            conflict_id=require_id(c),
            krs=c.krs,
            at=polish_datetime(c.created_at),
            claimant=", ".join(x for x in (c.org_name, c.contact_name, c.email, c.phone) if x),
            holder=", ".join(x for x in (r.org_name, r.contact_name, r.email, r.phone) if x)
            + (" (rejestracja anulowana)" if r.cancelled_at else ""),
        )
        for c, r in rows
    ]


def resolve_conflict(session: Session, actor: Staff | None, conflict_id: int, *, cancel_holder: bool) -> KrsConflict:
    """Settle a conflict: keep the holder, or cancel its registration (a squat) so the real one can register."""
    require_organiser(session, actor, "resolve_krs_conflict", f"conflict={conflict_id} cancel={cancel_holder}")
    lock_for_writing(session)
    conflict = session.get(KrsConflict, conflict_id, populate_existing=True)
    if conflict is None or conflict.resolved_at is not None:
        raise ReviewError("Ten konflikt został już rozstrzygnięty albo nie istnieje.")
    now = utcnow()
    if cancel_holder:
        holder = session.get(Registration, conflict.registration_id)
        if holder is not None and holder.cancelled_at is None:
            reg.cancel_registration_by_id(session=session, registration_id=conflict.registration_id, now=now)
    conflict.resolved_at, conflict.resolution = now, CANCELLED_HOLDER if cancel_holder else KEPT
    session.add(conflict)
    audit(
        session,
        actor,
        "resolve_krs_conflict",
        {
            "krs": conflict.krs,
            "registration": conflict.registration_id,
            "resolution": "anulowano rejestrację" if cancel_holder else "pozostawiono rejestrację",
        },
    )
    session.flush()
    return conflict


def mark_reviewed(session: Session, actor: Staff | None, registration_id: int) -> Registration:
    """An organiser has checked a registration stored without a confirmed e-mail."""
    require_organiser(session, actor, "review_registration", f"registration={registration_id}")
    lock_for_writing(session)
    registration = session.get(Registration, registration_id, populate_existing=True)
    if registration is None or not registration.needs_review:
        raise ReviewError("Ta rejestracja nie czeka na sprawdzenie.")
    if registration.reviewed_at is None:
        registration.reviewed_at = utcnow()
        session.add(registration)
        audit(session, actor, "review_registration", {"registration": registration_id, "org": registration.org_name})
    session.flush()
    return registration
