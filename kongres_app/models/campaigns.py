"""Tables of the crowdfunding showcase: campaigns of county NGOs and their progress over time.

Amounts are whole złoty. Dates of a campaign (start, end) are local calendar dates; datetimes are
aware UTC. The statuses are ``CampaignStatus``; the other dictionaries live in ``kongres_app.services.campaigns``.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel


class CampaignStatus(StrEnum):
    """Where a campaign is in its life; the values are what the table stores."""

    SUBMITTED = "zgloszona"
    PUBLISHED = "opublikowana"
    ENDED = "zakonczona"
    REJECTED = "odrzucona"


class SnapshotSource(StrEnum):
    """Where a snapshot's figures came from."""

    MANUAL = "manual"  # typed by the organisation or organisers
    FETCH = "fetch"  # read from the campaign's progress source


class Campaign(SQLModel, table=True):
    """A fundraiser an organisation runs on an outside platform, shown (once approved) in the showcase."""

    __tablename__ = "campaign"

    id: int | None = Field(default=None, primary_key=True)
    edition_id: int = Field(foreign_key="edition.id", index=True)
    title: str = Field(max_length=150)
    org_name: str = Field(max_length=200)
    registration_id: int | None = Field(default=None, foreign_key="registration.id", index=True)
    category: str = Field(max_length=40)
    gmina: str = Field(max_length=40)
    blurb: str = Field(max_length=200)
    description: str = Field(max_length=5000, default="")
    image_path: str | None = Field(default=None, max_length=300)
    image_alt: str = Field(default="", max_length=250)  # the picture described by its author (WCAG 1.1.1)
    goal_pln: int = Field(default=0, ge=0)
    raised_pln: int = Field(default=0, ge=0)
    supporters: int = Field(default=0, ge=0)
    starts_on: date
    ends_on: date
    platform: str = Field(max_length=60)
    external_url: str = Field(max_length=500)
    progress_source_url: str | None = Field(default=None, max_length=500)
    hide_amounts: bool = False
    status: str = Field(max_length=20, index=True)  # a CampaignStatus
    rejection_reason: str = Field(default="", max_length=500)
    verified: bool = False
    is_example: bool = False
    last_checked_at: datetime | None = None
    last_error: str = Field(default="", max_length=500)
    created_at: datetime
    updated_at: datetime


class CampaignSnapshot(SQLModel, table=True):
    """The figures of a campaign at one moment, for its progress chart."""

    __tablename__ = "campaign_snapshot"

    id: int | None = Field(default=None, primary_key=True)
    campaign_id: int = Field(foreign_key="campaign.id", index=True)
    taken_at: datetime
    raised_pln: int = Field(default=0, ge=0)
    goal_pln: int = Field(default=0, ge=0)
    supporters: int = Field(default=0, ge=0)
    source: str = Field(max_length=10)  # a SnapshotSource

    @classmethod
    def of(cls, campaign: Campaign, taken_at: datetime, source: str) -> CampaignSnapshot:
        """The campaign's current figures as a point of its chart (``source``: "manual" or "fetch")."""
        if campaign.id is None:
            raise ValueError("A campaign gets snapshots once it is stored.")
        return cls(
            campaign_id=campaign.id,
            taken_at=taken_at,
            raised_pln=campaign.raised_pln,
            goal_pln=campaign.goal_pln,
            supporters=campaign.supporters,
            source=source,
        )
