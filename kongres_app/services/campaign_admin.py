"""Organisers' actions on campaigns: every function checks the role before anything else."""

from __future__ import annotations

import os

import httpx
from sqlmodel import Session

from kongres_app.services import campaigns, progress
from kongres_app.services.auth import Staff, audit, require_organiser

ALLOW_PRIVATE_ENV = "KONGRES_ALLOW_PRIVATE_SOURCES"


def allow_private_sources() -> bool:
    """The organisers' switch for progress sources on private/loopback addresses (off by default)."""
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "tak", "yes")


def all_campaigns(session: Session, actor: Staff | None, status: str = "") -> list[campaigns.CampaignCard]:
    require_organiser(session, actor, "read_campaigns")
    filters = campaigns.CampaignFilters(status=status)
    return campaigns.list_campaigns(session=session, filters=filters, sort="najnowsze", public=False).cards


def approve(session: Session, actor: Staff | None, campaign_id: int) -> None:
    require_organiser(session, actor, "approve_campaign", f"campaign={campaign_id}")
    campaigns.approve_campaign(session=session, campaign_id=campaign_id)
    audit(session, actor, "approve_campaign", {"campaign": campaign_id})


def reject(session: Session, actor: Staff | None, campaign_id: int, reason: str) -> None:
    require_organiser(session, actor, "reject_campaign", f"campaign={campaign_id}")
    campaigns.reject_campaign(session=session, campaign_id=campaign_id, reason=reason)
    audit(session, actor, "reject_campaign", {"campaign": campaign_id, "reason": reason[:200]})


def new_client() -> httpx.AsyncClient:
    # trust_env=False: no proxy from the environment may make the request instead of us.
    return httpx.AsyncClient(trust_env=False, follow_redirects=False)


async def refresh(session: Session, actor: Staff | None, campaign_id: int) -> progress.RefreshResult:
    require_organiser(session, actor, "refresh_campaign", f"campaign={campaign_id}")
    async with new_client() as client:
        result = await progress.refresh_campaign(
            session=session, campaign_id=campaign_id, client=client, allow_private=allow_private_sources()
        )
    audit(session, actor, "refresh_campaign", {"campaign": campaign_id, "ok": result.ok})
    return result
