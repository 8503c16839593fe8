"""Places: who gets one in a group and the venue, who queues, and who moves up when one frees."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlmodel import Session, col, func, select

from kongres_app.db import require_id
from kongres_app.models import Delegate, DelegateStatus, DiscussionGroup, Edition, Registration
from kongres_app.services.clock import utcnow
from kongres_app.services.codes import new_code
from kongres_app.services.validation import CleanDelegate


class Places:
    """Confirmed counts of an edition, kept up to date while one locked transaction assigns places."""

    def __init__(self, session: Session, edition: Edition):
        rows = session.exec(
            select(Delegate.group_id, func.count())
            .where(Delegate.edition_id == edition.id, Delegate.status == DelegateStatus.CONFIRMED)
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


def place(delegate: Delegate, places: Places, now: datetime) -> None:
    """Confirm a new or moved delegate if their group and the venue have room, else queue them."""
    delegate.queued_at = now
    if places.fits(delegate.group_id):
        places.take(delegate.group_id)
        delegate.status, delegate.confirmed_at = DelegateStatus.CONFIRMED, now
    else:
        delegate.status, delegate.confirmed_at = DelegateStatus.WAITING, None


def promote_waiting(session: Session, edition: Edition, now: datetime | None = None) -> list[Delegate]:
    """Give free places to waiting delegates, first come first served. Caller holds the lock."""
    now = now or utcnow()
    places = Places(session, edition)
    promoted = []
    waiting = session.exec(
        select(Delegate)
        .where(Delegate.edition_id == edition.id, Delegate.status == DelegateStatus.WAITING)
        .order_by(col(Delegate.queued_at), col(Delegate.id))
    ).all()
    for delegate in waiting:
        if places.total >= places.venue_capacity:
            break
        if places.fits(delegate.group_id):
            places.take(delegate.group_id)
            delegate.status, delegate.confirmed_at, delegate.promoted_at = DelegateStatus.CONFIRMED, now, now
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


def new_delegate(
    session: Session,
    registration: Registration,
    group: DiscussionGroup,
    row: CleanDelegate,
    codes: set[str],
    now: datetime,
) -> Delegate:
    """A delegate of ``registration``, not yet placed (the caller places or holds them)."""
    return Delegate(
        registration_id=require_id(registration),
        edition_id=registration.edition_id,
        group_id=require_id(group),
        full_name=row.full_name,
        email=row.email,
        accessibility_needs=row.accessibility_needs,
        needs_consent_at=now if row.accessibility_needs else None,
        code=_unique_code(session, codes),
        status=DelegateStatus.WAITING,
        queued_at=now,
        created_at=now,
    )
