"""What every registration write shares: the refusal, the edition's write lock, the open window, groups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from kongres_app.db import lock_for_writing
from kongres_app.models import Delegate, DelegateStatus, DiscussionGroup, Edition
from kongres_app.services.congress import current_edition, registration_status
from kongres_app.services.errors import UserError

NOT_READY = (
    "Rejestracja jeszcze nie ruszyła: organizatorzy uzupełniają informację o ochronie danych osobowych. "
    "Spróbuj ponownie za jakiś czas."
)


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


def locked_edition(session: Session, edition_id: int | None = None) -> Edition:
    """Take the write lock, then read the edition (row-locked on PostgreSQL)."""
    lock_for_writing(session)
    query = select(Edition).with_for_update()
    query = query.where(Edition.id == edition_id) if edition_id else query
    edition = session.exec(query.order_by(col(Edition.is_current).desc(), col(Edition.event_date).desc())).first()
    if edition is None:
        raise RegistrationError("Nie ma jeszcze danych kongresu: rejestracja nie jest możliwa.")
    return edition


def require_open(edition: Edition, now: datetime) -> None:
    status = registration_status(edition, now)
    if status == "before":
        raise RegistrationError("Rejestracja jeszcze się nie rozpoczęła.")
    if status == "closed":
        raise RegistrationError("Rejestracja jest już zamknięta.")


def require_before_event(edition: Edition, now: datetime) -> None:
    """Cancelling is possible until the congress day ends, and always while registration is open."""
    if now.date() > edition.event_date and registration_status(edition, now) != "open":
        raise RegistrationError("Kongres już się odbył: zmian nie można już wprowadzać.")


def groups_by_number(session: Session, edition_id: int) -> dict[int, DiscussionGroup]:
    groups = session.exec(select(DiscussionGroup).where(DiscussionGroup.edition_id == edition_id)).all()
    return {g.number: g for g in groups}


def group_numbers(session: Session) -> set[int]:
    edition = current_edition(session)
    return set(groups_by_number(session, edition.id).keys()) if edition and edition.id else set()


def active_delegates(session: Session, registration_id: int) -> list[Delegate]:
    return list(
        session.exec(
            select(Delegate)
            .where(Delegate.registration_id == registration_id, Delegate.status != DelegateStatus.CANCELLED)
            .order_by(col(Delegate.id))
        ).all()
    )


def cancel(delegate: Delegate, now: datetime) -> None:
    delegate.status, delegate.cancelled_at = DelegateStatus.CANCELLED, now
