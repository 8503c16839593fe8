"""/grupy/<n>, its projector view and /moj-kongres: the board itself (its notes, order, filter, pause).

The board is split by who uses it, each state directly under ``rx.State`` (a flat tree):
``BoardState`` here (what everyone sees), ``BoardParticipantState`` (the person who joined with a code:
identity, drafts, votes) and ``BoardModerationState`` (the moderators' view and tools). With a flat tree an
event loads only its own state: a keystroke in a draft or a vote never loads or stores the board's notes,
which a substate of ``BoardState`` would (Reflex loads a substate's parents with it).

The notes (``notes_by_id``, ``newest_ids``, ``top_ids``) are set by ``load`` from the database and
afterwards only by the live pushes (``rooms.publish``, declared in ``BOARD_PUSH`` below); handlers write
the database and publish, never these vars, so no tab ever sends another a stale copy. What a person is
typing lives in their own tab's vars and is never touched by a push.
"""

import reflex as rx
from reflex.event import EventSpec

from kongres_app.db import session_scope
from kongres_app.live import rooms
from kongres_app.services import boards, live
from kongres_app.services.boards import BoardError, NoteView
from kongres_app.services.ids import parse_id
from kongres_app.states.events import event
from kongres_app.states.ui import focus

KIND_FILTERS = ("", "trudnosc", "propozycja", "pytanie")
NOTICE_ID = "komunikat-tablica"


def as_note_id(value: object) -> int:
    """A note id from the client, or 0 (which no note has: the service then says it is gone)."""
    return parse_id(value) or 0


def board_number_from_path(path: str) -> int:
    parts = [p for p in path.split("/") if p]
    number = parse_id(parts[1]) if len(parts) >= 2 and parts[0] == "grupy" else None
    return number or 0


class BoardState(rx.State):
    number: rx.Field[int] = rx.field(0)
    roman: str = ""
    name: str = ""
    description: str = ""
    found: bool = False
    loaded: bool = False

    notes_by_id: rx.Field[dict[str, NoteView]] = rx.field(default_factory=dict)
    newest_ids: rx.Field[list[str]] = rx.field(default_factory=list)
    top_ids: list[str] = []  # noqa: RUF012
    live_message: str = ""
    # The board's one message box (NOTICE_ID): the participant's and the moderators' handlers write it too.
    notice: str = ""

    sort: str = "newest"
    kind_filter: str = ""
    paused: bool = False
    frozen_by_id: dict[str, NoteView] = {}  # noqa: RUF012
    frozen_ids: list[str] = []  # noqa: RUF012
    _rooms: list[str] = []  # noqa: RUF012

    # ------------------------------------------------------------------ loading

    @event
    async def load(self):
        await self._load_board(board_number_from_path(self.router.url.path))

    @event
    async def load_mine(self):
        """/moj-kongres: the board of the delegate's own group, live, for their notes and votes."""
        from kongres_app.states.board_participant import BoardParticipantState  # it imports this module

        me = await self.get_state(BoardParticipantState)
        participant = me._participant()
        if participant is None:
            me._show_board(0, None)
            self.found, self.loaded = False, True
            return
        await self._load_board(participant.group_number)

    async def _load_board(self, number: int):
        # The participant's and the moderators' states import this module.
        from kongres_app.states.board_moderation import BoardModerationState
        from kongres_app.states.board_participant import BoardParticipantState

        me = await self.get_state(BoardParticipantState)
        moderation = await self.get_state(BoardModerationState)
        self.paused, self.notice = False, ""
        me.editing_id = moderation.hiding_id = moderation.merging_id = ""
        try:
            with session_scope() as session:
                view, moderated = boards.board_views(session, number)  # one query for both
        except BoardError:
            self.found, self.loaded = False, True
            me._forget_board()
            return
        # Leave the rooms of a board this tab showed before (client-side navigation keeps the socket).
        session_id = self.router.session.session_id
        await rooms.leave(session_id, *self._rooms)
        self._rooms = []
        self.number, self.roman, self.name, self.description = view.number, view.roman, view.name, view.description
        for key, value in rooms.board_vars(view).items():
            setattr(self, key, value)
        self.found, self.loaded = True, True
        me._show_board(number, me._participant())
        staff_token = await moderation._show_board(number, moderated)  # emptied for anyone not moderating it
        joined = [rooms.board_room(number)]
        await rooms.enter(session_id, *joined)
        if staff_token is not None:
            await rooms.enter_as_moderator(session_id, staff_token, number)
            joined.append(rooms.moderator_room(number))
        self._rooms = joined

    # ------------------------------------------------------------------ reading

    @event
    def set_sort(self, value: str):
        self.sort = "top" if value == "top" else "newest"

    @event
    def set_kind_filter(self, value: str):
        self.kind_filter = value if value in KIND_FILTERS else ""

    @event
    def toggle_pause(self):
        """Projector: freeze what the screen shows (WCAG 2.2.2); live updates resume on release."""
        if not self.paused:
            with session_scope() as session:
                view = boards.board_view(session, self.number)
            self.frozen_by_id = {str(n.id): n for n in view.notes}
            self.frozen_ids = [str(n.id) for n in (view.top if self.sort == "top" else view.notes)]
        self.paused = not self.paused


# What a board push writes into every tab showing the board (``rooms.publish``).
BOARD_PUSH = rooms.Pushed(BoardState, (*rooms.BOARD_VARS, "live_message"))


async def tell(state: rx.State, message: str) -> EventSpec:
    """Show ``message`` in the board's message box and move focus there; for any of the board's states."""
    board = await state.get_state(BoardState)
    board.notice = message
    return focus(NOTICE_ID)


async def publish_change(number: int, message: str = "") -> None:
    """After a change of board ``number``: push it to every tab showing it (``message`` for screen readers)."""
    rooms.publish_soon(number, message)
    # The organisers' dashboard counts notes per board: refresh it, coalesced with other changes.
    from kongres_app.live.push import push_soon
    from kongres_app.states.dashboard import DashboardState

    push_soon(live.REGISTRATIONS, DashboardState)
