"""Changes after registering: the contact person's edits and cancellations through the management link,
and organisers moving or cancelling people. Each frees places, so each ends by promoting the waiting list."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from kongres_app.db import require_id
from kongres_app.models import Delegate, DelegateStatus, DiscussionGroup, Edition, Registration
from kongres_app.services.clock import utcnow
from kongres_app.services.registration.common import (
    RegistrationError,
    active_delegates,
    cancel,
    groups_by_number,
    locked_edition,
    require_before_event,
    require_open,
)
from kongres_app.services.registration.duplicates import find_duplicate, require_groups
from kongres_app.services.registration.links import locked_registration
from kongres_app.services.registration.places import Places, new_delegate, place, promote_waiting
from kongres_app.services.registration.signup import expire
from kongres_app.services.validation import CleanDelegate, CleanRegistration, name_key

CONTACT_FIELDS = ("org_name", "legal_form", "krs", "gmina", "contact_name", "email", "phone")


def _apply_contact(registration: Registration, data: CleanRegistration, now: datetime) -> None:
    for name in CONTACT_FIELDS:
        setattr(registration, name, getattr(data, name))
    registration.org_name_key = name_key(data.org_name)
    registration.email_key = data.email.casefold()
    registration.consent_publish_name = data.consent_publish_name
    registration.updated_at = now


def _edit_delegate(
    delegate: Delegate, row: CleanDelegate, group: DiscussionGroup, places: Places, now: datetime
) -> None:
    delegate.full_name, delegate.email = row.full_name, row.email
    if delegate.accessibility_needs != row.accessibility_needs:
        delegate.needs_consent_at = now if row.accessibility_needs else None
        delegate.needs_handled = delegate.needs_handled and bool(row.accessibility_needs)
    delegate.accessibility_needs = row.accessibility_needs
    if delegate.group_id != group.id:
        if delegate.status == DelegateStatus.CONFIRMED:
            places.release(delegate.group_id)
        delegate.group_id = require_id(group)
        place(delegate, places, now)


def update_registration(
    *, session: Session, token: str, data: CleanRegistration, now: datetime | None = None
) -> list[Delegate]:
    """Apply edited contact data and delegates; a delegate left out is cancelled. Returns promotions."""
    now = now or utcnow()
    edition, registration = locked_registration(session, token)
    require_open(edition, now)
    if duplicate := find_duplicate(session, require_id(edition), data, exclude_id=registration.id):
        raise duplicate
    groups = groups_by_number(session, require_id(edition))
    require_groups(groups, data)
    _apply_contact(registration, data, now)
    session.add(registration)

    current = {d.id: d for d in active_delegates(session, require_id(registration))}
    kept_ids = {row.id for row in data.delegates if row.id is not None}
    if unknown := kept_ids - set(current):
        raise RegistrationError(f"Nie znaleziono zgłoszonej osoby (nr {min(unknown)}).")
    for delegate_id, delegate in current.items():
        if delegate_id not in kept_ids:
            cancel(delegate, now)
    session.flush()

    places = Places(session, edition)
    codes: set[str] = set()
    for row in data.delegates:
        group = groups[row.group_number]
        if row.id is None:
            delegate = new_delegate(session, registration, group, row, codes, now)
            place(delegate, places, now)
        else:
            delegate = current[row.id]
            _edit_delegate(delegate, row, group, places, now)
        session.add(delegate)
    session.flush()
    return promote_waiting(session, edition, now)


def cancel_delegate(*, session: Session, token: str, delegate_id: int, now: datetime | None = None) -> list[Delegate]:
    now = now or utcnow()
    edition, registration = locked_registration(session, token)
    require_before_event(edition, now)
    active = {d.id: d for d in active_delegates(session, require_id(registration))}
    if delegate_id not in active:
        raise RegistrationError("Tej osoby nie ma w tej rejestracji albo już ją anulowano.")
    cancel(active[delegate_id], now)
    session.add(active[delegate_id])
    if len(active) == 1:  # the last person gone: the organisation no longer comes
        registration.cancelled_at = now
        session.add(registration)
    session.flush()
    return promote_waiting(session, edition, now)


def cancel_registration(*, session: Session, token: str, now: datetime | None = None) -> list[Delegate]:
    now = now or utcnow()
    edition, registration = locked_registration(session, token)
    require_before_event(edition, now)
    for delegate in active_delegates(session, require_id(registration)):
        cancel(delegate, now)
        session.add(delegate)
    registration.cancelled_at = now
    session.add(registration)
    session.flush()
    return promote_waiting(session, edition, now)


def cancel_registration_by_id(*, session: Session, registration_id: int, now: datetime | None = None) -> list[Delegate]:
    """Cancel a whole registration (organisers settling a KRS conflict); frees its places."""
    now = now or utcnow()
    edition = locked_edition(session)
    registration = session.get(Registration, registration_id, populate_existing=True)
    if registration is None or registration.cancelled_at is not None:
        raise RegistrationError("Ta rejestracja została już anulowana albo nie istnieje.")
    expire(session, registration, now)
    return promote_waiting(session, edition, now)


def _locked_delegate(session: Session, delegate_id: int) -> tuple[Edition, Delegate]:
    # The edition lock first (every place change takes it), then a fresh read of the delegate.
    edition = locked_edition(session)
    delegate = session.get(Delegate, delegate_id, with_for_update=True, populate_existing=True)
    if delegate is None or delegate.status == DelegateStatus.CANCELLED or delegate.edition_id != edition.id:
        raise RegistrationError("Nie ma takiej osoby albo jej udział anulowano.")
    return edition, delegate


def move_delegate(
    *, session: Session, delegate_id: int, group_number: int, now: datetime | None = None
) -> list[Delegate]:
    """Move a delegate to another group (organisers): a free place there, or the back of its queue."""
    now = now or utcnow()
    edition, delegate = _locked_delegate(session, delegate_id)
    group = groups_by_number(session, require_id(edition)).get(group_number)
    if group is None:
        raise RegistrationError("Nie ma takiej grupy.", "group_number")
    if group.id == delegate.group_id:
        return []
    places = Places(session, edition)
    if delegate.status == DelegateStatus.CONFIRMED:
        places.release(delegate.group_id)
    delegate.group_id = require_id(group)
    if delegate.status != DelegateStatus.PENDING:  # unconfirmed by e-mail: gets a place only once confirmed
        place(delegate, places, now)
    session.add(delegate)
    session.flush()
    return promote_waiting(session, edition, now)


def cancel_delegate_by_id(*, session: Session, delegate_id: int, now: datetime | None = None) -> list[Delegate]:
    """Cancel one delegate (organisers); the last one cancels the organisation's registration."""
    now = now or utcnow()
    edition, delegate = _locked_delegate(session, delegate_id)
    cancel(delegate, now)
    session.add(delegate)
    if not [d for d in active_delegates(session, delegate.registration_id) if d.id != delegate.id]:
        registration = session.get(Registration, delegate.registration_id)
        if registration is not None:
            registration.cancelled_at = now
            session.add(registration)
    session.flush()
    return promote_waiting(session, edition, now)
