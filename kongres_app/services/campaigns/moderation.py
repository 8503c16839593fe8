"""Writes: an organisation submits, organisers publish, reject, edit and close ended campaigns."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime

from sqlmodel import Session, col, func, select

from kongres_app.db import lock_for_writing, require_id
from kongres_app.models import Campaign, CampaignSnapshot, SnapshotSource
from kongres_app.services.campaigns.catalog import (
    ENDED,
    MAX_PER_REGISTRATION,
    PUBLISHED,
    REJECTED,
    SUBMITTED,
    CampaignError,
    local_today,
)
from kongres_app.services.campaigns.validation import CleanCampaign
from kongres_app.services.clock import utcnow
from kongres_app.services.congress import current_edition
from kongres_app.services.polish import chars
from kongres_app.services.registration import registration_for_token
from kongres_app.services.validators import clean_text

# ----------------------------------------------------------------------------- writes

EDITABLE = tuple(f.name for f in fields(CleanCampaign))


def submit_campaign(*, session: Session, token: str, data: CleanCampaign, now: datetime | None = None) -> Campaign:
    """A registered organisation submits a campaign (through its management link) for review."""
    now = now or utcnow()
    lock_for_writing(session)
    registration = registration_for_token(session, token)
    if registration is None:
        raise CampaignError("Ten link do zarządzania rejestracją jest nieprawidłowy.")
    if registration.cancelled_at is not None:
        raise CampaignError("Ta rejestracja została anulowana: nie można zgłosić zbiórki.")
    active = select(func.count()).where(
        Campaign.registration_id == registration.id, col(Campaign.status).in_((SUBMITTED, PUBLISHED))
    )
    if session.exec(active).one() >= MAX_PER_REGISTRATION:
        raise CampaignError(f"Organizacja może mieć jednocześnie najwyżej {MAX_PER_REGISTRATION} zgłoszone zbiórki.")
    duplicate = select(Campaign.id).where(
        Campaign.edition_id == registration.edition_id,
        Campaign.external_url == data.external_url,
        Campaign.status != REJECTED,
    )
    if session.exec(duplicate).first() is not None:
        raise CampaignError("Zbiórka pod tym adresem jest już zgłoszona.", "external_url")
    campaign = Campaign(
        edition_id=registration.edition_id,
        registration_id=registration.id,
        **{name: getattr(data, name) for name in EDITABLE},
        status=SUBMITTED,
        created_at=now,
        updated_at=now,
    )
    return _insert(session, campaign, now)


def create_published(*, session: Session, data: CleanCampaign, now: datetime | None = None) -> Campaign:
    """Organisers add a campaign directly: published and verified, not tied to a registration."""
    now = now or utcnow()
    lock_for_writing(session)
    edition = current_edition(session)
    if edition is None:
        raise CampaignError("Nie ma danych kongresu.")
    campaign = Campaign(
        edition_id=require_id(edition),
        **{name: getattr(data, name) for name in EDITABLE},
        status=PUBLISHED,
        verified=True,
        created_at=now,
        updated_at=now,
    )
    return _insert(session, campaign, now)


def _insert(session: Session, campaign: Campaign, now: datetime) -> Campaign:
    """Store a new campaign with its first figures as a manual snapshot (the start of its chart)."""
    session.add(campaign)
    session.flush()
    session.add(CampaignSnapshot.of(campaign, now, SnapshotSource.MANUAL))
    session.flush()
    return campaign


def _locked_campaign(session: Session, campaign_id: int) -> Campaign:
    lock_for_writing(session)
    campaign = session.exec(select(Campaign).where(Campaign.id == campaign_id).with_for_update()).first()
    if campaign is None:
        raise CampaignError("Nie ma takiej zbiórki.")
    return campaign


def approve_campaign(
    *, session: Session, campaign_id: int, verified: bool = True, now: datetime | None = None
) -> Campaign:
    """Organisers publish a submitted (or earlier rejected) campaign; ``verified``: they checked it is real."""
    campaign = _locked_campaign(session, campaign_id)
    if campaign.status not in (SUBMITTED, REJECTED):
        raise CampaignError("Tę zbiórkę już opublikowano albo się zakończyła.")
    campaign.status, campaign.rejection_reason, campaign.verified = PUBLISHED, "", verified
    campaign.updated_at = now or utcnow()
    session.add(campaign)
    session.flush()
    return campaign


def reject_campaign(*, session: Session, campaign_id: int, reason: str, now: datetime | None = None) -> Campaign:
    """Organisers turn a submission down (or take a published campaign off) and say why."""
    reason = clean_text(reason)
    if len(reason) < 5:
        raise CampaignError("Napisz organizacji, dlaczego zbiórka nie może być pokazana.", "rejection_reason")
    if len(reason) > 500:
        raise CampaignError(f"Uzasadnienie może mieć najwyżej {chars(500)} (teraz: {len(reason)}).", "rejection_reason")
    campaign = _locked_campaign(session, campaign_id)
    if campaign.status not in (SUBMITTED, PUBLISHED):
        raise CampaignError("Tej zbiórki nie można już odrzucić.")
    campaign.status, campaign.rejection_reason = REJECTED, reason
    campaign.updated_at = now or utcnow()
    session.add(campaign)
    session.flush()
    return campaign


def edit_campaign(*, session: Session, campaign_id: int, data: CleanCampaign, now: datetime | None = None) -> Campaign:
    """Organisers correct a campaign; changed figures are stored as a manual snapshot."""
    now = now or utcnow()
    campaign = _locked_campaign(session, campaign_id)
    before = (campaign.raised_pln, campaign.goal_pln, campaign.supporters)
    for name in EDITABLE:
        setattr(campaign, name, getattr(data, name))
    campaign.updated_at = now
    session.add(campaign)
    if (campaign.raised_pln, campaign.goal_pln, campaign.supporters) != before:
        session.add(CampaignSnapshot.of(campaign, now, SnapshotSource.MANUAL))
    session.flush()
    return campaign


def close_ended_campaigns(*, session: Session, today: date | None = None, now: datetime | None = None) -> int:
    """Mark published campaigns past their end date as ended; returns how many."""
    today = today or local_today(now)
    lock_for_writing(session)
    rows = session.exec(select(Campaign).where(Campaign.status == PUBLISHED, Campaign.ends_on < today)).all()
    for campaign in rows:
        campaign.status, campaign.updated_at = ENDED, now or utcnow()
        session.add(campaign)
    session.flush()
    return len(rows)
