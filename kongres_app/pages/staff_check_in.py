"""/organizator/rejestracja-wejsc: check-in by typed or scanned code."""

import reflex as rx

from kongres_app import routes
from kongres_app.components import forms
from kongres_app.components.qr_scanner import qr_scanner
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


def camera_toggle() -> rx.Component:
    return rx.flex(
        rx.button(
            rx.cond(CheckInState.camera_on, "Wyłącz kamerę", "Włącz kamerę"),
            id="przycisk-kamera",
            type="button",
            size="3",
            variant=rx.cond(CheckInState.camera_on, "soft", "solid"),
            on_click=CheckInState.toggle_camera,
        ),
        rx.el.p(CheckInState.camera_error, role="alert", class_name="camera-error"),
        direction="column",
        align="start",
        spacing="2",
        margin_top="4",
    )


def camera_view() -> rx.Component:
    return rx.el.figure(
        qr_scanner(
            formats=["qr_code"],
            # The library's default asks for at least 640×640 px, which a 640×480 laptop camera cannot give.
            constraints={"facingMode": "environment", "width": {"ideal": 1280}, "height": {"ideal": 720}},
            components={"finder": True, "torch": False, "onOff": False, "zoom": False},
            allow_multiple=True,  # the same code later gives "already"; repeats in view are filtered
            scan_delay=1000,
            sound=False,
            on_scan=CheckInState.scanned,
            on_error=CheckInState.camera_failed,
        ),
        rx.el.figcaption("Podgląd kamery: pokaż kod QR z potwierdzenia w ramce.", class_name="camera-caption"),
        class_name="camera-view",
    )


def typed_code() -> rx.Component:
    return forms.live_form(
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
            wrap="wrap",
        ),
        on_submit=CheckInState.submit,
        reset_on_submit=True,
        max_width="32rem",
    )


def staff_check_in() -> rx.Component:
    return staff_page(
        rx.heading("Potwierdzanie obecności", as_="h1", size="8"),
        rx.text(
            "Wpisz kod z potwierdzenia, zeskanuj kod QR czytnikiem (czytnik sam naciśnie Enter) "
            "albo włącz kamerę i pokaż jej kod QR.",
            as_="p",
            margin_y="3",
        ),
        typed_code(),
        camera_toggle(),
        rx.el.div(
            rx.cond(CheckInState.camera_on, camera_view()),
            rx.box(result_box(CheckInState.result), role="status", aria_live="assertive"),
            class_name="check-in-stage",
        ),
        rx.heading("Ostatnio sprawdzone", as_="h2", size="4", margin_top="5"),
        rx.el.ul(rx.foreach(CheckInState.history, history_row), class_name="plain-bullets"),
        active=routes.STAFF_CHECK_IN,
    )
