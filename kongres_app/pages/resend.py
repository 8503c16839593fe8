"""/rejestracja/nie-mam-linku: ask for the management link again."""

import reflex as rx

from kongres_app import routes
from kongres_app.components import forms
from kongres_app.components.layout import page
from kongres_app.states.resend import ResendState


def resend() -> rx.Component:
    return page(
        rx.heading("Nie mam linku do rejestracji", as_="h1", size="8"),
        rx.text(
            "Podaj adres e-mail osoby do kontaktu, który wpisano przy rejestracji organizacji. "
            "Wyślemy na niego nowy osobisty link; wcześniejsze linki nadal działają.",
            as_="p",
            margin_y="3",
        ),
        forms.live_form(
            forms.text_input(
                "pole-resend-email",
                ResendState.email,
                ResendState.set_email,
                ResendState.email_error,
                label_text="Adres e-mail",
                required=True,
                input_type="email",
                autocomplete="email",
            ),
            forms.submit_button("Wyślij link", size="3"),
            on_submit=ResendState.submit,
            reset_on_submit=False,
            no_validate=True,
            max_width="32rem",
        ),
        rx.box(ResendState.message, id="komunikat-link", tab_index=-1, role="status", class_name="notice"),
        rx.link(
            "← Wróć do rejestracji",
            href=routes.REGISTRATION,
            underline="always",
            margin_top="4",
            display="inline-block",
        ),
        active=routes.REGISTRATION,
    )
