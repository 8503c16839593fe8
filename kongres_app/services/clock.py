"""Time helpers: the database keeps aware UTC datetimes; ``services.polish`` writes them in Polish."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

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
