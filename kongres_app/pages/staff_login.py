"""/organizator/logowanie."""

import reflex as rx

from kongres_app import routes
from kongres_app.components import forms
from kongres_app.components.layout import page
from kongres_app.states.login import LoginState


def staff_login() -> rx.Component:
    return page(
        rx.heading("Logowanie organizatorów", as_="h1", size="8"),
        rx.text("Dla organizatorów kongresu i moderatorów grup.", as_="p", margin_y="3"),
        rx.box(LoginState.error, id="blad-logowania", tab_index=-1, role="alert", class_name="field-error login-error"),
        forms.live_form(
            rx.box(
                forms.label("Login", "pole-login", True),
                rx.input(id="pole-login", name="username", auto_complete="username", size="3", max_length=60),
                class_name="field",
            ),
            rx.box(
                forms.label("Hasło", "pole-haslo", True),
                rx.input(id="pole-haslo", name="password", type="password", auto_complete="current-password", size="3"),
                class_name="field",
            ),
            forms.submit_button("Zaloguj się", size="3"),
            on_submit=LoginState.submit,
            reset_on_submit=False,
            max_width="28rem",
        ),
        active=routes.STAFF_LOGIN,
    )
