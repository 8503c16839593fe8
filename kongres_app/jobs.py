"""Background work of the server process: the periodic refresh of campaign figures, and giving memory
back to the system after tabs have left."""

import asyncio
import ctypes
import ctypes.util
import gc
import logging
import os
from datetime import timedelta

from kongres_app.db import session_scope
from kongres_app.offload import in_thread
from kongres_app.services import campaign_admin, campaigns, progress
from kongres_app.services.auth import audit
from kongres_app.services.registration import expire_unconfirmed

logger = logging.getLogger(__name__)
INTERVAL_ENV = "KONGRES_REFRESH_MINUTES"


def refresh_interval() -> timedelta:
    raw = os.environ.get(INTERVAL_ENV, "15").strip()
    minutes = int(raw) if raw.isdigit() else 15
    return timedelta(minutes=max(1, minutes))


async def refresh_campaigns_forever() -> None:
    """Every interval: refresh due campaigns from their JSON sources and close ended ones.

    The database decides what is due (last_checked_at), so several workers running this at once
    only repeat a check, never corrupt figures.
    """
    interval = refresh_interval()
    while True:
        try:
            async with campaign_admin.new_client() as client:
                with session_scope() as session:
                    results = await progress.refresh_due(
                        session=session,
                        client=client,
                        interval=interval,
                        allow_private=campaign_admin.allow_private_sources(),
                    )
            with session_scope() as session:
                campaigns.close_ended_campaigns(session=session)
            if results:
                logger.info("Refreshed %d campaign(s), %d failed", len(results), sum(not r.ok for r in results))
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("Periodic campaign refresh failed; trying again next interval")
        await asyncio.sleep(interval.total_seconds())


def give_memory_back() -> bool:
    """Collect garbage and hand freed heap pages back to the system (glibc's ``malloc_trim``).

    Reflex drops a tab's state once it has been idle for ``REFLEX_REDIS_TOKEN_EXPIRATION`` seconds,
    but the allocator keeps the freed memory for reuse, so a hall that emptied still showed its peak
    RSS. Returns whether the trim was available (glibc systems).
    """
    gc.collect()
    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        libc = ctypes.CDLL(name)
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return False  # not glibc (e.g. musl): nothing to do
    trim.argtypes = [ctypes.c_size_t]
    trim(0)
    return True


async def give_memory_back_forever(every_s: float = 30) -> None:
    while True:
        await asyncio.sleep(every_s)
        await asyncio.to_thread(give_memory_back)


def expire_unconfirmed_now() -> int:
    """Cancel registrations not confirmed in time (each one audited); returns how many."""
    with session_scope() as session:
        expired = expire_unconfirmed(session=session)
        for registration in expired:
            audit(
                session, None, "registration_expired", {"registration": registration.id, "org": registration.org_name}
            )
    return len(expired)


async def expire_unconfirmed_forever(every_s: float = 60) -> None:
    """Every minute: unconfirmed registrations past their time are cancelled (several workers: harmless repeats)."""
    while True:
        try:
            if n := await in_thread(expire_unconfirmed_now):
                logger.info("Cancelled %d unconfirmed registration(s)", n)
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("Expiring unconfirmed registrations failed; trying again next minute")
        await asyncio.sleep(every_s)
