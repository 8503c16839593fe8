"""/organizator/logowanie: the password never enters a state var, it only rides in the submitted form."""

import reflex as rx

from kongres_app import routes
from kongres_app.db import session_scope
from kongres_app.offload import in_thread
from kongres_app.services.auth import AuthError, login
from kongres_app.states.events import event
from kongres_app.states.registration_form import focus
from kongres_app.states.staff import StaffState


def _check_login(username: str, password: str, client: str) -> str:
    with session_scope() as session:
        return login(session=session, username=username, password=password, client_key=client)[0]


class LoginState(rx.State):
    error: str = ""
    username: str = ""

    @event
    async def submit(self, form_data: dict):
        username = str(form_data.get("username", ""))[:60]
        password = str(form_data.get("password", ""))[:200]
        self.username = username
        if not username or not password:
            self.error = "Podaj login i hasło."
            return focus("blad-logowania")
        client = self.router.session.client_ip or "unknown"
        try:
            token = await in_thread(_check_login, username, password, client)
        except AuthError as exc:
            self.error = exc.message
            return focus("blad-logowania")
        self.error = ""
        staff_state = await self.get_state(StaffState)
        staff_state.token = token
        return rx.redirect(routes.STAFF_HOME)
