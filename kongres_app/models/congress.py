"""Congress editions, their thematic groups, programme, milestones and organiser-editable facts."""

from __future__ import annotations

from datetime import date, datetime, time

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
