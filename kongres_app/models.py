"""Database tables (SQLModel). Datetimes are aware UTC; dates and agenda times are local."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel, UniqueConstraint


class Edition(SQLModel, table=True):
    """One congress (the 2nd Congress of 2017 is the first one the app serves)."""

    __tablename__ = "edition"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=64, unique=True, index=True)
    name: str = Field(max_length=200)
    short_name: str = Field(max_length=80)
    slogan: str = Field(max_length=200)
    intro: str = Field(max_length=4000, default="")
    host: str = Field(max_length=200, default="")
    event_date: date
    venue_name: str = Field(max_length=200)
    venue_address: str = Field(max_length=300, default="")
    registration_opens_at: datetime
    registration_closes_at: datetime
    venue_capacity: int = Field(ge=0)
    is_current: bool = Field(default=False, index=True)


class DiscussionGroup(SQLModel, table=True):
    """One of the thematic groups (I–IV) an edition discusses in."""

    __tablename__ = "discussion_group"
    __table_args__ = (UniqueConstraint("edition_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    edition_id: int = Field(foreign_key="edition.id", index=True)
    number: int = Field(ge=1, le=20)
    name: str = Field(max_length=200)
    description: str = Field(max_length=2000, default="")
    capacity: int = Field(ge=0)


class AgendaItem(SQLModel, table=True):
    """A point of the day's programme, in order; times are optional until announced."""

    __tablename__ = "agenda_item"
    __table_args__ = (UniqueConstraint("edition_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    edition_id: int = Field(foreign_key="edition.id", index=True)
    position: int
    title: str = Field(max_length=200)
    description: str = Field(max_length=2000, default="")
    starts_at: time | None = None
    ends_at: time | None = None


class Milestone(SQLModel, table=True):
    """An achievement of the programme between editions, shown on the home page."""

    __tablename__ = "milestone"
    __table_args__ = (UniqueConstraint("edition_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    edition_id: int = Field(foreign_key="edition.id", index=True)
    position: int
    period: str = Field(max_length=80, default="")
    title: str = Field(max_length=200)
    description: str = Field(max_length=2000, default="")


class SiteSetting(SQLModel, table=True):
    """Organiser-editable facts of an edition (e.g. the GDPR clause's controller), key → text."""

    __tablename__ = "site_setting"
    __table_args__ = (UniqueConstraint("edition_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    edition_id: int = Field(foreign_key="edition.id", index=True)
    key: str = Field(max_length=64)
    value: str = Field(max_length=4000, default="")


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
    resolution: str = Field(default="", max_length=20)  # kept | cancelled


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
    status: str = Field(max_length=12)  # confirmed | waiting | cancelled
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


class StaffUser(SQLModel, table=True):
    """An organiser (everything) or a facilitator (moderates one group's board)."""

    __tablename__ = "staff_user"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=60, unique=True, index=True)
    display_name: str = Field(max_length=120)
    password_hash: str = Field(max_length=200)
    role: str = Field(max_length=20)  # organiser | facilitator
    group_number: int | None = None  # the board a facilitator moderates
    is_active: bool = True
    created_at: datetime
    password_changed_at: datetime


class StaffSession(SQLModel, table=True):
    """A login: the browser holds only the random token, the database its hash."""

    __tablename__ = "staff_session"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="staff_user.id", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime
    expires_at: datetime
    ended_at: datetime | None = None


class LoginAttempt(SQLModel, table=True):
    """Failed and successful logins, for throttling per account and per client."""

    __tablename__ = "login_attempt"
    __table_args__ = (
        Index("ix_login_attempt_user_at", "username_key", "at"),
        Index("ix_login_attempt_client_at", "client_key", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    username_key: str = Field(max_length=60)
    client_key: str = Field(max_length=100)
    at: datetime
    success: bool = False


class AuditEntry(SQLModel, table=True):
    """Who did what and when on the organiser side, including refused attempts."""

    __tablename__ = "audit_entry"
    # The log's two lists (actions, refusals) are each read newest first.
    __table_args__ = (Index("ix_audit_entry_outcome_at", "outcome", "at", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    user_id: int | None = Field(default=None, foreign_key="staff_user.id")
    actor: str = Field(max_length=120, default="")
    action: str = Field(max_length=80)
    details: str = Field(max_length=2000, default="")
    outcome: str = Field(max_length=12, default="ok")  # ok | denied


class CheckIn(SQLModel, table=True):
    """A delegate marked present at the door (one row per delegate)."""

    __tablename__ = "check_in"

    id: int | None = Field(default=None, primary_key=True)
    delegate_id: int = Field(foreign_key="delegate.id", unique=True)
    at: datetime
    by_user_id: int | None = Field(default=None, foreign_key="staff_user.id")


class LiveSubscription(SQLModel, table=True):
    """A browser tab that wants pushes on a topic (e.g. the organisers' dashboard).

    Kept in the database, not in process memory, so a change made through any worker reaches
    tabs connected to any other worker (Reflex relays the push over Redis).
    """

    __tablename__ = "live_subscription"
    __table_args__ = (UniqueConstraint("topic", "client_token"),)

    id: int | None = Field(default=None, primary_key=True)
    topic: str = Field(max_length=40, index=True)
    client_token: str = Field(max_length=64)
    created_at: datetime


class ParticipantSession(SQLModel, table=True):
    """A delegate's browser, joined to the boards with their registration code (token stored hashed)."""

    __tablename__ = "participant_session"

    id: int | None = Field(default=None, primary_key=True)
    delegate_id: int = Field(foreign_key="delegate.id", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime
    ended_at: datetime | None = None


class Note(SQLModel, table=True):
    """A note on a group's board: a difficulty, a proposal or a question."""

    __tablename__ = "note"
    __table_args__ = (
        Index("ix_note_board_created", "group_id", "created_at"),
        Index("ix_note_author_created", "delegate_id", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    edition_id: int = Field(foreign_key="edition.id", index=True)
    group_id: int = Field(foreign_key="discussion_group.id")
    delegate_id: int = Field(foreign_key="delegate.id")  # the server always knows who posted
    kind: str = Field(max_length=12)  # trudnosc | propozycja | pytanie
    text: str = Field(max_length=500)
    anonymous: bool = False
    created_at: datetime
    edited_at: datetime | None = None
    deleted_at: datetime | None = None
    hidden: bool = False
    hidden_reason: str = Field(default="", max_length=300)
    hidden_by_reports: bool = False
    pinned: bool = False
    plenary: bool = False
    merged_into_id: int | None = Field(default=None, foreign_key="note.id")
    vote_count: int = 0
    report_count: int = 0


class NoteVote(SQLModel, table=True):
    __tablename__ = "note_vote"
    __table_args__ = (UniqueConstraint("note_id", "delegate_id"),)

    id: int | None = Field(default=None, primary_key=True)
    note_id: int = Field(foreign_key="note.id", index=True)
    delegate_id: int = Field(foreign_key="delegate.id", index=True)
    created_at: datetime


class NoteReport(SQLModel, table=True):
    __tablename__ = "note_report"
    __table_args__ = (UniqueConstraint("note_id", "delegate_id"),)

    id: int | None = Field(default=None, primary_key=True)
    note_id: int = Field(foreign_key="note.id", index=True)
    delegate_id: int = Field(foreign_key="delegate.id")
    created_at: datetime


class Announcement(SQLModel, table=True):
    """A short live message from the organisers, shown on every open page until it expires."""

    __tablename__ = "announcement"

    id: int | None = Field(default=None, primary_key=True)
    edition_id: int = Field(foreign_key="edition.id", index=True)
    text: str = Field(max_length=200)
    created_at: datetime
    expires_at: datetime = Field(index=True)
    withdrawn_at: datetime | None = None
    author_id: int | None = Field(default=None, foreign_key="staff_user.id")


class GrantCompetition(SQLModel, table=True):
    """An open competition of offers (art. 13 of the Act on Public Benefit Activity and Volunteerism)."""

    __tablename__ = "grant_competition"

    id: int | None = Field(default=None, primary_key=True)
    edition_id: int = Field(foreign_key="edition.id", index=True)
    title: str = Field(max_length=200)
    public_task: str = Field(max_length=1000)  # the kind of public task
    funds_pln: int = Field(ge=0)  # funds allocated to the task
    award_rules: str = Field(max_length=3000)  # rules of awarding grants
    execution_terms: str = Field(max_length=3000)  # dates and conditions of carrying out the task
    offer_deadline: datetime
    selection_procedure: str = Field(max_length=3000)  # procedure, criteria and date of choosing offers
    selection_date: date | None = None  # required for new competitions (art. 13 ust. 2 pkt 6)
    # art. 13 ust. 2 pkt 7: public tasks of the same kind this year and last, and their costs
    same_kind_tasks: str = Field(default="", max_length=3000)
    granted_this_year_pln: int | None = Field(default=None, ge=0)  # None: not given ("brak danych"), not 0
    granted_last_year_pln: int | None = Field(default=None, ge=0)
    offers_url: str = Field(max_length=500)  # where offers are filed
    bip_url: str = Field(default="", max_length=500)  # the announcement in the county's BIP (art. 13 ust. 3)
    short_notice_reason: str = Field(default="", max_length=1000)  # legal basis of a deadline under 21 days
    published_at: datetime | None = None
    created_at: datetime


# The crowdfunding showcase's tables live in their own module; importing them here puts them on
# the one metadata that Alembic and Reflex read.
from kongres_app.campaign_models import Campaign, CampaignSnapshot  # noqa: E402, F401
