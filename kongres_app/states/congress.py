"""The current edition as the public pages show it."""

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.services.congress import EditionView, edition_view, typeset_view
from kongres_app.states.events import event


class CongressState(rx.State):
    edition: EditionView = EditionView()
    loaded: bool = False
    missing: bool = False

    @event
    def load(self):
        with session_scope() as session:
            view = edition_view(session)
        self.missing = view is None
        self.edition = typeset_view(view) if view else EditionView()
        self.loaded = True

    @rx.var
    def registration_open(self) -> bool:
        return self.edition.registration_status == "open"

    @rx.var
    def has_untimed_agenda(self) -> bool:
        return any(not item.time_label for item in self.edition.agenda)
