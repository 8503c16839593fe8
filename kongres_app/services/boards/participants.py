"""Joining a board with a registration code, recognising the tab again, leaving."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from kongres_app.models import AuditOutcome, Delegate, DelegateStatus, DiscussionGroup, ParticipantSession, Registration
from kongres_app.services.auth import audit
from kongres_app.services.boards.common import BoardError, Participant
from kongres_app.services.clock import utcnow
from kongres_app.services.codes import hash_token, new_token, normalise_code
from kongres_app.services.congress import current_edition

# ----------------------------------------------------------------------------- joining


def _participant(delegate: Delegate, registration: Registration, group: DiscussionGroup) -> Participant:
    return Participant(delegate.id or 0, delegate.full_name, registration.org_name, group.number)


def _delegate_row(session: Session, *conditions):
    return session.exec(
        select(Delegate, Registration, DiscussionGroup)
        .join(Registration, col(Registration.id) == col(Delegate.registration_id))
        .join(DiscussionGroup, col(DiscussionGroup.id) == col(Delegate.group_id))
        .where(*conditions)
    ).first()


def join(*, session: Session, code: str, now: datetime | None = None) -> tuple[str, Participant]:
    """Exchange a registration code for a board session token (kept by the browser)."""
    normalised = normalise_code(code)
    if normalised is None:
        raise BoardError("To nie jest kod wejścia: kod to 8 liter i cyfr, np. ABCD-2345.", "code")
    edition = current_edition(session)
    row = _delegate_row(session, Delegate.code == normalised, Delegate.edition_id == (edition.id if edition else 0))
    if row is None:
        raise BoardError("Nie znamy tego kodu. Sprawdź go w potwierdzeniu rejestracji.", "code", unknown_code=True)
    delegate, registration, group = row
    if delegate.status != DelegateStatus.CONFIRMED:
        raise BoardError(
            "Tablice są dla osób z potwierdzonym miejscem; ta osoba jest na liście rezerwowej lub zrezygnowała.", "code"
        )
    token = new_token()
    session.add(ParticipantSession(delegate_id=delegate.id, token_hash=hash_token(token), created_at=now or utcnow()))
    return token, _participant(delegate, registration, group)


def record_join_throttled(session: Session, *, limit: str, address: str, wait_s: int) -> None:
    """One audit entry for a burst of wrong join codes (the caller writes at most one per burst)."""
    label = "adres sieciowy" if limit == "address" else "karta przeglądarki"
    audit(
        session,
        None,
        "board_join_throttled",
        {"limit": label, "address": address, "wait_s": wait_s},
        AuditOutcome.DENIED,
    )


def identify(session: Session, token: str | None) -> Participant | None:
    if not token or len(token) > 100:
        return None
    row = session.exec(
        select(ParticipantSession).where(
            ParticipantSession.token_hash == hash_token(token), col(ParticipantSession.ended_at).is_(None)
        )
    ).first()
    if row is None:
        return None
    edition = current_edition(session)
    found = _delegate_row(
        session,
        Delegate.id == row.delegate_id,
        Delegate.status == DelegateStatus.CONFIRMED,
        Delegate.edition_id == (edition.id if edition else 0),
    )
    return _participant(*found) if found else None


def leave(*, session: Session, token: str) -> None:
    row = session.exec(select(ParticipantSession).where(ParticipantSession.token_hash == hash_token(token))).first()
    if row and row.ended_at is None:
        row.ended_at = utcnow()
        session.add(row)
