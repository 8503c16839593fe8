"""Time helpers: the database keeps aware UTC datetimes, people read local time in Polish."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date

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


# The one date style of every text a person reads: "2 marca 2017 r., godz. 23:59", with non-breaking spaces
# before "r." and after "godz." so that neither is left alone at the start of a line.
NBSP = "\u00a0"


def polish_date(value: date) -> str:
    """``sobota, 4 marca 2017 r.``."""
    return format_date(value, "EEEE, d MMMM y", locale=LOCALE) + f"{NBSP}r."


def polish_day(value: date) -> str:
    """``4 marca 2017 r.`` (no weekday: reads well after "najwcześniej" or "przy publikacji")."""
    return format_date(value, "d MMMM y", locale=LOCALE) + f"{NBSP}r."


def polish_datetime(stored_utc: datetime, tz: str = DEFAULT_TZ) -> str:
    """``2 marca 2017 r., godz. 23:59`` in local time."""
    local = utc_to_local(stored_utc, tz)
    return f"{polish_day(local.date())}, godz.{NBSP}{local:%H:%M}"
