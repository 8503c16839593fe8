"""Personal management links: finding the registration a link opens, issuing new ones, revoking old ones."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, func, select

from kongres_app.db import lock_for_writing, require_id
from kongres_app.models import Edition, ManageToken, Registration
from kongres_app.services.clock import utcnow
from kongres_app.services.codes import hash_token, new_token
from kongres_app.services.registration.common import RegistrationError, locked_edition

RESEND_INTERVAL_S = 120


def registration_for_token(session: Session, token: str) -> Registration | None:
    """The registration a management link opens; None for an unknown or revoked link."""
    if not token or len(token) > 100:
        return None
    return session.exec(
        select(Registration)
        .join(ManageToken, col(ManageToken.registration_id) == col(Registration.id))
        .where(ManageToken.token_hash == hash_token(token), col(ManageToken.revoked_at).is_(None))
    ).first()


def token_revoked(session: Session, token: str) -> bool:
    """Whether this management link existed and organisers revoked it (so the page can say so)."""
    if not token or len(token) > 100:
        return False
    revoked = session.exec(select(ManageToken.revoked_at).where(ManageToken.token_hash == hash_token(token))).first()
    return revoked is not None


def locked_registration(session: Session, token: str) -> tuple[Edition, Registration]:
    """Take the write lock, then read the active registration the link opens (refused otherwise)."""
    lock_for_writing(session)
    registration = registration_for_token(session, token)
    if registration is None:
        raise RegistrationError("Ten link do zarządzania rejestracją jest nieprawidłowy.")
    edition = locked_edition(session, registration.edition_id)
    session.refresh(registration)
    if registration.cancelled_at is not None:
        raise RegistrationError("Ta rejestracja została anulowana.")
    return edition, registration


def add_token(session: Session, registration_id: int, now: datetime) -> str:
    """A new management secret for the registration; only its hash is stored."""
    token = new_token()
    session.add(ManageToken(registration_id=registration_id, token_hash=hash_token(token), created_at=now))
    session.flush()
    return token


def issue_new_link(*, session: Session, email: str, now: datetime | None = None) -> tuple[Registration, str] | None:
    """A fresh management secret for the active registration with this e-mail, for mailing.

    Older links stay valid (so a stranger typing someone's address cannot lock them out), and at
    most one new link per registration is issued every RESEND_INTERVAL_S seconds.
    """
    now = now or utcnow()
    edition = locked_edition(session)
    registration = session.exec(
        select(Registration).where(
            Registration.edition_id == edition.id,
            Registration.email_key == email.casefold(),
            col(Registration.cancelled_at).is_(None),
        )
    ).first()
    if registration is None:
        return None
    last = session.exec(
        select(func.max(ManageToken.created_at)).where(ManageToken.registration_id == registration.id)
    ).one()
    if last is not None and (now - last).total_seconds() < RESEND_INTERVAL_S:
        return None
    return registration, add_token(session, require_id(registration), now)


def _revoke_all(session: Session, registration_id: int, now: datetime) -> int:
    revoked = 0
    for old in session.exec(
        select(ManageToken).where(ManageToken.registration_id == registration_id, col(ManageToken.revoked_at).is_(None))
    ).all():
        old.revoked_at = now
        session.add(old)
        revoked += 1
    return revoked


def issue_link_for_registration(
    *, session: Session, registration_id: int, revoke_old: bool, now: datetime | None = None
) -> tuple[Registration, str, int]:
    """A fresh management secret issued by organisers; with ``revoke_old`` every earlier link stops working.

    Returns the registration, the new secret (shown once, never stored in clear) and how many links were revoked.
    """
    now = now or utcnow()
    lock_for_writing(session)
    registration = session.get(Registration, registration_id, populate_existing=True)
    if registration is None:
        raise RegistrationError("Nie ma takiej rejestracji.")
    if registration.cancelled_at is not None:
        raise RegistrationError("Ta rejestracja została anulowana: nowy link nic by nie zmienił.")
    revoked = _revoke_all(session, registration_id, now) if revoke_old else 0
    return registration, add_token(session, registration_id, now), revoked
