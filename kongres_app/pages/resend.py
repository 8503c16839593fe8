"""/rejestracja/nie-mam-linku: a new management link by mail, or, with mail off, from the organisers."""

import reflex as rx

from kongres_app import routes
from kongres_app.components import forms
from kongres_app.components.layout import loading, page
from kongres_app.states.link_delivery import LinkDeliveryState
from kongres_app.states.resend import ResendState

DELIVERY = LinkDeliveryState.delivery


def mail_form() -> rx.Component:
    return rx.fragment(
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
    )


def ask_the_organisers() -> rx.Component:
    """Mail is off: no form that would do nothing, but who can help and how to reach them."""
    return rx.box(
        rx.heading("Kontakt z organizatorami", as_="h2", size="5"),
        rx.text(
            rx.cond(
                DELIVERY.organiser_contact != "",
                DELIVERY.organiser_contact,
                "Skontaktuj się z organizatorami kongresu.",
            ),
            as_="p",
            class_name="pre-line",
            margin_top="2",
        ),
        class_name="link-box",
    )


def resend() -> rx.Component:
    return page(
        rx.heading("Nie mam linku do zarządzania rejestracją", as_="h1", size="8"),
        rx.cond(
            LinkDeliveryState.loaded,
            rx.fragment(
                rx.text(DELIVERY.resend_intro, as_="p", margin_y="3"),
                rx.cond(DELIVERY.mail_on, mail_form(), ask_the_organisers()),
            ),
            loading(),
        ),
        rx.link(
            "← Wróć do rejestracji",
            href=routes.REGISTRATION,
            underline="always",
            margin_top="4",
            display="inline-block",
        ),
        active=routes.REGISTRATION,
    )
