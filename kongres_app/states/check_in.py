"""/organizator/rejestracja-wejsc: a typed or scanned code marks a delegate present."""

import reflex as rx

from kongres_app.db import session_scope
from kongres_app.services import organiser
from kongres_app.services.auth import PermissionDenied
from kongres_app.services.organiser import CheckInResult
from kongres_app.states.events import event
from kongres_app.states.live import LiveState
from kongres_app.states.registration_form import focus
from kongres_app.states.staff import current_staff


class CheckInState(rx.State):
    result: CheckInResult = CheckInResult()
    history: list[CheckInResult] = []  # noqa: RUF012

    @event
    async def submit(self, form_data: dict):
        typed = str(form_data.get("kod", ""))[:40]
        staff = await current_staff(self)
        try:
            with session_scope() as session:
                self.result = organiser.check_in(session, staff, typed)
        except PermissionDenied:
            self.result = CheckInResult("denied", "Brak uprawnień: zaloguj się jako organizator.")
            return focus("pole-kod")
        if self.result.full_name:
            self.history = [self.result, *self.history][:8]
        # The form clears itself; keep focus in the field for the next scan.
        return [focus("pole-kod"), LiveState.registrations_changed]
