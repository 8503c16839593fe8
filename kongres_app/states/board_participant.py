"""The person at a board: their join code and identity, what they type, and what they do to notes (post,
vote, report, edit, delete). Every refusal goes to the board's message box (``boards.tell``).

The board's number is copied here when the board loads (``_board``), so typing, posting and voting touch
only this small state and never load the board's notes; only a message for the box reaches ``BoardState``.
"""

from collections.abc import Callable

import reflex as rx
from sqlmodel import Session

from kongres_app import routes
from kongres_app.db import session_scope
from kongres_app.offload import in_thread
from kongres_app.services import board_limits, boards
from kongres_app.services.boards import BoardError, Participant
from kongres_app.states.actions import attempt
from kongres_app.states.boards import BoardState, as_note_id, publish_change, tell
from kongres_app.states.events import event
from kongres_app.states.ui import focus

TOO_MANY_VOTES = "Za dużo kliknięć naraz. Poczekaj chwilę i spróbuj ponownie."


def _join(code: str) -> tuple[str, Participant]:
    with session_scope() as session:
        return boards.join(session=session, code=code)


def _record_throttled(limit: str, address: str, wait_s: int) -> None:
    with session_scope() as session:
        boards.record_join_throttled(session, limit=limit, address=address, wait_s=wait_s)


def _identify(token: str) -> Participant | None:
    with session_scope() as session:
        return boards.identify(session, token)


class BoardParticipantState(rx.State):
    # Only an opaque random token, exchanged for the registration code once per browser.
    participant_token: str = rx.LocalStorage("", name="kongres_tablica", sync=True)

    me_name: str = ""
    me_org: str = ""
    me_group: int = 0
    my_votes: rx.Field[list[str]] = rx.field(default_factory=list)
    my_notes: rx.Field[list[str]] = rx.field(default_factory=list)
    can_post: bool = False  # on their own group's board; the services check it again on every action

    code: str = ""
    code_error: str = ""
    draft: rx.Field[str] = rx.field("")
    draft_kind: str = "trudnosc"
    draft_anonymous: bool = False
    draft_error: str = ""
    editing_id: str = ""
    edit_text: str = ""
    _board: int = 0  # the board this tab shows (BoardState.number), 0 when none was found

    # ------------------------------------------------------------------ who is here

    def _participant(self) -> Participant | None:
        with session_scope() as session:
            return boards.identify(session, self.participant_token)

    def _show_board(self, number: int, participant: Participant | None) -> None:
        """Called by ``BoardState`` when it shows board ``number`` (0: none)."""
        self._board = number
        self._show_me(participant)

    def _forget_board(self) -> None:
        self._board = 0

    def _show_me(self, participant: Participant | None) -> None:
        self.me_name = participant.full_name if participant else ""
        self.me_org = participant.org_name if participant else ""
        self.me_group = participant.group_number if participant else 0
        self.can_post = self.me_group != 0 and self.me_group == self._board
        if not self._board:
            self.my_votes, self.my_notes = [], []
            return
        with session_scope() as session:
            self.my_votes = [str(i) for i in boards.my_votes(session, participant, self._board)]
            self.my_notes = [str(i) for i in boards.my_notes(session, participant, self._board)]

    async def _act(self, action: Callable[[Session, Participant | None], object], message: str = ""):
        """Run a participant's action on a note; None when it worked (and the board was pushed), else the
        event that shows the refusal."""
        token = self.participant_token
        outcome = await attempt(lambda session: action(session, boards.identify(session, token)))
        if not outcome.ok:
            return await tell(self, outcome.message)
        await publish_change(self._board, message)
        return None

    # ------------------------------------------------------------------ joining

    @event
    def set_code(self, value: str):
        self.code = str(value)[:40]

    @event
    async def join(self, _form_data: dict):
        tab, address = self.router.session.client_token, self.router.session.client_ip
        throttled = await board_limits.join_throttled(tab=tab, address=address)
        if throttled is not None:
            if throttled.audit:
                await in_thread(_record_throttled, throttled.key, address, throttled.wait_s)
            self.code_error = f"Zbyt wiele prób — spróbuj za {throttled.wait_s} s."
            return focus("pole-kod-tablica")
        try:
            token, participant = await in_thread(_join, self.code)
        except BoardError as exc:
            if exc.unknown_code:
                await board_limits.wrong_code(tab=tab, address=address)
            self.code_error = exc.message
            return focus("pole-kod-tablica")
        self.participant_token, self.code, self.code_error = token, "", ""
        self._show_me(participant)
        if self.router.url.path.rstrip("/") == routes.MY_CONGRESS:
            return BoardState.load_mine
        return focus("pole-notatka" if participant.group_number == self._board else "komunikat-tablica")

    @event
    def not_me(self):
        if self.participant_token:
            with session_scope() as session:
                boards.leave(session=session, token=self.participant_token)
        self.participant_token = ""
        self._show_me(None)
        return focus("pole-kod-tablica")

    # ------------------------------------------------------------------ posting

    @event
    def set_draft(self, value: str):
        self.draft = str(value)[:2000]

    @event
    def set_draft_kind(self, value: str):
        if value in boards.KINDS:
            self.draft_kind = value

    @event
    def set_draft_anonymous(self, value: bool):
        self.draft_anonymous = bool(value)

    @event
    async def post(self, _form_data: dict):
        token, board, kind, text, anonymous = (
            self.participant_token,
            self._board,
            self.draft_kind,
            self.draft,
            self.draft_anonymous,
        )

        def post_note(session: Session) -> tuple[str, str, str]:
            participant = boards.identify(session, token)
            note = boards.post_note(
                session=session, participant=participant, board=board, kind=kind, text=text, anonymous=anonymous
            )
            return str(note.id), boards.KINDS[note.kind], note.text

        outcome = await attempt(post_note)
        if outcome.value is None:
            self.draft_error = outcome.message  # the text stays in the field
            return focus("pole-notatka")
        posted_id, label, posted_text = outcome.value
        self.draft, self.draft_error = "", ""
        self.my_notes = [*self.my_notes, posted_id]
        await publish_change(board, f"Nowa notatka ({label}): {posted_text[:120]}")
        return focus("pole-notatka")

    # ------------------------------------------------------------------ voting and reporting

    @event
    async def toggle_vote(self, note_id: str):
        participant = await in_thread(_identify, self.participant_token)
        if participant is not None and not await board_limits.vote_allowed(participant.delegate_id):
            yield await tell(self, TOO_MANY_VOTES)
            return
        voted = as_note_id(note_id)
        outcome = await attempt(
            lambda session: boards.toggle_vote(session=session, participant=participant, note_id=voted)
        )
        if not outcome.ok:
            yield await tell(self, outcome.message)
            return
        key = str(voted)
        self.my_votes = [*[v for v in self.my_votes if v != key], *([key] if outcome.value else [])]
        yield  # the voter sees their vote now; the new count reaches every tab with the push
        await publish_change(self._board)

    @event
    async def report(self, note_id: str):
        reported = as_note_id(note_id)
        refused = await self._act(lambda s, p: boards.report_note(session=s, participant=p, note_id=reported))
        if refused is not None:
            return refused
        return await tell(self, "Dziękujemy, zgłoszenie trafiło do moderatorów.")

    # ------------------------------------------------------------------ own notes

    @event
    def start_edit(self, note_id: str):
        try:
            with session_scope() as session:
                text = boards.own_note_text(session, self._participant(), as_note_id(note_id))
        except (BoardError, ValueError):
            return None
        self.editing_id, self.edit_text = str(note_id), text
        return focus("pole-edycja")

    @event
    def set_edit_text(self, value: str):
        self.edit_text = str(value)[:2000]

    @event
    def stop_edit(self):
        self.editing_id = ""

    @event
    async def save_edit(self, _form_data: dict):
        editing, text = as_note_id(self.editing_id), self.edit_text
        refused = await self._act(lambda s, p: boards.edit_note(session=s, participant=p, note_id=editing, text=text))
        if refused is None:
            self.editing_id = ""
        return refused

    @event
    async def delete(self, note_id: str):
        deleted = as_note_id(note_id)
        refused = await self._act(lambda s, p: boards.delete_note(session=s, participant=p, note_id=deleted))
        self._show_me(self._participant())
        return refused
