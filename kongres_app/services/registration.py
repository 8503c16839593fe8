"""Registration of organisations and their delegates: places, waiting lists, self-service.

Every write takes the edition's write lock first (SQLite: BEGIN IMMEDIATE; PostgreSQL: the
edition row FOR UPDATE), so capacity checks and inserts of concurrent requests never interleave:
no group or venue is overbooked and no registration is lost, however many arrive at once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, func, select

from kongres_app.db import lock_for_writing, require_id
from kongres_app.models import Delegate, DiscussionGroup, Edition, ManageToken, Registration
from kongres_app.services.clock import utcnow
from kongres_app.services.codes import hash_token, new_code, new_token
from kongres_app.services.congress import current_edition, registration_status, unfilled_legal_facts
from kongres_app.services.dictionaries import CANCELLED, CONFIRMED, PENDING, WAITING
from kongres_app.services.errors import UserError
from kongres_app.services.validation import CleanDelegate, CleanRegistration, name_key

RESEND_INTERVAL_S = 120


class RegistrationError(UserError):
    """A registration request refused; a duplicate says which active registration holds what was given."""

    def __init__(
        self, message: str, field: str | None = None, *, duplicate: bool = False, holder_id: int | None = None
    ):
        super().__init__(message, field)
        self.duplicate = duplicate
        self.holder_id = holder_id  # for a duplicate: the active registration that already holds it


@dataclass(frozen=True)
class Registered:
    registration_id: int
    token: str
    pending: bool = False  # awaits the e-mail confirmation: holds no place yet


# ----------------------------------------------------------------------------- locking helpers


def _locked_edition(session: Session, edition_id: int | None = None) -> Edition:
    """Take the write lock, then read the edition (row-locked on PostgreSQL)."""
    lock_for_writing(session)
    query = select(Edition).with_for_update()
    query = query.where(Edition.id == edition_id) if edition_id else query
    edition = session.exec(query.order_by(col(Edition.is_current).desc(), col(Edition.event_date).desc())).first()
    if edition is None:
        raise RegistrationError("Nie ma jeszcze danych kongresu: rejestracja nie jest możliwa.")
    return edition


NOT_READY = (
    "Rejestracja jeszcze nie ruszyła: organizatorzy uzupełniają informację o ochronie danych osobowych. "
    "Spróbuj ponownie za jakiś czas."
)


def _require_open(edition: Edition, now: datetime) -> None:
    status = registration_status(edition, now)
    if status == "before":
        raise RegistrationError("Rejestracja jeszcze się nie rozpoczęła.")
    if status == "closed":
        raise RegistrationError("Rejestracja jest już zamknięta.")


def _groups_by_number(session: Session, edition_id: int) -> dict[int, DiscussionGroup]:
    groups = session.exec(select(DiscussionGroup).where(DiscussionGroup.edition_id == edition_id)).all()
    return {g.number: g for g in groups}


def group_numbers(session: Session) -> set[int]:
    edition = current_edition(session)
    return set(_groups_by_number(session, edition.id).keys()) if edition and edition.id else set()


# ----------------------------------------------------------------------------- places


class Places:
    """Confirmed counts of an edition, kept up to date while one locked transaction assigns places."""

    def __init__(self, session: Session, edition: Edition):
        rows = session.exec(
            select(Delegate.group_id, func.count())
            .where(Delegate.edition_id == edition.id, Delegate.status == CONFIRMED)
            .group_by(col(Delegate.group_id))
        ).all()
        self.by_group: Counter[int] = Counter({group_id: n for group_id, n in rows})
        self.venue_capacity = edition.venue_capacity
        self.capacity = {
            g.id: g.capacity
            for g in session.exec(select(DiscussionGroup).where(DiscussionGroup.edition_id == edition.id)).all()
        }

    @property
    def total(self) -> int:
        return sum(self.by_group.values())

    def fits(self, group_id: int) -> bool:
        return self.by_group[group_id] < self.capacity.get(group_id, 0) and self.total < self.venue_capacity

    def take(self, group_id: int) -> None:
        self.by_group[group_id] += 1

    def release(self, group_id: int) -> None:
        self.by_group[group_id] -= 1


def _place(delegate: Delegate, places: Places, now: datetime) -> None:
    """Confirm a new or moved delegate if their group and the venue have room, else queue them."""
    delegate.queued_at = now
    if places.fits(delegate.group_id):
        places.take(delegate.group_id)
        delegate.status, delegate.confirmed_at = CONFIRMED, now
    else:
        delegate.status, delegate.confirmed_at = WAITING, None


def promote_waiting(session: Session, edition: Edition, now: datetime | None = None) -> list[Delegate]:
    """Give free places to waiting delegates, first come first served. Caller holds the lock."""
    now = now or utcnow()
    places = Places(session, edition)
    promoted = []
    waiting = session.exec(
        select(Delegate)
        .where(Delegate.edition_id == edition.id, Delegate.status == WAITING)
        .order_by(col(Delegate.queued_at), col(Delegate.id))
    ).all()
    for delegate in waiting:
        if places.total >= places.venue_capacity:
            break
        if places.fits(delegate.group_id):
            places.take(delegate.group_id)
            delegate.status, delegate.confirmed_at, delegate.promoted_at = CONFIRMED, now, now
            session.add(delegate)
            promoted.append(delegate)
    return promoted


def _unique_code(session: Session, taken: set[str]) -> str:
    while True:
        code = new_code()
        if code in taken:
            continue
        if session.exec(select(Delegate.id).where(Delegate.code == code)).first() is None:
            taken.add(code)
            return code


# ----------------------------------------------------------------------------- duplicates


def _find_duplicate(
    session: Session, edition_id: int, data: CleanRegistration, exclude_id: int | None = None
) -> RegistrationError | None:
    active = select(Registration).where(Registration.edition_id == edition_id, col(Registration.cancelled_at).is_(None))
    if exclude_id is not None:
        active = active.where(Registration.id != exclude_id)
    if data.krs and (holder := session.exec(active.where(Registration.krs == data.krs)).first()):
        return RegistrationError(
            "Organizacja z tym numerem KRS jest już zarejestrowana.", "krs", duplicate=True, holder_id=holder.id
        )
    key = name_key(data.org_name)
    if holder := session.exec(active.where(Registration.org_name_key == key, Registration.gmina == data.gmina)).first():
        return RegistrationError(
            "Organizacja o tej nazwie z tej gminy jest już zarejestrowana.",
            "org_name",
            duplicate=True,
            holder_id=holder.id,
        )
    if holder := session.exec(active.where(Registration.email_key == data.email.casefold())).first():
        return RegistrationError(
            "Ten adres e-mail został już użyty do rejestracji.", "email", duplicate=True, holder_id=holder.id
        )
    return None


# ----------------------------------------------------------------------------- register


def _require_groups(groups: dict[int, DiscussionGroup], data: CleanRegistration) -> None:
    for i, row in enumerate(data.delegates):
        if row.group_number not in groups:
            raise RegistrationError("Wybierz grupę tematyczną.", f"delegates.{i}.group_number")


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
    edition = _locked_edition(session)
    _require_open(edition, now)
    if unfilled_legal_facts(session):
        raise RegistrationError(NOT_READY)
    if duplicate := _find_duplicate(session, require_id(edition), data):
        raise duplicate
    groups = _groups_by_number(session, require_id(edition))
    _require_groups(groups, data)
    registration = Registration(
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
    session.add(registration)
    session.flush()
    places = Places(session, edition)
    codes: set[str] = set()
    for row in data.delegates:
        delegate = _new_delegate(session, registration, groups[row.group_number], row, codes, now)
        if confirm_within:
            delegate.status = PENDING
        else:
            _place(delegate, places, now)
        session.add(delegate)
    token = new_token()
    session.add(ManageToken(registration_id=require_id(registration), token_hash=hash_token(token), created_at=now))
    session.flush()
    return Registered(registration_id=require_id(registration), token=token, pending=bool(confirm_within))


CONFIRMATION_EXPIRED = (
    "Czas na potwierdzenie tego zgłoszenia minął i zostało ono anulowane. Zarejestruj organizację ponownie."
)


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
    edition, registration = _locked_registration(session, token)
    if registration.confirm_by is None:
        return ""
    if now > registration.confirm_by:
        _expire(session, registration, now)
        return "expired"
    registration.confirm_by, registration.email_confirmed_at, registration.updated_at = None, now, now
    session.add(registration)
    places = Places(session, edition)
    for delegate in _active_delegates(session, require_id(registration)):
        if delegate.status == PENDING:
            _place(delegate, places, now)
            session.add(delegate)
    session.flush()
    return "confirmed"


def _expire(session: Session, registration: Registration, now: datetime) -> None:
    for delegate in _active_delegates(session, require_id(registration)):
        _cancel(delegate, now)
        session.add(delegate)
    registration.cancelled_at = registration.updated_at = now
    session.add(registration)
    session.flush()


def expire_unconfirmed(*, session: Session, now: datetime | None = None) -> list[Registration]:
    """Cancel registrations whose confirmation time has passed (they never held places); returns them."""
    now = now or utcnow()
    _locked_edition(session)
    due = session.exec(
        select(Registration).where(
            col(Registration.confirm_by).is_not(None),
            col(Registration.confirm_by) < now,
            col(Registration.cancelled_at).is_(None),
        )
    ).all()
    for registration in due:
        _expire(session, registration, now)
    return list(due)


def _new_delegate(
    session: Session,
    registration: Registration,
    group: DiscussionGroup,
    row: CleanDelegate,
    codes: set[str],
    now: datetime,
) -> Delegate:
    return Delegate(
        registration_id=require_id(registration),
        edition_id=registration.edition_id,
        group_id=require_id(group),
        full_name=row.full_name,
        email=row.email,
        accessibility_needs=row.accessibility_needs,
        needs_consent_at=now if row.accessibility_needs else None,
        code=_unique_code(session, codes),
        status=WAITING,
        queued_at=now,
        created_at=now,
    )


# ----------------------------------------------------------------------------- self-service


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


def _locked_registration(session: Session, token: str) -> tuple[Edition, Registration]:
    lock_for_writing(session)
    registration = registration_for_token(session, token)
    if registration is None:
        raise RegistrationError("Ten link do zarządzania rejestracją jest nieprawidłowy.")
    edition = _locked_edition(session, registration.edition_id)
    session.refresh(registration)
    if registration.cancelled_at is not None:
        raise RegistrationError("Ta rejestracja została anulowana.")
    return edition, registration


def _require_before_event(edition: Edition, now: datetime) -> None:
    """Cancelling is possible until the congress day ends, and always while registration is open."""
    if now.date() > edition.event_date and registration_status(edition, now) != "open":
        raise RegistrationError("Kongres już się odbył: zmian nie można już wprowadzać.")


def update_registration(
    *, session: Session, token: str, data: CleanRegistration, now: datetime | None = None
) -> list[Delegate]:
    """Apply edited contact data and delegates; a delegate left out is cancelled. Returns promotions."""
    now = now or utcnow()
    edition, registration = _locked_registration(session, token)
    _require_open(edition, now)
    if duplicate := _find_duplicate(session, require_id(edition), data, exclude_id=registration.id):
        raise duplicate
    groups = _groups_by_number(session, require_id(edition))
    _require_groups(groups, data)
    for name in ("org_name", "legal_form", "krs", "gmina", "contact_name", "email", "phone"):
        setattr(registration, name, getattr(data, name))
    registration.org_name_key = name_key(data.org_name)
    registration.email_key = data.email.casefold()
    registration.consent_publish_name = data.consent_publish_name
    registration.updated_at = now
    session.add(registration)

    current = {d.id: d for d in _active_delegates(session, require_id(registration))}
    kept_ids = {row.id for row in data.delegates if row.id is not None}
    if unknown := kept_ids - set(current):
        raise RegistrationError(f"Nie znaleziono zgłoszonej osoby (nr {min(unknown)}).")
    for delegate_id, delegate in current.items():
        if delegate_id not in kept_ids:
            _cancel(delegate, now)
    session.flush()

    places = Places(session, edition)
    codes: set[str] = set()
    for row in data.delegates:
        group = groups[row.group_number]
        if row.id is None:
            delegate = _new_delegate(session, registration, group, row, codes, now)
            _place(delegate, places, now)
        else:
            delegate = current[row.id]
            delegate.full_name, delegate.email = row.full_name, row.email
            if delegate.accessibility_needs != row.accessibility_needs:
                delegate.needs_consent_at = now if row.accessibility_needs else None
                delegate.needs_handled = delegate.needs_handled and bool(row.accessibility_needs)
            delegate.accessibility_needs = row.accessibility_needs
            if delegate.group_id != group.id:
                if delegate.status == CONFIRMED:
                    places.release(delegate.group_id)
                delegate.group_id = require_id(group)
                _place(delegate, places, now)
        session.add(delegate)
    session.flush()
    return promote_waiting(session, edition, now)


def _active_delegates(session: Session, registration_id: int) -> list[Delegate]:
    return list(
        session.exec(
            select(Delegate)
            .where(Delegate.registration_id == registration_id, Delegate.status != CANCELLED)
            .order_by(col(Delegate.id))
        ).all()
    )


def _cancel(delegate: Delegate, now: datetime) -> None:
    delegate.status, delegate.cancelled_at = CANCELLED, now


def cancel_delegate(*, session: Session, token: str, delegate_id: int, now: datetime | None = None) -> list[Delegate]:
    now = now or utcnow()
    edition, registration = _locked_registration(session, token)
    _require_before_event(edition, now)
    active = {d.id: d for d in _active_delegates(session, require_id(registration))}
    if delegate_id not in active:
        raise RegistrationError("Tej osoby nie ma w tej rejestracji albo już ją anulowano.")
    _cancel(active[delegate_id], now)
    session.add(active[delegate_id])
    if len(active) == 1:  # the last person gone: the organisation no longer comes
        registration.cancelled_at = now
        session.add(registration)
    session.flush()
    return promote_waiting(session, edition, now)


def cancel_registration(*, session: Session, token: str, now: datetime | None = None) -> list[Delegate]:
    now = now or utcnow()
    edition, registration = _locked_registration(session, token)
    _require_before_event(edition, now)
    for delegate in _active_delegates(session, require_id(registration)):
        _cancel(delegate, now)
        session.add(delegate)
    registration.cancelled_at = now
    session.add(registration)
    session.flush()
    return promote_waiting(session, edition, now)


def cancel_registration_by_id(*, session: Session, registration_id: int, now: datetime | None = None) -> list[Delegate]:
    """Cancel a whole registration (organisers settling a KRS conflict); frees its places."""
    now = now or utcnow()
    edition = _locked_edition(session)
    registration = session.get(Registration, registration_id, populate_existing=True)
    if registration is None or registration.cancelled_at is not None:
        raise RegistrationError("Ta rejestracja została już anulowana albo nie istnieje.")
    _expire(session, registration, now)
    return promote_waiting(session, edition, now)


def _locked_delegate(session: Session, delegate_id: int) -> tuple[Edition, Delegate]:
    # The edition lock first (every place change takes it), then a fresh read of the delegate.
    edition = _locked_edition(session)
    delegate = session.get(Delegate, delegate_id, with_for_update=True, populate_existing=True)
    if delegate is None or delegate.status == CANCELLED or delegate.edition_id != edition.id:
        raise RegistrationError("Nie ma takiej osoby albo jej udział anulowano.")
    return edition, delegate


def move_delegate(
    *, session: Session, delegate_id: int, group_number: int, now: datetime | None = None
) -> list[Delegate]:
    """Move a delegate to another group (organisers): a free place there, or the back of its queue."""
    now = now or utcnow()
    edition, delegate = _locked_delegate(session, delegate_id)
    group = _groups_by_number(session, require_id(edition)).get(group_number)
    if group is None:
        raise RegistrationError("Nie ma takiej grupy.", "group_number")
    if group.id == delegate.group_id:
        return []
    places = Places(session, edition)
    if delegate.status == CONFIRMED:
        places.release(delegate.group_id)
    delegate.group_id = require_id(group)
    if delegate.status != PENDING:  # unconfirmed by e-mail: gets a place (or queues) only once confirmed
        _place(delegate, places, now)
    session.add(delegate)
    session.flush()
    return promote_waiting(session, edition, now)


def cancel_delegate_by_id(*, session: Session, delegate_id: int, now: datetime | None = None) -> list[Delegate]:
    """Cancel one delegate (organisers); the last one cancels the organisation's registration."""
    now = now or utcnow()
    edition, delegate = _locked_delegate(session, delegate_id)
    _cancel(delegate, now)
    session.add(delegate)
    if not [d for d in _active_delegates(session, delegate.registration_id) if d.id != delegate.id]:
        registration = session.get(Registration, delegate.registration_id)
        if registration is not None:
            registration.cancelled_at = now
            session.add(registration)
    session.flush()
    return promote_waiting(session, edition, now)


def set_group_capacity(
    *, session: Session, group_number: int, capacity: int, now: datetime | None = None
) -> list[Delegate]:
    """Change a group's capacity (organisers); raising it promotes waiting delegates."""
    if capacity < 0:
        raise RegistrationError("Liczba miejsc nie może być ujemna.", "capacity")
    edition = _locked_edition(session)
    group = _groups_by_number(session, require_id(edition)).get(group_number)
    if group is None:
        raise RegistrationError("Nie ma takiej grupy.", "group_number")
    group.capacity = capacity
    session.add(group)
    session.flush()
    return promote_waiting(session, edition, now)


def set_venue_capacity(*, session: Session, capacity: int, now: datetime | None = None) -> list[Delegate]:
    if capacity < 0:
        raise RegistrationError("Liczba miejsc nie może być ujemna.", "capacity")
    edition = _locked_edition(session)
    edition.venue_capacity = capacity
    session.add(edition)
    session.flush()
    return promote_waiting(session, edition, now)


def set_registration_window(*, session: Session, opens_at: datetime, closes_at: datetime) -> Edition:
    if closes_at <= opens_at:
        raise RegistrationError("Zamknięcie rejestracji musi nastąpić po jej otwarciu.")
    edition = _locked_edition(session)
    edition.registration_opens_at, edition.registration_closes_at = opens_at, closes_at
    session.add(edition)
    session.flush()
    return edition


def issue_new_link(*, session: Session, email: str, now: datetime | None = None) -> tuple[Registration, str] | None:
    """A fresh management secret for the active registration with this e-mail, for mailing.

    Older links stay valid (so a stranger typing someone's address cannot lock them out), and at
    most one new link per registration is issued every RESEND_INTERVAL_S seconds.
    """
    now = now or utcnow()
    edition = _locked_edition(session)
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
    token = new_token()
    session.add(ManageToken(registration_id=require_id(registration), token_hash=hash_token(token), created_at=now))
    session.flush()
    return registration, token


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
    revoked = 0
    if revoke_old:
        for old in session.exec(
            select(ManageToken).where(
                ManageToken.registration_id == registration_id, col(ManageToken.revoked_at).is_(None)
            )
        ).all():
            old.revoked_at = now
            session.add(old)
            revoked += 1
    token = new_token()
    session.add(ManageToken(registration_id=registration_id, token_hash=hash_token(token), created_at=now))
    session.flush()
    return registration, token, revoked
