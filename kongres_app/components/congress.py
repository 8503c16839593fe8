"""Pieces that show the edition: facts line, group cards, agenda, milestones."""

import reflex as rx

from kongres_app.services.congress import AgendaView, GroupView, MilestoneView
from kongres_app.states.congress import CongressState


def fact(icon: str, label: str, value) -> rx.Component:
    return rx.flex(
        rx.icon(icon, size=20, aria_hidden="true", flex_shrink="0"),
        rx.text(rx.el.span(f"{label}: ", class_name="sr-only"), value, weight="medium"),
        spacing="2",
        align="center",
    )


def when_and_where() -> rx.Component:
    edition = CongressState.edition
    return rx.flex(
        fact("calendar", "Kiedy", edition.date_label),
        fact("map-pin", "Gdzie", edition.venue_name),
        direction="column",
        spacing="2",
    )


def group_card(group: GroupView) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.badge(f"Grupa {group.roman}", size="2", variant="solid", high_contrast=True),
            rx.heading(group.name, as_="h3", size="4", margin_top="2"),
            rx.text(group.description, as_="p", margin_top="1", color_scheme="gray", high_contrast=True),
            height="100%",
        )
    )


def group_cards() -> rx.Component:
    return rx.el.ul(rx.foreach(CongressState.edition.groups, group_card), class_name="card-grid")


def _agenda_short(item: AgendaView) -> rx.Component:
    return rx.el.li(
        rx.text(
            rx.cond(item.time_label != "", rx.el.span(item.time_label, " · "), ""),
            rx.el.strong(item.title),
        )
    )


def agenda_summary() -> rx.Component:
    return rx.el.ol(rx.foreach(CongressState.edition.agenda, _agenda_short), class_name="plain-list")


def milestone_card(item: MilestoneView) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.text(item.period, size="2", weight="bold", color_scheme="blue", high_contrast=True),
            rx.heading(item.title, as_="h3", size="4", margin_top="1"),
            rx.text(item.description, as_="p", margin_top="1"),
            height="100%",
        )
    )


def milestones() -> rx.Component:
    return rx.el.ul(rx.foreach(CongressState.edition.milestones, milestone_card), class_name="card-grid")


def missing_edition() -> rx.Component:
    return rx.callout(
        "Informacje o kongresie nie są jeszcze dostępne. Zajrzyj tu wkrótce albo skontaktuj się "
        "ze Starostwem Powiatowym w Pruszkowie.",
        icon="info",
        role="status",
        high_contrast=True,
    )


def edition_content(*children: rx.Component) -> rx.Component:
    """Show children once the edition is loaded; a spinner before, a hint if there is none."""
    from kongres_app.components.layout import loading

    return rx.cond(
        CongressState.loaded,
        rx.cond(CongressState.missing, missing_edition(), rx.fragment(*children)),
        loading(),
    )
