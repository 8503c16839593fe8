"""The organisers' frame: the public layout plus their own menu and who is logged in."""

import reflex as rx

from kongres_app import routes
from kongres_app.components import forms
from kongres_app.components.layout import page
from kongres_app.states.staff import StaffState


def staff_bar(active: str) -> rx.Component:
    return rx.el.nav(
        rx.el.ul(
            *[
                rx.el.li(
                    rx.link(label, href=path, aria_current="page" if path == active else None, class_name="staff-link")
                )
                for path, label in routes.STAFF_NAVIGATION
            ],
            class_name="staff-list",
        ),
        rx.flex(
            rx.text(StaffState.display_name, " (", StaffState.role_label, ")", size="2"),
            forms.server_form(
                forms.server_submit_button("Wyloguj", size="1", variant="soft"), action=routes.STAFF_LOGOUT_POST
            ),
            spacing="2",
            align="center",
        ),
        aria_label="Menu organizatora",
        class_name="staff-bar",
    )


def staff_page(*children: rx.Component, active: str) -> rx.Component:
    return page(staff_bar(active), *children, active=active)


def tile(label: str, value) -> rx.Component:
    return rx.card(
        rx.text(label, size="2", weight="medium", as_="p", class_name="tile-label"),
        rx.text(value, size="8", weight="bold", as_="p", class_name="tile-value"),
    )
