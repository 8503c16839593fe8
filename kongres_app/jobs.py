"""Background work of the server process: the periodic refresh of campaign figures, removing campaign
pictures no campaign uses, giving memory back to the system after tabs have left, and the privacy duties
(art. 14 information mails, erasing health data)."""

import asyncio
import ctypes
import ctypes.util
import gc
import logging
from datetime import timedelta

from kongres_app import routes
from kongres_app.db import session_scope
from kongres_app.offload import in_thread
from kongres_app.services import campaign_admin, campaigns, delegate_privacy, images, progress
from kongres_app.services.auth import audit
from kongres_app.services.congress import site_settings
from kongres_app.services.mailer import send_mail
from kongres_app.services.registration import expire_unconfirmed
from kongres_app.settings import load_settings

logger = logging.getLogger(__name__)


def refresh_interval() -> timedelta:
    return timedelta(minutes=load_settings().refresh_minutes)


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


def privacy_round() -> tuple[int, int]:
    """One pass of the privacy duties: mail the art. 14 information to delegates with an address of their
    own (only when mail is configured), and erase accessibility needs once their retention time is over.
    Returns (mails sent, needs erased). Blocking: run it in a thread."""
    settings = load_settings()
    retention = delegate_privacy.needs_retention(settings.needs_retention_days)
    sent = 0
    with session_scope() as session:
        erased = delegate_privacy.erase_needs_after_congress(session, retention=retention)
    if settings.smtp_url:
        with session_scope() as session:
            controller = site_settings(session).get("gdpr_controller", "")
            mails = delegate_privacy.information_mails(
                session, controller=controller, privacy_url=settings.public_url + routes.PRIVACY
            )
        for mail in mails:
            with session_scope() as session:
                if not delegate_privacy.claim_information_mail(session, mail.delegate_id):
                    continue  # another worker has it
            if send_mail(
                settings.smtp_url, sender=settings.mail_from, to=mail.to, subject=mail.subject, body=mail.body
            ):
                sent += 1
            else:
                with session_scope() as session:
                    delegate_privacy.release_information_mail(session, mail.delegate_id)
    return sent, erased


async def privacy_duties_forever() -> None:
    every_s = load_settings().privacy_every_s
    while True:
        try:
            sent, erased = await asyncio.to_thread(privacy_round)
            if sent or erased:
                logger.info(
                    "Privacy duties: %d information mail(s) sent, %d accessibility need(s) erased", sent, erased
                )
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("Privacy duties failed; trying again next round")
        await asyncio.sleep(every_s)


def remove_orphan_pictures() -> list[str]:
    with session_scope() as session:
        return images.remove_orphans(session=session)


async def remove_orphan_pictures_forever(every_s: float = 3600) -> None:
    """Every hour: delete uploaded pictures that no campaign uses, once older than ``images.ORPHAN_GRACE`` (a
    picture added to a form still being filled in, or replaced in an edit, is kept that long)."""
    while True:
        try:
            removed = await in_thread(remove_orphan_pictures)
            if removed:
                logger.info("Removed %d unused campaign picture(s)", len(removed))
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("Removing unused campaign pictures failed; trying again next hour")
        await asyncio.sleep(every_s)


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
