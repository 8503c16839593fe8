"""The page for an address the app does not have: Polish, inside the site frame, with ways back."""

import reflex as rx

from kongres_app import routes
from kongres_app.components.layout import page

WAYS_BACK = [
    (routes.HOME, "Strona główna kongresu"),
    (routes.PROGRAM, "Program dnia"),
    (routes.REGISTRATION, "Rejestracja"),
    (routes.GROUPS, "Grupy tematyczne"),
]


def not_found() -> rx.Component:
    return page(
        rx.heading("Nie znaleziono strony", as_="h1", size="8"),
        rx.text(
            "Pod tym adresem nie ma strony. Może adres jest niepełny albo strona została przeniesiona.",
            as_="p",
            margin_y="3",
        ),
        rx.text("Przejdź dalej:", as_="p"),
        rx.el.ul(
            *[rx.el.li(rx.link(label, href=path, underline="always")) for path, label in WAYS_BACK],
            class_name="plain-bullets",
        ),
        active="",
    )
