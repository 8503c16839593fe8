"""The public list of organisations that agreed to be listed."""

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.services.registration_views import GminaOrganisations, public_participants
from kongres_app.states.events import event


class ParticipantsState(rx.State):
    gminas: list[GminaOrganisations] = []  # noqa: RUF012
    loaded: bool = False

    @event
    def load(self):
        with session_scope() as session:
            self.gminas = public_participants(session)
        self.loaded = True

    @rx.var
    def total(self) -> int:
        return sum(len(g.organisations) for g in self.gminas)
