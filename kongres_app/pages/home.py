"""Home page: what, when, where, the slogan, the groups, the day and the first year."""

import reflex as rx

from kongres_app import routes
from kongres_app.components import congress as parts
from kongres_app.components.layout import page
from kongres_app.states.congress import CongressState


def registration_call() -> rx.Component:
    edition = CongressState.edition
    return rx.flex(
        rx.link(
            rx.button("Zarejestruj się", size="4"),
            href=routes.REGISTRATION,
        ),
        rx.match(
            edition.registration_status,
            ("open", rx.text("Rejestracja otwarta do ", edition.registration_closes_label, ".")),
            ("before", rx.text("Rejestracja rusza ", edition.registration_opens_label, ".")),
            rx.text("Rejestracja zakończyła się ", edition.registration_closes_label, "."),
        ),
        spacing="3",
        align="center",
        wrap="wrap",
        margin_top="4",
    )


def hero() -> rx.Component:
    edition = CongressState.edition
    return rx.el.section(
        rx.heading(edition.name, as_="h1", size=rx.breakpoints(initial="6", sm="8"), class_name="hero-title"),
        rx.text("„", edition.slogan, "”", as_="p", class_name="slogan", margin_y="3"),
        parts.when_and_where(),
        registration_call(),
        class_name="hero",
    )


def section(title: str, *children: rx.Component, anchor: str) -> rx.Component:
    return rx.el.section(
        rx.heading(title, as_="h2", size="6", id=anchor, margin_bottom="3"),
        *children,
        aria_labelledby=anchor,
        margin_top="2.5rem",
    )


def home() -> rx.Component:
    edition = CongressState.edition
    return page(
        parts.edition_content(
            hero(),
            section(
                "O kongresie",
                rx.text(edition.intro, as_="p", size="4"),
                rx.text(
                    "Gospodarz: ",
                    edition.host,
                    as_="p",
                    margin_top="2",
                    color_scheme="gray",
                    high_contrast=True,
                ),
                anchor="o-kongresie",
            ),
            section(
                "Cztery grupy tematyczne",
                rx.text(
                    "Dzień zaczyna się od rozmów w grupach organizacji o podobnym profilu. "
                    "Wybierz grupę, która najlepiej pasuje do Twojej organizacji.",
                    as_="p",
                    margin_bottom="3",
                ),
                parts.group_cards(),
                anchor="grupy",
            ),
            section(
                "Program dnia",
                parts.agenda_summary(),
                rx.link(
                    "Zobacz pełny program →",
                    href=routes.PROGRAM,
                    underline="always",
                    margin_top="3",
                    display="inline-block",
                ),
                anchor="program-dnia",
            ),
            section(
                "Pierwszy rok programu „Powiat Społecznie Aktywny”",
                parts.milestones(),
                anchor="pierwszy-rok",
            ),
        ),
        active=routes.HOME,
    )
