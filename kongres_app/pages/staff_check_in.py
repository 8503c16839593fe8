"""/organizator/rejestracja-wejsc: check-in by typed or scanned code."""

import reflex as rx

from kongres_app import routes
from kongres_app.components import forms
from kongres_app.components.staff import staff_page
from kongres_app.services.organiser import CheckInResult
from kongres_app.states.check_in import CheckInState

COLOURS = {"ok": "green", "already": "amber", "waiting": "amber"}


def result_box(r: CheckInResult) -> rx.Component:
    return rx.cond(
        r.outcome != "",
        rx.box(
            rx.text(r.message, size="6", weight="bold", as_="p"),
            rx.cond(
                r.full_name != "",
                rx.fragment(
                    rx.text(r.full_name, size="9", weight="bold", as_="p", class_name="check-in-name"),
                    rx.text(r.org_name, size="6", as_="p"),
                    rx.text(r.group_label, size="5", as_="p"),
                    rx.cond(
                        r.accessibility_needs != "", rx.text("Potrzeby: ", r.accessibility_needs, size="4", as_="p")
                    ),
                ),
            ),
            class_name="check-in-result check-in-" + r.outcome,
        ),
    )


def history_row(r: CheckInResult) -> rx.Component:
    return rx.el.li(rx.text(r.code, " · ", r.full_name, " · ", r.message, size="2"))


def staff_check_in() -> rx.Component:
    return staff_page(
        rx.heading("Rejestracja wejść", as_="h1", size="8"),
        rx.text(
            "Wpisz kod z potwierdzenia albo zeskanuj kod QR czytnikiem (czytnik sam naciśnie Enter).",
            as_="p",
            margin_y="3",
        ),
        forms.live_form(
            rx.el.label("Kod wejścia", html_for="pole-kod", class_name="field-label"),
            rx.flex(
                rx.input(
                    id="pole-kod",
                    name="kod",
                    auto_focus=True,
                    auto_complete="off",
                    size="3",
                    max_length=20,
                    class_name="check-in-input",
                ),
                forms.submit_button("Sprawdź", size="3"),
                spacing="3",
            ),
            on_submit=CheckInState.submit,
            reset_on_submit=True,
            max_width="32rem",
        ),
        rx.box(result_box(CheckInState.result), role="status", aria_live="assertive", margin_top="4"),
        rx.heading("Ostatnio sprawdzone", as_="h2", size="4", margin_top="5"),
        rx.el.ul(rx.foreach(CheckInState.history, history_row), class_name="plain-bullets"),
        active=routes.STAFF_CHECK_IN,
    )
