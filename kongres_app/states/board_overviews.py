"""/grupy and /plenarna (with its projector view): what every board adds up to, pushed live whenever a
note changes anywhere (``GROUPS_PUSH``, ``PLENARY_PUSH``)."""

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.first_screen import Section
from kongres_app.live import rooms
from kongres_app.services import boards
from kongres_app.services.boards import GroupSummary, PlenaryGroup
from kongres_app.states.events import event

# In the first HTML as of the app's start (``first_screen``); the load and the live pushes keep them current.
GROUPS = Section("groups", lambda session: {"groups": boards.groups_overview(session)})
PLENARY = Section("plenary", lambda session: {"groups": boards.plenary_view(session), "loaded": True})


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
