"""What every part of the boards shares: note kinds, limits, the board error, who a participant is,
and small lookups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from kongres_app.models import DiscussionGroup, Note, NoteKind
from kongres_app.services.congress import current_edition, roman, site_settings
from kongres_app.services.errors import UserError
from kongres_app.services.polish import chars
from kongres_app.services.validators import clean_multiline

KINDS: dict[str, str] = {NoteKind.DIFFICULTY: "Trudność", NoteKind.PROPOSAL: "Propozycja", NoteKind.QUESTION: "Pytanie"}
MAX_TEXT = 500
EDIT_WINDOW = timedelta(minutes=5)
DEFAULT_NOTES_PER_MINUTE = 5
DEFAULT_REPORT_THRESHOLD = 3
ANONYMOUS = "anonimowo"
WITHDRAWN_AUTHOR = "Notatka osoby, która wycofała zgłoszenie"
KEEP_NOTES, REMOVE_NOTES = "zostaw", "usun"  # what a withdrawing person chooses for their notes


class BoardError(UserError):
    """A board action refused."""

    def __init__(self, message: str, field: str | None = None, *, unknown_code: bool = False):
        super().__init__(message, field)
        self.unknown_code = unknown_code  # a well-formed join code nobody has: a guess, counted by the throttle


@dataclass(frozen=True)
class Participant:
    delegate_id: int
    full_name: str
    org_name: str
    group_number: int


# ----------------------------------------------------------------------------- helpers


def _setting_int(session: Session, key: str, default: int) -> int:
    value = site_settings(session).get(key, "")
    return int(value) if value.strip().isdigit() and int(value) > 0 else default


def _group(session: Session, number: int) -> DiscussionGroup:
    edition = current_edition(session)
    group = (
        session.exec(
            select(DiscussionGroup).where(DiscussionGroup.edition_id == edition.id, DiscussionGroup.number == number)
        ).first()
        if edition
        else None
    )
    if group is None:
        raise BoardError("Nie ma takiej grupy.")
    return group


def _note(session: Session, note_id: int, *, for_update: bool = False) -> tuple[Note, DiscussionGroup]:
    query = select(Note).where(Note.id == note_id)
    # PostgreSQL: lock the row so concurrent votes and reports on one note never lose an update.
    note = session.exec(query.with_for_update() if for_update else query).first()
    if note is None or note.deleted_at is not None or note.merged_into_id is not None:
        raise BoardError("Tej notatki już nie ma.")
    group = session.get(DiscussionGroup, note.group_id)
    if group is None:  # not while the foreign key holds
        raise BoardError("Tej notatki już nie ma.")
    return note, group


def _require_own_board(participant: Participant | None, number: int) -> Participant:
    if participant is None:
        raise BoardError("Aby pisać i głosować, podaj swój kod wejścia.")
    if participant.group_number != number:
        raise BoardError(
            f"Piszesz i głosujesz na tablicy swojej grupy (Grupa {roman(participant.group_number)}); tę możesz czytać."
        )
    return participant


def clean_note_text(text: str) -> str:
    cleaned = clean_multiline(text)
    if not cleaned:
        raise BoardError("Wpisz treść notatki.", "text")
    if len(cleaned) > MAX_TEXT:
        raise BoardError(f"Notatka może mieć najwyżej {chars(MAX_TEXT)} (teraz: {len(cleaned)}).", "text")
    return cleaned
