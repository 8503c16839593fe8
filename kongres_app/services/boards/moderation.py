"""What facilitators and organisers do: hide, unhide, flag for the plenary, merge duplicates."""

from __future__ import annotations

from sqlmodel import Session, select

from kongres_app.db import lock_for_writing
from kongres_app.models import (
    DiscussionGroup,
    Note,
    NoteVote,
)
from kongres_app.services.auth import Staff, audit, authenticate, require_moderator
from kongres_app.services.boards.common import BoardError
from kongres_app.services.boards.notes import _recount

# ----------------------------------------------------------------------------- moderation


def still_moderates(session: Session, staff_token: str, number: int) -> bool:
    """Whether the staff session behind ``staff_token`` is live and may moderate board ``number`` now."""
    staff = authenticate(session, staff_token)
    return staff is not None and staff.may_moderate(number)


def _moderated_note(session: Session, actor: Staff | None, note_id: int, action: str) -> Note:
    # Check the right first, in a separate read, so a refused call never takes the write lock.
    with Session(session.get_bind()) as probe:
        note = probe.get(Note, note_id)
        group = probe.get(DiscussionGroup, note.group_id) if note else None
        number = group.number if group else 0
    require_moderator(session, actor, number, action, f"note={note_id}")
    lock_for_writing(session)
    note = session.exec(select(Note).where(Note.id == note_id).with_for_update()).first()
    if note is None or note.deleted_at is not None:
        raise BoardError("Tej notatki już nie ma.")
    return note


def hide_note(*, session: Session, actor: Staff | None, note_id: int, reason: str) -> Note:
    reason = " ".join(reason.split())[:300]
    if len(reason) < 3:
        raise BoardError("Podaj powód ukrycia (zobaczą go moderatorzy).", "reason")
    note = _moderated_note(session, actor, note_id, "hide_note")
    note.hidden, note.hidden_reason, note.hidden_by_reports = True, reason, False
    session.add(note)
    audit(session, actor, "hide_note", {"note": note_id, "reason": reason})
    return note


def unhide_note(*, session: Session, actor: Staff | None, note_id: int) -> Note:
    note = _moderated_note(session, actor, note_id, "unhide_note")
    note.hidden, note.hidden_reason, note.hidden_by_reports = False, "", False
    session.add(note)
    audit(session, actor, "unhide_note", {"note": note_id})
    return note


def set_flag(*, session: Session, actor: Staff | None, note_id: int, flag: str, value: bool) -> Note:
    if flag not in ("pinned", "plenary"):
        raise BoardError("Nieznana operacja.")
    note = _moderated_note(session, actor, note_id, f"set_{flag}")
    setattr(note, flag, bool(value))
    session.add(note)
    audit(session, actor, f"set_{flag}", {"note": note_id, "value": bool(value)})
    return note


def merge_notes(*, session: Session, actor: Staff | None, source_id: int, target_id: int) -> Note:
    """Merge a duplicate into another note of the same board: votes add up, a delegate counts once."""
    if source_id == target_id:
        raise BoardError("Wybierz inną notatkę do połączenia.")
    source = _moderated_note(session, actor, source_id, "merge_notes")
    target = session.get(Note, target_id)
    if target is None or target.deleted_at is not None or target.merged_into_id is not None:
        raise BoardError("Nie ma notatki, z którą można połączyć.")
    if target.group_id != source.group_id:
        raise BoardError("Łączyć można tylko notatki z tej samej tablicy.")
    target_voters = set(session.exec(select(NoteVote.delegate_id).where(NoteVote.note_id == target_id)).all())
    for vote in session.exec(select(NoteVote).where(NoteVote.note_id == source_id)).all():
        if vote.delegate_id in target_voters:
            session.delete(vote)
        else:
            vote.note_id = target_id
            session.add(vote)
    source.merged_into_id = target_id
    target.plenary = target.plenary or source.plenary
    target.pinned = target.pinned or source.pinned
    session.add(source)
    session.flush()
    _recount(session, target)
    _recount(session, source)
    audit(session, actor, "merge_notes", {"source": source_id, "target": target_id})
    return target
