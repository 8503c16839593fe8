"""The day's agenda as a timeline."""

import reflex as rx

from kongres_app import routes
from kongres_app.components import congress as parts
from kongres_app.components.layout import page
from kongres_app.services.congress import AgendaView
from kongres_app.states.congress import CongressState


def timeline_item(item: AgendaView) -> rx.Component:
    return rx.el.li(
        rx.el.span(item.position, class_name="timeline-marker", aria_hidden="true"),
        rx.text(
            rx.cond(item.time_label != "", item.time_label, "Godzina wkrótce"),
            size="2",
            weight="bold",
            color_scheme="blue",
            high_contrast=True,
        ),
        rx.heading(item.title, as_="h2", size="5", margin_top="1"),
        rx.text(item.description, as_="p", margin_top="1"),
        rx.cond(item.position == 1, rx.box(parts.group_cards(), margin_top="3")),
        class_name="timeline-item",
    )


def program() -> rx.Component:
    edition = CongressState.edition
    return page(
        parts.edition_content(
            rx.heading("Program kongresu", as_="h1", size="8"),
            rx.text(edition.name, as_="p", size="4", margin_top="2"),
            rx.box(parts.when_and_where(), margin_y="4"),
            rx.cond(
                CongressState.has_untimed_agenda,
                rx.callout(
                    "Dokładne godziny poszczególnych części organizatorzy podadzą przed kongresem.",
                    icon="clock",
                    margin_bottom="4",
                    high_contrast=True,
                ),
            ),
            rx.el.ol(rx.foreach(edition.agenda, timeline_item), class_name="timeline"),
        ),
        active=routes.PROGRAM,
    )
