"""Live pushes: tabs subscribed to a topic, and the organisers' short announcements."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel, UniqueConstraint


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
