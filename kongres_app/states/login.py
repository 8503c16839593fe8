"""/organizator/logowanie: the form posts to the server (``api.staff_login``), which sets the HttpOnly session
cookie and comes back here with an error code when the login failed. The password never reaches a state."""

import reflex as rx

from kongres_app import routes
from kongres_app.states.events import event
from kongres_app.states.ui import focus

ERRORS = {
    "haslo": "Nieprawidłowy login lub hasło.",
    "puste": "Podaj login i hasło.",
    "blokada": "Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za 15 minut.",
    "dane": "Formularz logowania był niepoprawny. Spróbuj jeszcze raz.",
}


class LoginState(rx.State):
    error: str = ""
    username: str = ""

    @event
    def load(self):
        """Show why the last try failed (the server's redirect says), and keep the login that was typed."""
        query = self.router.url.query_parameters
        self.error = ERRORS.get(str(query.get(routes.LOGIN_ERROR_PARAM, "")), "")
        self.username = str(query.get(routes.LOGIN_NAME_PARAM, ""))[:60]
        return focus("blad-logowania") if self.error else None
