"""Database tables (SQLModel), one module per domain; every table is imported here so that
``from kongres_app.models import X`` works and Alembic and Reflex see them all on the one metadata.

Datetimes are aware UTC; dates and agenda times are local. Statuses and kinds are ``StrEnum``s next to
their tables: their values are what the tables store, and they compare equal to those strings.
"""

from kongres_app.models.boards import Note, NoteKind, NoteReport, NoteVote, ParticipantSession
from kongres_app.models.campaigns import Campaign, CampaignSnapshot, CampaignStatus, SnapshotSource
from kongres_app.models.congress import AgendaItem, DiscussionGroup, Edition, Milestone, SiteSetting
from kongres_app.models.grants import GrantCompetition
from kongres_app.models.live import Announcement, LiveSubscription
from kongres_app.models.registration import (
    CheckIn,
    Delegate,
    DelegateStatus,
    KrsConflict,
    KrsResolution,
    ManageToken,
    Registration,
)
from kongres_app.models.staff import AuditEntry, AuditOutcome, LoginAttempt, StaffRole, StaffSession, StaffUser

__all__ = [
    "AgendaItem",
    "Announcement",
    "AuditEntry",
    "AuditOutcome",
    "Campaign",
    "CampaignSnapshot",
    "CampaignStatus",
    "CheckIn",
    "Delegate",
    "DelegateStatus",
    "DiscussionGroup",
    "Edition",
    "GrantCompetition",
    "KrsConflict",
    "KrsResolution",
    "LiveSubscription",
    "LoginAttempt",
    "ManageToken",
    "Milestone",
    "Note",
    "NoteKind",
    "NoteReport",
    "NoteVote",
    "ParticipantSession",
    "Registration",
    "SiteSetting",
    "SnapshotSource",
    "StaffRole",
    "StaffSession",
    "StaffUser",
]
