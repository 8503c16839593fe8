"""Registrations of organisations, their delegates, management links, KRS conflicts and check-in."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel


class DelegateStatus(StrEnum):
    """Where a delegate stands; the values are what the table stores."""

    PENDING = "pending"  # the contact person has not yet confirmed the e-mail address: no place held
    CONFIRMED = "confirmed"
    WAITING = "waiting"
    CANCELLED = "cancelled"


class KrsResolution(StrEnum):
    """How organisers settled a KRS conflict ("" while it is open)."""

    KEPT = "kept"  # the holder stays
    CANCELLED = "cancelled"  # the holder's registration was cancelled


class Registration(SQLModel, table=True):
    """An organisation's registration for an edition, with its contact person and consents."""

    __tablename__ = "registration"
    __table_args__ = (
        # One active registration per organisation and per e-mail address.
        Index(
            "uq_registration_krs_active",
            "edition_id",
            "krs",
            unique=True,
            sqlite_where=text("cancelled_at IS NULL AND krs IS NOT NULL"),
            postgresql_where=text("cancelled_at IS NULL AND krs IS NOT NULL"),
        ),
        Index(
            "uq_registration_name_gmina_active",
            "edition_id",
            "org_name_key",
            "gmina",
            unique=True,
            sqlite_where=text("cancelled_at IS NULL"),
            postgresql_where=text("cancelled_at IS NULL"),
        ),
        Index(
            "uq_registration_email_active",
            "edition_id",
            "email_key",
            unique=True,
            sqlite_where=text("cancelled_at IS NULL"),
            postgresql_where=text("cancelled_at IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    edition_id: int = Field(foreign_key="edition.id", index=True)
    org_name: str = Field(max_length=200)
    org_name_key: str = Field(max_length=200)
    legal_form: str = Field(max_length=40)
    krs: str | None = Field(default=None, max_length=10)
    gmina: str = Field(max_length=40, index=True)
    contact_name: str = Field(max_length=120)
    email: str = Field(max_length=254)
    email_key: str = Field(max_length=254)
    phone: str = Field(default="", max_length=30)
    consent_rules: bool = False
    consent_publish_name: bool = False
    consent_image: bool = False
    created_at: datetime
    updated_at: datetime
    cancelled_at: datetime | None = None
    # Awaiting e-mail confirmation until this moment (holds no place); None once confirmed or never asked.
    confirm_by: datetime | None = Field(default=None, index=True)
    email_confirmed_at: datetime | None = None
    # Stored without a confirmed e-mail (mail off): organisers check it; reviewed_at once they did.
    needs_review: bool = False
    reviewed_at: datetime | None = None


class KrsConflict(SQLModel, table=True):
    """A registration refused because another active one holds its KRS: organisers decide who is real."""

    __tablename__ = "krs_conflict"

    id: int | None = Field(default=None, primary_key=True)
    edition_id: int = Field(foreign_key="edition.id", index=True)
    registration_id: int = Field(foreign_key="registration.id", index=True)  # the one holding the KRS
    krs: str = Field(max_length=10)
    org_name: str = Field(max_length=200)
    contact_name: str = Field(max_length=120)
    email: str = Field(max_length=254)
    phone: str = Field(default="", max_length=30)
    created_at: datetime
    resolved_at: datetime | None = None
    resolution: str = Field(default="", max_length=20)  # a KrsResolution


class ManageToken(SQLModel, table=True):
    """A personal management link's secret, stored only as its SHA-256 hash.

    A registration may have several (the first, ones resent by mail, ones organisers issued);
    organisers can revoke the older ones when issuing a new link.
    """

    __tablename__ = "manage_token"

    id: int | None = Field(default=None, primary_key=True)
    registration_id: int = Field(foreign_key="registration.id", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime
    revoked_at: datetime | None = None


class Delegate(SQLModel, table=True):
    """A person an organisation sends, in one thematic group: confirmed, waiting or cancelled."""

    __tablename__ = "delegate"
    __table_args__ = (
        Index("ix_delegate_group_status_queue", "group_id", "status", "queued_at", "id"),
        Index("ix_delegate_edition_status", "edition_id", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    registration_id: int = Field(foreign_key="registration.id", index=True)
    edition_id: int = Field(foreign_key="edition.id")
    group_id: int = Field(foreign_key="discussion_group.id")
    full_name: str = Field(max_length=120)
    email: str = Field(default="", max_length=254)
    accessibility_needs: str = Field(default="", max_length=500)
    code: str = Field(max_length=12, unique=True)
    status: str = Field(max_length=12)  # a DelegateStatus
    queued_at: datetime
    created_at: datetime
    confirmed_at: datetime | None = None
    promoted_at: datetime | None = None
    cancelled_at: datetime | None = None
    needs_handled: bool = False  # organisers have arranged the accessibility need
    # Explicit consent to the accessibility needs, which are health data (RODO art. 9 ust. 2 lit. a);
    # needs are never stored without it, and are erased a set time after the congress.
    needs_consent_at: datetime | None = None
    # The person's own consent to photos (art. 6 ust. 1 lit. a), given on /moj-kongres; no until they say yes.
    image_consent: bool = False
    image_consent_at: datetime | None = None
    informed_at: datetime | None = None  # the art. 14 information was mailed to the person's own address


class CheckIn(SQLModel, table=True):
    """A delegate marked present at the door (one row per delegate)."""

    __tablename__ = "check_in"

    id: int | None = Field(default=None, primary_key=True)
    delegate_id: int = Field(foreign_key="delegate.id", unique=True)
    at: datetime
    by_user_id: int | None = Field(default=None, foreign_key="staff_user.id")
