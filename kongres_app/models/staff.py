"""Organisers and facilitators: accounts, logins, throttling and the audit log."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class StaffRole(StrEnum):
    ORGANISER = "organiser"  # everything
    FACILITATOR = "facilitator"  # moderates one group's board


class AuditOutcome(StrEnum):
    OK = "ok"
    DENIED = "denied"  # a refused attempt


class StaffUser(SQLModel, table=True):
    """An organiser (everything) or a facilitator (moderates one group's board)."""

    __tablename__ = "staff_user"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=60, unique=True, index=True)
    display_name: str = Field(max_length=120)
    password_hash: str = Field(max_length=200)
    role: str = Field(max_length=20)  # a StaffRole
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
    outcome: str = Field(max_length=12, default=AuditOutcome.OK.value)  # an AuditOutcome
