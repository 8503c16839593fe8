"""Who is calling on the organiser side: an opaque session token in a cookie, checked against the database."""

import reflex as rx

from kongres_app import routes
from kongres_app.db import session_scope
from kongres_app.services.auth import ROLES, SESSION_LIFETIME, Staff, authenticate, logout
from kongres_app.states.events import event

STAFF_COOKIE = "kongres_org"


class StaffState(rx.State):
    # Only this opaque random value lives in the browser; rights are derived on the server per call.
    token: str = rx.Cookie(
        "", name=STAFF_COOKIE, same_site="strict", path="/", max_age=int(SESSION_LIFETIME.total_seconds())
    )
    display_name: str = ""
    role_label: str = ""
    is_organiser: bool = False

    def _staff(self) -> Staff | None:
        with session_scope() as session:
            return authenticate(session, self.token)

    def _show(self, staff: Staff | None) -> None:
        self.display_name = staff.display_name if staff else ""
        self.role_label = ROLES.get(staff.role, "") if staff else ""
        self.is_organiser = bool(staff and staff.is_organiser)

    @event
    def require_organiser(self):
        """on_load guard of organiser pages: to the login page unless an organiser is logged in."""
        staff = self._staff()
        self._show(staff)
        if staff is None or not staff.is_organiser:
            return rx.redirect(routes.STAFF_LOGIN)
        return None

    @event
    def sign_out(self):
        if self.token:
            with session_scope() as session:
                logout(session=session, token=self.token)
        self.token = ""
        self._show(None)
        return rx.redirect(routes.STAFF_LOGIN)


async def current_staff(state: rx.State) -> Staff | None:
    """The logged-in staff member of the tab running ``state``'s event, checked now."""
    staff_state = await state.get_state(StaffState)
    return staff_state._staff()
