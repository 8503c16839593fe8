"""The current edition as the public pages show it."""

import reflex as rx
from sqlmodel import Session

from kongres_app.db import session_scope
from kongres_app.first_screen import Section, Values
from kongres_app.services.congress import EditionView, edition_view, typeset_view
from kongres_app.states.events import event


def congress_values(session: Session) -> Values:
    view = edition_view(session)
    return {"edition": typeset_view(view) if view else EditionView(), "missing": view is None, "loaded": True}


CONGRESS = Section("congress", congress_values)


class CongressState(rx.State):
    # As of the app's start in the first HTML (``first_screen``); ``load`` brings them up to date.
    edition: EditionView = CONGRESS.initial("edition", EditionView, EditionView())
    loaded: bool = CONGRESS.initial("loaded", bool, False)
    missing: bool = CONGRESS.initial("missing", bool, False)

    @event
    def load(self):
        with session_scope() as session:
            CONGRESS.load_into(self, session)

    @rx.var
    def registration_open(self) -> bool:
        return self.edition.registration_status == "open"

    @rx.var
    def has_untimed_agenda(self) -> bool:
        return any(not item.time_label for item in self.edition.agenda)
