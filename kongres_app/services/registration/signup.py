"""A new registration, its e-mail confirmation, and the expiry of those never confirmed.

Every write takes the edition's write lock first (SQLite: BEGIN IMMEDIATE; PostgreSQL: the
edition row FOR UPDATE), so capacity checks and inserts of concurrent requests never interleave:
no group or venue is overbooked and no registration is lost, however many arrive at once.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from kongres_app.db import require_id
from kongres_app.models import DelegateStatus, Edition, Registration
from kongres_app.services.clock import utcnow
from kongres_app.services.congress import unfilled_legal_facts
from kongres_app.services.registration.common import (
    NOT_READY,
    Registered,
    RegistrationError,
    active_delegates,
    cancel,
    groups_by_number,
    locked_edition,
    require_open,
)
from kongres_app.services.registration.duplicates import find_duplicate, require_groups
from kongres_app.services.registration.links import add_token, locked_registration, registration_for_token
from kongres_app.services.registration.places import Places, new_delegate, place
from kongres_app.services.validation import CleanRegistration, name_key

CONFIRMATION_EXPIRED = (
    "Czas na potwierdzenie tego zgłoszenia minął i zostało ono anulowane. Zarejestruj organizację ponownie."
)


def _new_registration(
    edition: Edition, data: CleanRegistration, now: datetime, confirm_within: timedelta | None, needs_review: bool
) -> Registration:
    return Registration(
        edition_id=require_id(edition),
        org_name=data.org_name,
        org_name_key=name_key(data.org_name),
        legal_form=data.legal_form,
        krs=data.krs,
        gmina=data.gmina,
        contact_name=data.contact_name,
        email=data.email,
        email_key=data.email.casefold(),
        phone=data.phone,
        consent_rules=data.consent_rules,
        consent_publish_name=data.consent_publish_name,
        created_at=now,
        updated_at=now,
        confirm_by=now + confirm_within if confirm_within else None,
        needs_review=needs_review and not confirm_within,
    )


def register(
    *,
    session: Session,
    data: CleanRegistration,
    now: datetime | None = None,
    confirm_within: timedelta | None = None,
    needs_review: bool = False,
) -> Registered:
    """Store a new registration; each delegate gets a place or a waiting-list position.

    With ``confirm_within`` the registration holds no place until the contact person opens the mailed link
    (``confirm_by_link``) within that time; ``needs_review`` flags one stored without such a check for organisers.
    """
    now = now or utcnow()
    edition = locked_edition(session)
    require_open(edition, now)
    if unfilled_legal_facts(session):
        raise RegistrationError(NOT_READY)
    if duplicate := find_duplicate(session, require_id(edition), data):
        raise duplicate
    groups = groups_by_number(session, require_id(edition))
    require_groups(groups, data)
    registration = _new_registration(edition, data, now, confirm_within, needs_review)
    session.add(registration)
    session.flush()
    places = Places(session, edition)
    codes: set[str] = set()
    for row in data.delegates:
        delegate = new_delegate(session, registration, groups[row.group_number], row, codes, now)
        if confirm_within:
            delegate.status = DelegateStatus.PENDING
        else:
            place(delegate, places, now)
        session.add(delegate)
    token = add_token(session, require_id(registration), now)
    return Registered(registration_id=require_id(registration), token=token, pending=bool(confirm_within))


def confirm_by_link(*, session: Session, token: str, now: datetime | None = None) -> str:
    """Opening the mailed link confirms the address: the people get places (or queue) from now on.

    Returns "confirmed" when this call confirmed it, "expired" when the link came too late (the registration is
    then cancelled, as the expiry job would have done), "" when there was nothing to confirm.
    """
    now = now or utcnow()
    with Session(session.get_bind()) as reader:  # its own connection: the caller's still takes the write lock
        probe = registration_for_token(reader, token)
        if probe is None or probe.confirm_by is None or probe.cancelled_at is not None:
            return ""  # nothing to confirm: the common case takes no lock
    edition, registration = locked_registration(session, token)
    if registration.confirm_by is None:
        return ""
    if now > registration.confirm_by:
        expire(session, registration, now)
        return "expired"
    registration.confirm_by, registration.email_confirmed_at, registration.updated_at = None, now, now
    session.add(registration)
    places = Places(session, edition)
    for delegate in active_delegates(session, require_id(registration)):
        if delegate.status == DelegateStatus.PENDING:
            place(delegate, places, now)
            session.add(delegate)
    session.flush()
    return "confirmed"


def expire(session: Session, registration: Registration, now: datetime) -> None:
    """Cancel the registration and all its people (the caller holds the lock and promotes, if it may)."""
    for delegate in active_delegates(session, require_id(registration)):
        cancel(delegate, now)
        session.add(delegate)
    registration.cancelled_at = registration.updated_at = now
    session.add(registration)
    session.flush()


def expire_unconfirmed(*, session: Session, now: datetime | None = None) -> list[Registration]:
    """Cancel registrations whose confirmation time has passed (they never held places); returns them."""
    now = now or utcnow()
    locked_edition(session)
    due = session.exec(
        select(Registration).where(
            col(Registration.confirm_by).is_not(None),
            col(Registration.confirm_by) < now,
            col(Registration.cancelled_at).is_(None),
        )
    ).all()
    for registration in due:
        expire(session, registration, now)
    return list(due)
