"""Organisers' actions on campaigns: every function checks the role before anything else."""

from __future__ import annotations

import httpx
from sqlmodel import Session

from kongres_app.models import Campaign
from kongres_app.services import campaigns, progress
from kongres_app.services.auth import Staff, audit, require_organiser
from kongres_app.settings import load_settings


def allow_private_sources() -> bool:
    """The switch for progress sources on private/loopback addresses (off by default; tests only)."""
    return load_settings().allow_private_sources


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


def create_direct(session: Session, actor: Staff | None, data: campaigns.CleanCampaign) -> int:
    """Organisers add a campaign themselves: published and verified at once."""
    require_organiser(session, actor, "create_campaign")
    campaign = campaigns.create_published(session=session, data=data)
    audit(session, actor, "create_campaign", {"campaign": campaign.id, "title": campaign.title})
    return campaign.id or 0


def edit(session: Session, actor: Staff | None, campaign_id: int, data: campaigns.CleanCampaign) -> None:
    require_organiser(session, actor, "edit_campaign", f"campaign={campaign_id}")
    campaigns.edit_campaign(session=session, campaign_id=campaign_id, data=data)
    audit(session, actor, "edit_campaign", {"campaign": campaign_id})


def form_values(session: Session, actor: Staff | None, campaign_id: int) -> tuple[dict[str, str], bool, str]:
    """A stored campaign as the form's values (for editing)."""
    require_organiser(session, actor, "read_campaign", f"campaign={campaign_id}")
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise campaigns.CampaignError("Nie ma takiej zbiórki.")
    values = {
        "title": campaign.title,
        "org_name": campaign.org_name,
        "gmina": campaign.gmina,
        "category": campaign.category,
        "blurb": campaign.blurb,
        "description": campaign.description,
        "goal_pln": str(campaign.goal_pln),
        "raised_pln": str(campaign.raised_pln),
        "supporters": str(campaign.supporters),
        "starts_on": campaign.starts_on.isoformat(),
        "ends_on": campaign.ends_on.isoformat(),
        "platform": campaign.platform,
        "external_url": campaign.external_url,
        "progress_source_url": campaign.progress_source_url or "",
        "image_alt": campaign.image_alt,
    }
    return values, campaign.hide_amounts, campaign.image_path or ""
