"""The four groups' discussion boards: joining with a code, notes, votes, reports, moderation.

Who acts is always an argument the caller derived on the server (a ``Participant`` from the tab's
session token, a ``Staff`` from the organiser session), never something the browser claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, func, select

from kongres_app.db import lock_for_writing, require_id
from kongres_app.models import (
    Delegate,
    DiscussionGroup,
    Note,
    NoteReport,
    NoteVote,
    ParticipantSession,
    Registration,
)
from kongres_app.services.auth import Staff, audit, authenticate, require_moderator
from kongres_app.services.clock import utc_to_local, utcnow
from kongres_app.services.codes import hash_token, new_token, normalise_code
from kongres_app.services.congress import current_edition, roman, site_settings
from kongres_app.services.dictionaries import CANCELLED, CONFIRMED
from kongres_app.services.polish import chars, notes
from kongres_app.services.validation import clean_multiline

KINDS = {"trudnosc": "Trudność", "propozycja": "Propozycja", "pytanie": "Pytanie"}
MAX_TEXT = 500
EDIT_WINDOW = timedelta(minutes=5)
DEFAULT_NOTES_PER_MINUTE = 5
DEFAULT_REPORT_THRESHOLD = 3
ANONYMOUS = "anonimowo"
WITHDRAWN_AUTHOR = "Notatka osoby, która wycofała zgłoszenie"
KEEP_NOTES, REMOVE_NOTES = "zostaw", "usun"  # what a withdrawing person chooses for their notes


class BoardError(Exception):
    def __init__(self, message: str, field: str | None = None, *, unknown_code: bool = False):
        super().__init__(message)
        self.message = message
        self.field = field
        self.unknown_code = unknown_code  # a well-formed join code nobody has: a guess, counted by the throttle


@dataclass(frozen=True)
class Participant:
    delegate_id: int
    full_name: str
    org_name: str
    group_number: int


# ----------------------------------------------------------------------------- joining


def _participant(delegate: Delegate, registration: Registration, group: DiscussionGroup) -> Participant:
    return Participant(delegate.id or 0, delegate.full_name, registration.org_name, group.number)


def _delegate_row(session: Session, *conditions):
    return session.exec(
        select(Delegate, Registration, DiscussionGroup)
        .join(Registration, col(Registration.id) == col(Delegate.registration_id))
        .join(DiscussionGroup, col(DiscussionGroup.id) == col(Delegate.group_id))
        .where(*conditions)
    ).first()


def join(*, session: Session, code: str, now: datetime | None = None) -> tuple[str, Participant]:
    """Exchange a registration code for a board session token (kept by the browser)."""
    normalised = normalise_code(code)
    if normalised is None:
        raise BoardError("To nie jest kod wejścia: kod to 8 liter i cyfr, np. ABCD-2345.", "code")
    edition = current_edition(session)
    row = _delegate_row(session, Delegate.code == normalised, Delegate.edition_id == (edition.id if edition else 0))
    if row is None:
        raise BoardError("Nie znamy tego kodu. Sprawdź go w potwierdzeniu rejestracji.", "code", unknown_code=True)
    delegate, registration, group = row
    if delegate.status != CONFIRMED:
        raise BoardError(
            "Tablice są dla osób z potwierdzonym miejscem; ta osoba jest na liście rezerwowej lub zrezygnowała.", "code"
        )
    token = new_token()
    session.add(ParticipantSession(delegate_id=delegate.id, token_hash=hash_token(token), created_at=now or utcnow()))
    return token, _participant(delegate, registration, group)


def record_join_throttled(session: Session, *, limit: str, address: str, wait_s: int) -> None:
    """One audit entry for a burst of wrong join codes (the caller writes at most one per burst)."""
    label = "adres sieciowy" if limit == "address" else "karta przeglądarki"
    audit(session, None, "board_join_throttled", {"limit": label, "address": address, "wait_s": wait_s}, "denied")


def identify(session: Session, token: str | None) -> Participant | None:
    if not token or len(token) > 100:
        return None
    row = session.exec(
        select(ParticipantSession).where(
            ParticipantSession.token_hash == hash_token(token), col(ParticipantSession.ended_at).is_(None)
        )
    ).first()
    if row is None:
        return None
    edition = current_edition(session)
    found = _delegate_row(
        session,
        Delegate.id == row.delegate_id,
        Delegate.status == CONFIRMED,
        Delegate.edition_id == (edition.id if edition else 0),
    )
    return _participant(*found) if found else None


def leave(*, session: Session, token: str) -> None:
    row = session.exec(select(ParticipantSession).where(ParticipantSession.token_hash == hash_token(token))).first()
    if row and row.ended_at is None:
        row.ended_at = utcnow()
        session.add(row)


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
    elif delegate.status == CANCELLED:  # they withdrew: their name leaves the board and the exports
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
        difficulties = [r for r in rest if r[0].kind == "trudnosc"][:per_kind]
        proposals = [r for r in rest if r[0].kind == "propozycja"][:per_kind]
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
            .where(Delegate.edition_id == edition.id, Delegate.status == CONFIRMED)
            .group_by(col(Delegate.group_id))
        ).all()
    )
    return [
        GroupSummary(
            g.number, roman(g.number), g.name, g.description, notes.get(require_id(g), 0), people.get(require_id(g), 0)
        )
        for g in groups
    ]
