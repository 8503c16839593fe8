"""A board for its moderators: every note, hidden ones with their reasons, and the tools to hide, restore,
pin, mark for the plenary and merge. Who may moderate is checked on the server on every action.

Its notes are the moderators' push (``MODERATION_PUSH``), sent only to the moderators' room of the board;
everyone else's copy stays empty.
"""

from collections.abc import Callable

import reflex as rx
from sqlmodel import Session

from kongres_app.live import rooms
from kongres_app.services import boards
from kongres_app.services.auth import Staff
from kongres_app.services.boards import BoardView, NoteView
from kongres_app.services.staff_http import token_from_cookie_header
from kongres_app.states.actions import attempt
from kongres_app.states.boards import BoardState, as_note_id, publish_change, tell
from kongres_app.states.events import event
from kongres_app.states.staff import current_staff
from kongres_app.states.ui import focus

NO_RIGHTS = "Brak uprawnień do moderowania tej tablicy."
FLAG_LABELS = {
    "pinned": ("Przypięto.", "Odpięto."),
    "plenary": ("Oznaczono na sesję plenarną.", "Zdjęto z sesji plenarnej."),
}


class BoardModerationState(rx.State):
    is_moderator: bool = False
    notes_by_id: dict[str, NoteView] = {}  # noqa: RUF012
    newest_ids: list[str] = []  # noqa: RUF012
    top_ids: list[str] = []  # noqa: RUF012

    hiding_id: str = ""
    hide_reason: str = ""
    merging_id: str = ""
    merge_target: str = ""

    async def _show_board(self, number: int, moderated: BoardView) -> str | None:
        """Called by ``BoardState`` when it shows board ``number``: the moderators' notes for a moderator
        (returns their session token, for the moderators' room), nothing for anyone else."""
        staff = await current_staff(self)
        self.is_moderator = bool(staff and staff.may_moderate(number))
        for key, value in rooms.board_vars(moderated if self.is_moderator else BoardView()).items():
            setattr(self, key, value)
        return token_from_cookie_header(self.router.headers.cookie) if self.is_moderator else None

    async def _moderate(self, action: Callable[[Session, Staff | None], object], success: str):
        staff = await current_staff(self)
        outcome = await attempt(lambda session: action(session, staff), denied=NO_RIGHTS)
        if outcome.ok:
            self.hiding_id = self.merging_id = ""
            board = await self.get_state(BoardState)
            await publish_change(board.number)
        return await tell(self, outcome.message or success)

    @event
    def ask_hide(self, note_id: str):
        self.hiding_id, self.hide_reason = str(note_id), ""
        return focus("pole-powod")

    @event
    def set_hide_reason(self, value: str):
        self.hide_reason = str(value)[:300]

    @event
    def cancel_moderation(self):
        self.hiding_id = self.merging_id = ""

    @event
    async def hide(self, _form_data: dict):
        hidden, reason = as_note_id(self.hiding_id), self.hide_reason
        return await self._moderate(
            lambda s, a: boards.hide_note(session=s, actor=a, note_id=hidden, reason=reason), "Notatka ukryta."
        )

    @event
    async def unhide(self, note_id: str):
        shown = as_note_id(note_id)
        return await self._moderate(
            lambda s, a: boards.unhide_note(session=s, actor=a, note_id=shown), "Notatka znów jest widoczna."
        )

    @event
    async def set_flag(self, note_id: str, flag: str, value: bool):
        if flag not in FLAG_LABELS:
            return None
        flagged, on = as_note_id(note_id), bool(value)
        return await self._moderate(
            lambda s, a: boards.set_flag(session=s, actor=a, note_id=flagged, flag=flag, value=on),
            FLAG_LABELS[flag][0 if on else 1],
        )

    @event
    def ask_merge(self, note_id: str):
        self.merging_id, self.merge_target = str(note_id), ""
        return focus("pole-polacz")

    @event
    def set_merge_target(self, value: str):
        self.merge_target = str(value)[:12]

    @event
    async def merge(self, _form_data: dict):
        source, target = as_note_id(self.merging_id), as_note_id(self.merge_target)
        return await self._moderate(
            lambda s, a: boards.merge_notes(session=s, actor=a, source_id=source, target_id=target),
            "Połączono notatki; głosy zsumowano.",
        )


# What a moderators' push writes into the tabs of a board's moderators (``rooms.publish``), and what is
# emptied in a tab whose staff session no longer allows moderating (``rooms.drop_revoked_moderators``).
MODERATION_PUSH = rooms.Pushed(BoardModerationState, (*rooms.BOARD_VARS, "is_moderator"))
