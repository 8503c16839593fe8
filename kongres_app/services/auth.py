"""Organiser and facilitator accounts: argon2 passwords, server-side sessions, throttling, roles, audit."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlmodel import Session, col, func, select

from kongres_app.db import require_id
from kongres_app.models import AuditEntry, AuditOutcome, LoginAttempt, StaffRole, StaffSession, StaffUser
from kongres_app.services.clock import utcnow
from kongres_app.services.codes import hash_token, new_token
from kongres_app.services.errors import UserError
from kongres_app.services.polish import chars

ORGANISER = StaffRole.ORGANISER
FACILITATOR = StaffRole.FACILITATOR
ROLES: dict[str, str] = {ORGANISER: "Organizator", FACILITATOR: "Moderator grupy"}

SESSION_LIFETIME = timedelta(hours=12)
THROTTLE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_CLIENT = 20
MIN_PASSWORD_LENGTH = 12

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# Verifying against this keeps the time of "no such user" equal to "wrong password".
_DUMMY_HASH = _hasher.hash("kongres-dummy-password")


class AuthError(UserError):
    """A login or account change refused."""


class PermissionDenied(Exception):
    """The caller may not do this; nothing was changed."""


@dataclass(frozen=True)
class Staff:
    """Who is calling, as handlers and API routes see it."""

    id: int
    username: str
    display_name: str
    role: str
    group_number: int | None

    @property
    def is_organiser(self) -> bool:
        return self.role == ORGANISER

    def may_moderate(self, group_number: int) -> bool:
        return self.is_organiser or (self.role == FACILITATOR and self.group_number == group_number)


def _staff(user: StaffUser) -> Staff:
    return Staff(user.id or 0, user.username, user.display_name, user.role, user.group_number)


def username_key(username: str) -> str:
    return username.strip().casefold()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def check_new_password(password: str, repeated: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AuthError(f"Hasło musi mieć co najmniej {chars(MIN_PASSWORD_LENGTH)}.", "password")
    if password != repeated:
        raise AuthError("Hasła nie są takie same.", "password_repeat")


def create_user(
    *,
    session: Session,
    username: str,
    display_name: str,
    password: str,
    role: str,
    group_number: int | None = None,
    now: datetime | None = None,
) -> Staff:
    now = now or utcnow()
    key = username_key(username)
    if not key or len(key) > 60 or not all(ch.isalnum() or ch in "._-" for ch in key):
        raise AuthError("Login może zawierać litery, cyfry, kropkę, myślnik i podkreślenie (do 60 znaków).", "username")
    if role not in ROLES:
        raise AuthError("Nieznana rola.", "role")
    if role == FACILITATOR and group_number is None:
        raise AuthError("Wskaż grupę, którą moderator będzie moderować.", "group_number")
    if session.exec(select(StaffUser).where(StaffUser.username == key)).first():
        raise AuthError("Konto o tym loginie już istnieje.", "username")
    check_new_password(password, password)
    user = StaffUser(
        username=key,
        display_name=display_name.strip() or key,
        password_hash=hash_password(password),
        role=role,
        group_number=group_number if role == FACILITATOR else None,
        created_at=now,
        password_changed_at=now,
    )
    session.add(user)
    session.flush()
    return _staff(user)


def create_facilitator(
    *, session: Session, actor: Staff | None, username: str, display_name: str, password: str, group_number: int | None
) -> Staff:
    """Organisers add a facilitator for one group's board."""
    require_organiser(session, actor, "create_facilitator")
    created = create_user(
        session=session,
        username=username,
        display_name=display_name,
        password=password,
        role=FACILITATOR,
        group_number=group_number,
    )
    audit(session, actor, "create_facilitator", {"username": created.username, "group": group_number})
    return created


def reset_password(
    *, session: Session, actor: Staff | None, user_id: int, password: str, now: datetime | None = None
) -> None:
    """Organisers set a new password for a facilitator; their open sessions end."""
    require_organiser(session, actor, "reset_password", f"user={user_id}")
    now = now or utcnow()
    user = session.get(StaffUser, user_id)
    if user is None:
        raise AuthError("Nie ma takiego konta.")
    if user.role != FACILITATOR:
        # Another organiser's password is theirs to change (CLI), not a colleague's.
        raise AuthError("Tu można zmienić tylko hasło moderatora grupy.")
    check_new_password(password, password)
    user.password_hash, user.password_changed_at = hash_password(password), now
    session.add(user)
    for open_session in session.exec(
        select(StaffSession).where(StaffSession.user_id == user_id, col(StaffSession.ended_at).is_(None))
    ).all():
        open_session.ended_at = now
        session.add(open_session)
    audit(session, actor, "reset_password", f"user={user.username}")


def _recent_failures(session: Session, column, value: str, since: datetime) -> int:
    return session.exec(
        select(func.count())
        .select_from(LoginAttempt)
        .where(column == value, LoginAttempt.at >= since, col(LoginAttempt.success).is_(False))
    ).one()


def _record_failure(session: Session, key: str, client_key: str, now: datetime) -> None:
    # Its own transaction: the caller's rolls back when the AuthError propagates.
    with Session(session.get_bind()) as log_session:
        log_session.add(LoginAttempt(username_key=key, client_key=client_key, at=now, success=False))
        log_session.commit()


def login(
    *, session: Session, username: str, password: str, client_key: str, now: datetime | None = None
) -> tuple[str, Staff]:
    """Check the password (throttled per account and per client); return a new session token."""
    now = now or utcnow()
    key = username_key(username)[:60]
    client_key = (client_key or "unknown")[:100]
    since = now - THROTTLE_WINDOW
    if (
        _recent_failures(session, LoginAttempt.username_key, key, since) >= MAX_FAILURES_PER_ACCOUNT
        or _recent_failures(session, LoginAttempt.client_key, client_key, since) >= MAX_FAILURES_PER_CLIENT
    ):
        _record_failure(session, key, client_key, now)
        minutes = int(THROTTLE_WINDOW.total_seconds() // 60)
        raise AuthError(f"Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za {minutes} minut.")
    user = session.exec(select(StaffUser).where(StaffUser.username == key)).first()
    valid = verify_password(user.password_hash if user else _DUMMY_HASH, password)
    if not (user and user.is_active and valid):
        _record_failure(session, key, client_key, now)
        raise AuthError("Nieprawidłowy login lub hasło.")
    session.add(LoginAttempt(username_key=key, client_key=client_key, at=now, success=True))
    token = new_token()
    session.add(
        StaffSession(
            user_id=require_id(user), token_hash=hash_token(token), created_at=now, expires_at=now + SESSION_LIFETIME
        )
    )
    staff = _staff(user)
    audit(session, staff, "login")
    return token, staff


def authenticate(session: Session, token: str | None, now: datetime | None = None) -> Staff | None:
    """The staff member behind a session token, if the session is live; else None."""
    if not token or len(token) > 100:
        return None
    now = now or utcnow()
    row = session.exec(
        select(StaffSession, StaffUser)
        .join(StaffUser, col(StaffUser.id) == col(StaffSession.user_id))
        .where(StaffSession.token_hash == hash_token(token))
    ).first()
    if row is None:
        return None
    staff_session, user = row
    if staff_session.ended_at is not None or staff_session.expires_at <= now or not user.is_active:
        return None
    return _staff(user)


def logout(*, session: Session, token: str, now: datetime | None = None) -> None:
    """End the session: every tab and export link using this token stops working at once."""
    staff_session = session.exec(select(StaffSession).where(StaffSession.token_hash == hash_token(token))).first()
    if staff_session and staff_session.ended_at is None:
        staff_session.ended_at = now or utcnow()
        session.add(staff_session)


def audit(
    session: Session, actor: Staff | None, action: str, details: str | dict = "", outcome: str = AuditOutcome.OK
) -> None:
    text = details if isinstance(details, str) else json.dumps(details, ensure_ascii=False)
    session.add(
        AuditEntry(
            at=utcnow(),
            user_id=actor.id if actor else None,
            actor=actor.display_name if actor else "(osoba niezalogowana)",
            action=action,
            details=text[:2000],
            outcome=outcome,
        )
    )


def _deny(session: Session, actor: Staff | None, action: str, details: str) -> PermissionDenied:
    # Logged in its own transaction so a caller's rollback cannot erase the trace. Callers check
    # permissions before taking the write lock, so this never waits on their own transaction.
    bind = session.get_bind()
    with Session(bind) as log_session:
        audit(log_session, actor, action, details, outcome=AuditOutcome.DENIED)
        log_session.commit()
    return PermissionDenied(action)


def require_organiser(session: Session, actor: Staff | None, action: str, details: str = "") -> Staff:
    if actor is None or not actor.is_organiser:
        raise _deny(session, actor, action, details)
    return actor


def require_moderator(
    session: Session, actor: Staff | None, group_number: int, action: str, details: str = ""
) -> Staff:
    if actor is None or not actor.may_moderate(group_number):
        raise _deny(session, actor, action, details or f"group={group_number}")
    return actor


def list_staff(session: Session, actor: Staff | None) -> list[StaffUser]:
    require_organiser(session, actor, "list_staff")
    return list(session.exec(select(StaffUser).order_by(col(StaffUser.role), col(StaffUser.username))).all())
