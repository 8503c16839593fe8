"""/moj-kongres: the delegate's own live page for the day."""

import reflex as rx

from kongres_app import routes
from kongres_app.components.board import join_box
from kongres_app.components.congress import agenda_summary
from kongres_app.components.layout import loading, page
from kongres_app.components.my_data import my_data_section
from kongres_app.components.offline_day import offline_day
from kongres_app.states.board_participant import BoardParticipantState as P
from kongres_app.states.boards import BoardState as B
from kongres_app.states.congress import CongressState


def my_note(note_id) -> rx.Component:
    note = B.notes_by_id[note_id]
    return rx.cond(
        B.notes_by_id.contains(note_id),
        rx.el.li(
            rx.text(rx.el.strong(note.kind_label, ": "), note.text, as_="p"),
            rx.text(
                "Poparcia: ", note.votes, rx.cond(note.plenary, " · wybrana na sesję plenarną", ""), size="2", as_="p"
            ),
            class_name="my-note",
        ),
    )


def dashboard() -> rx.Component:
    return rx.fragment(
        rx.card(
            rx.text("Twoje miejsce jest potwierdzone.", weight="bold", as_="p"),
            rx.text("Grupa ", B.roman, ": ", B.name, as_="p", size="4"),
            rx.link(
                rx.button("Przejdź do tablicy swojej grupy", size="3"),
                href="/grupy/" + B.number.to_string(),
                margin_top="2",
            ),
        ),
        rx.heading("Twoje notatki", as_="h2", size="6", margin_top="5"),
        rx.cond(
            P.my_notes.length() > 0,
            rx.el.ul(rx.foreach(P.my_notes, my_note), class_name="stack-list", aria_live="polite"),
            rx.text("Nie masz jeszcze notatek. Możesz je dodać na tablicy swojej grupy.", as_="p"),
        ),
        rx.heading("Program dnia", as_="h2", size="6", margin_top="5"),
        agenda_summary(),
        rx.link("Pełny program", href=routes.PROGRAM, underline="always", margin_top="2", display="inline-block"),
        my_data_section(),
    )


def my_congress() -> rx.Component:
    return page(
        rx.heading("Mój kongres", as_="h1", size="8"),
        rx.text(CongressState.edition.name, " · ", CongressState.edition.date_label, as_="p", margin_y="2"),
        join_box(),
        offline_day(),
        rx.cond(
            B.loaded,
            rx.cond(P.me_name != "", dashboard(), rx.fragment()),
            loading(),
        ),
        active=routes.MY_CONGRESS,
    )
