"""The group boards: delegates' board sessions, notes, votes and reports."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field, SQLModel, UniqueConstraint


class NoteKind(StrEnum):
    """What a note on a board is; the values are what the table stores (and the forms send)."""

    DIFFICULTY = "trudnosc"
    PROPOSAL = "propozycja"
    QUESTION = "pytanie"


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
    kind: str = Field(max_length=12)  # a NoteKind
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
