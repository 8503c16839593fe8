"""What participants do with notes: post, edit, delete, vote, report, and what happens to their notes
when they withdraw."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, func, select

from kongres_app.db import lock_for_writing, require_id
from kongres_app.models import (
    Delegate,
    DiscussionGroup,
    Note,
    NoteReport,
    NoteVote,
)
from kongres_app.services.boards.common import (
    DEFAULT_NOTES_PER_MINUTE,
    DEFAULT_REPORT_THRESHOLD,
    EDIT_WINDOW,
    KINDS,
    REMOVE_NOTES,
    BoardError,
    Participant,
    _group,
    _note,
    _require_own_board,
    _setting_int,
    clean_note_text,
)
from kongres_app.services.clock import utcnow
from kongres_app.services.polish import notes

# ----------------------------------------------------------------------------- participants' actions


def post_note(
    *,
    session: Session,
    participant: Participant | None,
    board: int,
    kind: str,
    text: str,
    anonymous: bool,
    now: datetime | None = None,
) -> Note:
    now = now or utcnow()
    participant = _require_own_board(participant, board)
    if kind not in KINDS:
        raise BoardError("Wybierz rodzaj notatki: trudność, propozycja albo pytanie.", "kind")
    cleaned = clean_note_text(text)
    lock_for_writing(session)
    # PostgreSQL: one author's posts run one at a time, so parallel posts cannot pass the limit.
    session.exec(select(Delegate.id).where(Delegate.id == participant.delegate_id).with_for_update()).first()
    limit = _setting_int(session, "notes_per_minute", DEFAULT_NOTES_PER_MINUTE)
    recent = session.exec(
        select(func.count())
        .select_from(Note)
        .where(Note.delegate_id == participant.delegate_id, Note.created_at > now - timedelta(minutes=1))
    ).one()
    if recent >= limit:
        raise BoardError(
            f"Można dodać najwyżej {notes(limit)} na minutę. Poczekaj chwilę — tekst został w polu.", "text"
        )
    group = _group(session, board)
    note = Note(
        edition_id=group.edition_id,
        group_id=require_id(group),
        delegate_id=participant.delegate_id,
        kind=kind,
        text=cleaned,
        anonymous=bool(anonymous),
        created_at=now,
    )
    session.add(note)
    session.flush()
    return note


def _own_recent_note(session: Session, participant: Participant | None, note_id: int, now: datetime) -> Note:
    note, _group_row = _note(session, note_id, for_update=True)
    if participant is None:
        raise BoardError("Aby pisać i głosować, podaj swój kod wejścia.")
    # The author, not the board: someone moved to another group may still take back what they wrote.
    if note.delegate_id != participant.delegate_id:
        raise BoardError("Możesz zmieniać tylko własne notatki.")
    if now - note.created_at > EDIT_WINDOW:
        raise BoardError("Notatkę można poprawić lub usunąć w ciągu 5 minut od dodania.")
    return note


def edit_note(
    *, session: Session, participant: Participant | None, note_id: int, text: str, now: datetime | None = None
) -> Note:
    now = now or utcnow()
    cleaned = clean_note_text(text)
    lock_for_writing(session)
    note = _own_recent_note(session, participant, note_id, now)
    note.text, note.edited_at = cleaned, now
    session.add(note)
    return note


def own_note_text(session: Session, participant: Participant | None, note_id: int) -> str:
    """The text of the caller's own note, to prefill its edit field."""
    note, _group_row = _note(session, note_id)
    if participant is None or note.delegate_id != participant.delegate_id:
        raise BoardError("Możesz zmieniać tylko własne notatki.")
    return note.text


def delete_note(
    *, session: Session, participant: Participant | None, note_id: int, now: datetime | None = None
) -> Note:
    now = now or utcnow()
    lock_for_writing(session)
    note = _own_recent_note(session, participant, note_id, now)
    note.deleted_at = now
    session.add(note)
    return note


def _recount(session: Session, note: Note) -> None:
    note.vote_count = session.exec(select(func.count()).select_from(NoteVote).where(NoteVote.note_id == note.id)).one()
    session.add(note)


def toggle_vote(
    *, session: Session, participant: Participant | None, note_id: int, now: datetime | None = None
) -> bool:
    """Give or take back this delegate's single +1 on a note; returns whether it is now given."""
    lock_for_writing(session)
    note, group = _note(session, note_id, for_update=True)
    participant = _require_own_board(participant, group.number)
    if note.hidden:
        raise BoardError("Ta notatka jest ukryta.")
    vote = session.exec(
        select(NoteVote).where(NoteVote.note_id == note_id, NoteVote.delegate_id == participant.delegate_id)
    ).first()
    if vote:
        session.delete(vote)
    else:
        session.add(NoteVote(note_id=note_id, delegate_id=participant.delegate_id, created_at=now or utcnow()))
    session.flush()
    _recount(session, note)
    return vote is None


def report_note(
    *, session: Session, participant: Participant | None, note_id: int, now: datetime | None = None
) -> bool:
    """Report a note; at the threshold it is hidden pending review. Returns whether it got hidden."""
    if participant is None:
        raise BoardError("Aby zgłosić notatkę, podaj swój kod wejścia.")
    lock_for_writing(session)
    note, group = _note(session, note_id, for_update=True)
    _require_own_board(participant, group.number)
    if note.hidden:
        raise BoardError("Ta notatka jest już ukryta i czeka na moderatora.")
    exists = session.exec(
        select(NoteReport.id).where(NoteReport.note_id == note_id, NoteReport.delegate_id == participant.delegate_id)
    ).first()
    if exists:
        raise BoardError("Ta notatka jest już przez Ciebie zgłoszona.")
    session.add(NoteReport(note_id=note_id, delegate_id=participant.delegate_id, created_at=now or utcnow()))
    session.flush()
    # Organisations count, not people: three delegates of one organisation are one voice.
    note.report_count = session.exec(
        select(func.count(func.distinct(Delegate.registration_id)))
        .select_from(NoteReport)
        .join(Delegate, col(Delegate.id) == col(NoteReport.delegate_id))
        .where(NoteReport.note_id == note_id)
    ).one()
    threshold = _setting_int(session, "report_threshold", DEFAULT_REPORT_THRESHOLD)
    newly_hidden = not note.hidden and note.report_count >= threshold
    if newly_hidden:
        note.hidden, note.hidden_by_reports = True, True
        note.hidden_reason = "Ukryta po zgłoszeniach uczestników; czeka na decyzję moderatora."
    session.add(note)
    return newly_hidden


def withdraw_notes(*, session: Session, delegate_ids: list[int], choice: str, now: datetime | None = None) -> list[int]:
    """What happens to the notes of people who withdrew: kept without their name, or removed.

    Called where a withdrawal is confirmed, with the withdrawing side's answer; a kept note then shows
    ``WITHDRAWN_AUTHOR`` instead of the name (see ``_note_view``). Returns the boards that changed."""
    if not delegate_ids:
        return []
    rows = session.exec(
        select(Note, DiscussionGroup)
        .join(DiscussionGroup, col(DiscussionGroup.id) == col(Note.group_id))
        .where(col(Note.delegate_id).in_(delegate_ids), col(Note.deleted_at).is_(None))
    ).all()
    if choice == REMOVE_NOTES:
        for note, _group_row in rows:
            note.deleted_at = now or utcnow()
            session.add(note)
    return sorted({group.number for _note_row, group in rows})


def my_votes(session: Session, participant: Participant | None, board: int) -> list[int]:
    if participant is None:
        return []
    group = _group(session, board)
    return list(
        session.exec(
            select(NoteVote.note_id)
            .join(Note, col(Note.id) == col(NoteVote.note_id))
            .where(NoteVote.delegate_id == participant.delegate_id, Note.group_id == group.id)
        ).all()
    )


def my_notes(session: Session, participant: Participant | None, board: int) -> list[int]:
    if participant is None:
        return []
    group = _group(session, board)
    ids = session.exec(
        select(Note.id).where(
            Note.delegate_id == participant.delegate_id, Note.group_id == group.id, col(Note.deleted_at).is_(None)
        )
    ).all()
    return [note_id for note_id in ids if note_id is not None]  # stored rows always have one
