"""Time helpers: the database keeps aware UTC datetimes, people read local time in Polish."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime

LOCALE = "pl_PL"
DEFAULT_TZ = "Europe/Warsaw"


def utcnow() -> datetime:
    return datetime.now(UTC)


def local_to_utc(local: datetime, tz: str = DEFAULT_TZ) -> datetime:
    if local.tzinfo is None:
        local = local.replace(tzinfo=ZoneInfo(tz))
    return local.astimezone(UTC)


def utc_to_local(stored: datetime, tz: str = DEFAULT_TZ) -> datetime:
    if stored.tzinfo is None:
        stored = stored.replace(tzinfo=UTC)
    return stored.astimezone(ZoneInfo(tz))


def polish_date(value: date) -> str:
    """``sobota, 4 marca 2017``."""
    return format_date(value, "EEEE, d MMMM y", locale=LOCALE)


def polish_day(value: date) -> str:
    """``4 marca 2017`` (no weekday: reads well after "najwcześniej" or "przy publikacji")."""
    return format_date(value, "d MMMM y", locale=LOCALE)


def polish_datetime(stored_utc: datetime, tz: str = DEFAULT_TZ) -> str:
    """``2 marca 2017, 23:59`` in local time."""
    return format_datetime(utc_to_local(stored_utc, tz), "d MMMM y, HH:mm", locale=LOCALE)
