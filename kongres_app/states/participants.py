"""The public list of organisations that agreed to be listed."""

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.first_screen import Section
from kongres_app.services.registration_views import GminaOrganisations, public_participants
from kongres_app.states.events import event

# Only the organisations that agreed to be listed: the same list the page shows everyone.
PARTICIPANTS = Section("participants", lambda session: {"gminas": public_participants(session), "loaded": True})


class ParticipantsState(rx.State):
    gminas: list[GminaOrganisations] = PARTICIPANTS.initial("gminas", list[GminaOrganisations], [])
    loaded: bool = PARTICIPANTS.initial("loaded", bool, False)

    @event
    def load(self):
        with session_scope() as session:
            PARTICIPANTS.load_into(self, session)

    @rx.var
    def total(self) -> int:
        return sum(len(g.organisations) for g in self.gminas)
