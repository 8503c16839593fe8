"""Who is calling on the organiser side: an opaque session token in an HttpOnly cookie, checked against the
database on every call. The server sets the cookie (``api.staff_login``); the browser sends it with the websocket
handshake, so handlers read it from the connection's headers, never from anything a page script could write."""

import reflex as rx

from kongres_app import routes
from kongres_app.db import session_scope
from kongres_app.services.auth import ROLES, Staff, authenticate
from kongres_app.services.staff_http import token_from_cookie_header
from kongres_app.states.events import event


class StaffState(rx.State):
    display_name: str = ""
    role_label: str = ""
    is_organiser: bool = False

    def _session_token(self) -> str:
        return token_from_cookie_header(self.router.headers.cookie)

    def _staff(self) -> Staff | None:
        with session_scope() as session:
            return authenticate(session, self._session_token())

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


async def current_staff(state: rx.State) -> Staff | None:
    """The logged-in staff member of the tab running ``state``'s event, checked now."""
    staff_state = await state.get_state(StaffState)
    return staff_state._staff()
