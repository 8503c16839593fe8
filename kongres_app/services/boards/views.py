"""What a board, the plenary and the groups list show."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, func, select

from kongres_app.db import require_id
from kongres_app.models import Delegate, DelegateStatus, DiscussionGroup, Note, NoteKind, Registration
from kongres_app.services.boards.common import ANONYMOUS, KINDS, WITHDRAWN_AUTHOR, _group
from kongres_app.services.clock import utc_to_local
from kongres_app.services.congress import current_edition, roman

# ----------------------------------------------------------------------------- views


@dataclass
class NoteView:
    id: int = 0
    kind: str = ""
    kind_label: str = ""
    text: str = ""
    author: str = ""
    votes: int = 0
    pinned: bool = False
    plenary: bool = False
    edited: bool = False
    time: str = ""
    created_ts: int = 0
    hidden: bool = False
    hidden_reason: str = ""
    reports: int = 0


@dataclass
class BoardView:
    number: int = 0
    roman: str = ""
    name: str = ""
    description: str = ""
    notes: list[NoteView] = field(default_factory=list)  # newest first, pinned on top
    top: list[NoteView] = field(default_factory=list)  # most supported first, pinned on top

    @property
    def count(self) -> int:
        return len(self.notes)


def _note_view(note: Note, delegate: Delegate, registration: Registration) -> NoteView:
    # The organisation is named only if it agreed to appear on the public list of participants.
    organisation = f" ({registration.org_name})" if registration.consent_publish_name else ""
    if note.anonymous:
        author = ANONYMOUS
    elif delegate.status == DelegateStatus.CANCELLED:  # they withdrew: their name leaves the board and the exports
        author = WITHDRAWN_AUTHOR
    else:
        author = f"{delegate.full_name}{organisation}"
    return NoteView(
        id=note.id or 0,
        kind=note.kind,
        kind_label=KINDS.get(note.kind, note.kind),
        text=note.text,
        author=author,
        votes=note.vote_count,
        pinned=note.pinned,
        plenary=note.plenary,
        edited=note.edited_at is not None,
        time=f"{utc_to_local(note.created_at):%H:%M}",
        created_ts=int(note.created_at.timestamp()),
        hidden=note.hidden,
        hidden_reason=note.hidden_reason,
        reports=note.report_count,
    )


NoteRow = tuple[Note, Delegate, Registration]


def _live_note_rows(session: Session, *conditions: Any) -> list[NoteRow]:
    """Notes not deleted or merged away, with their author and registration, filtered by ``conditions``."""
    query = (
        select(Note, Delegate, Registration)
        .join(Delegate, col(Delegate.id) == col(Note.delegate_id))
        .join(Registration, col(Registration.id) == col(Delegate.registration_id))
        .where(col(Note.deleted_at).is_(None), col(Note.merged_into_id).is_(None), *conditions)
    )
    return list(session.exec(query).all())


def _newest_key(n: NoteView) -> tuple:
    return (not n.pinned, -n.created_ts, -n.id)


def _top_key(n: NoteView) -> tuple:
    return (not n.pinned, -n.votes, -n.created_ts, -n.id)


def _board(group: DiscussionGroup, notes: list[NoteView]) -> BoardView:
    newest = sorted(notes, key=_newest_key)
    top = sorted(notes, key=_top_key)
    return BoardView(group.number, roman(group.number), group.name, group.description, newest, top)


def board_view(session: Session, number: int, *, include_hidden: bool = False) -> BoardView:
    """A board as people may see it: hidden notes are left out unless asked for (moderators)."""
    group = _group(session, number)
    conditions = [Note.group_id == group.id] + ([] if include_hidden else [col(Note.hidden).is_(False)])
    return _board(group, [_note_view(*row) for row in _live_note_rows(session, *conditions)])


def board_views(session: Session, number: int) -> tuple[BoardView, BoardView]:
    """The public board and the moderators' board (hidden notes too), from one query."""
    group = _group(session, number)
    every = [_note_view(*row) for row in _live_note_rows(session, Note.group_id == group.id)]
    return _board(group, [n for n in every if not n.hidden]), _board(group, every)


@dataclass
class PlenaryGroup:
    number: int = 0
    roman: str = ""
    name: str = ""
    marked: list[NoteView] = field(default_factory=list)
    difficulties: list[NoteView] = field(default_factory=list)
    proposals: list[NoteView] = field(default_factory=list)


def plenary_view(session: Session, per_kind: int = 5) -> list[PlenaryGroup]:
    """Each group's findings: notes marked for the plenary first, then its most supported ones (at least one vote).

    One query for every board; only the notes shown are turned into views (this runs on every change).
    """
    edition = current_edition(session)
    if edition is None:
        return []
    groups = session.exec(
        select(DiscussionGroup).where(DiscussionGroup.edition_id == edition.id).order_by(col(DiscussionGroup.number))
    ).all()
    by_group: dict[int, list[NoteRow]] = {}
    for row in _live_note_rows(session, Note.edition_id == edition.id, col(Note.hidden).is_(False)):
        by_group.setdefault(row[0].group_id, []).append(row)
    result = []
    for group in groups:
        rows = sorted(
            by_group.get(require_id(group), []),
            key=lambda r: (not r[0].pinned, -r[0].vote_count, -r[0].created_at.timestamp(), -(r[0].id or 0)),
        )
        # "Most supported" means supported at least once: a note nobody backed is not a finding.
        rest = [r for r in rows if not r[0].plenary and r[0].vote_count > 0]
        difficulties = [r for r in rest if r[0].kind == NoteKind.DIFFICULTY][:per_kind]
        proposals = [r for r in rest if r[0].kind == NoteKind.PROPOSAL][:per_kind]
        result.append(
            PlenaryGroup(
                group.number,
                roman(group.number),
                group.name,
                [_note_view(*r) for r in rows if r[0].plenary],
                [_note_view(*r) for r in difficulties],
                [_note_view(*r) for r in proposals],
            )
        )
    return result


@dataclass
class GroupSummary:
    number: int = 0
    roman: str = ""
    name: str = ""
    description: str = ""
    notes: int = 0
    participants: int = 0


def groups_overview(session: Session) -> list[GroupSummary]:
    edition = current_edition(session)
    if edition is None:
        return []
    groups = session.exec(
        select(DiscussionGroup).where(DiscussionGroup.edition_id == edition.id).order_by(col(DiscussionGroup.number))
    ).all()
    notes = dict(
        session.exec(
            select(Note.group_id, func.count())
            .where(
                Note.edition_id == edition.id,
                col(Note.deleted_at).is_(None),
                col(Note.merged_into_id).is_(None),
                col(Note.hidden).is_(False),
            )
            .group_by(col(Note.group_id))
        ).all()
    )
    people = dict(
        session.exec(
            select(Delegate.group_id, func.count())
            .where(Delegate.edition_id == edition.id, Delegate.status == DelegateStatus.CONFIRMED)
            .group_by(col(Delegate.group_id))
        ).all()
    )
    return [
        GroupSummary(
            g.number, roman(g.number), g.name, g.description, notes.get(require_id(g), 0), people.get(require_id(g), 0)
        )
        for g in groups
    ]
