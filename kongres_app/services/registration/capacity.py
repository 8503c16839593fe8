"""Organisers' settings that decide who gets a place: group and venue capacity, the registration window."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from kongres_app.db import require_id
from kongres_app.models import Delegate, Edition
from kongres_app.services.registration.common import RegistrationError, groups_by_number, locked_edition
from kongres_app.services.registration.places import promote_waiting


def set_group_capacity(
    *, session: Session, group_number: int, capacity: int, now: datetime | None = None
) -> list[Delegate]:
    """Change a group's capacity (organisers); raising it promotes waiting delegates."""
    if capacity < 0:
        raise RegistrationError("Liczba miejsc nie może być ujemna.", "capacity")
    edition = locked_edition(session)
    group = groups_by_number(session, require_id(edition)).get(group_number)
    if group is None:
        raise RegistrationError("Nie ma takiej grupy.", "group_number")
    group.capacity = capacity
    session.add(group)
    session.flush()
    return promote_waiting(session, edition, now)


def set_venue_capacity(*, session: Session, capacity: int, now: datetime | None = None) -> list[Delegate]:
    if capacity < 0:
        raise RegistrationError("Liczba miejsc nie może być ujemna.", "capacity")
    edition = locked_edition(session)
    edition.venue_capacity = capacity
    session.add(edition)
    session.flush()
    return promote_waiting(session, edition, now)


def set_registration_window(*, session: Session, opens_at: datetime, closes_at: datetime) -> Edition:
    if closes_at <= opens_at:
        raise RegistrationError("Zamknięcie rejestracji musi nastąpić po jej otwarciu.")
    edition = locked_edition(session)
    edition.registration_opens_at, edition.registration_closes_at = opens_at, closes_at
    session.add(edition)
    session.flush()
    return edition
