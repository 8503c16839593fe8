"""/grupy and /plenarna (with its projector view): what every board adds up to, pushed live whenever a
note changes anywhere (``GROUPS_PUSH``, ``PLENARY_PUSH``)."""

from dataclasses import dataclass, field

import reflex as rx
from sqlmodel import Session

from kongres_app.db import session_scope
from kongres_app.first_screen import Section, Values
from kongres_app.live import rooms
from kongres_app.services import boards
from kongres_app.services.boards import GroupSummary, NoteView, PlenaryGroup
from kongres_app.states.events import event

# In the first HTML as of the app's start (``first_screen``); the load and the live pushes keep them current.
GROUPS = Section("groups", lambda session: {"groups": boards.groups_overview(session)})
PLENARY = Section("plenary", lambda session: {"groups": boards.plenary_view(session), "loaded": True})

FIRST_NOTES = 30  # a board's first screen: its newest and its most supported notes, whatever its size


@dataclass
class BoardFirstScreen:
    """One board (``/grupy/<n>``) as of the app's start, read-only, for its page's first HTML."""

    number: int = 0
    roman: str = ""
    name: str = ""
    description: str = ""
    notes_by_id: dict[str, NoteView] = field(default_factory=dict)
    newest_ids: list[str] = field(default_factory=list)
    top_ids: list[str] = field(default_factory=list)


def _board_first_screens(session: Session) -> Values:
    screens: Values = {}
    for group in boards.groups_overview(session):
        view = boards.board_view(session, group.number)  # the public board: no hidden notes
        newest, top = view.notes[:FIRST_NOTES], view.top[:FIRST_NOTES]
        screens[str(view.number)] = BoardFirstScreen(
            view.number,
            view.roman,
            view.name,
            view.description,
            {str(n.id): n for n in [*newest, *top]},
            [str(n.id) for n in newest],
            [str(n.id) for n in top],
        )
    return screens


BOARDS = Section("boards", _board_first_screens)


def board_first_screens() -> list[BoardFirstScreen]:
    """The boards the snapshot holds: each gets its own prerendered route (dynamic routes are not)."""
    found = (BOARDS.get(key, BoardFirstScreen) for key in BOARDS.names())
    return [screen for screen in found if screen is not None and screen.number > 0]


class GroupsState(rx.State):
    groups: list[GroupSummary] = GROUPS.initial("groups", list[GroupSummary], [])

    @event
    async def load(self):
        with session_scope() as session:
            GROUPS.load_into(self, session)
        await rooms.enter(self.router.session.session_id, rooms.GROUPS_ROOM)


class PlenaryState(rx.State):
    groups: list[PlenaryGroup] = PLENARY.initial("groups", list[PlenaryGroup], [])
    loaded: bool = PLENARY.initial("loaded", bool, False)
    paused: bool = False
    frozen: list[PlenaryGroup] = []  # noqa: RUF012

    @event
    async def load(self):
        with session_scope() as session:
            PLENARY.load_into(self, session)
        self.paused = False
        await rooms.enter(self.router.session.session_id, rooms.PLENARY_ROOM)

    @event
    def toggle_pause(self):
        if not self.paused:
            with session_scope() as session:
                self.frozen = boards.plenary_view(session)
        self.paused = not self.paused


# What a change of any board pushes into every tab of /grupy and of /plenarna.
GROUPS_PUSH = rooms.Pushed(GroupsState, ("groups",))
PLENARY_PUSH = rooms.Pushed(PlenaryState, ("groups",))
