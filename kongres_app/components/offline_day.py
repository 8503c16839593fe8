"""/moj-kongres offline: the delegate's own day, kept on their own phone.

While the page is live, a hidden element (``CARRIER_ID``, marked ``data-prywatne``) carries what the page shows
of the delegate: name and organisation, their group and its board, their notes, and the day's agenda.
``assets/offline-day.js`` copies it into this device's localStorage, tied to the board token this browser holds,
and renders it into ``DAY_ID`` when the page is opened without a live link. The copy is removed when the page
says no delegate is here (after "To nie ja", a withdrawal) and whenever the board token changes (another person
joined on this phone). Saved copies of pages in the service worker never carry it: the page script drops every
``data-prywatne`` element and the worker refuses a copy that still has one.
"""

import reflex as rx

from kongres_app.services.boards import NoteView
from kongres_app.services.congress import AgendaView
from kongres_app.states.board_participant import BoardParticipantState as P
from kongres_app.states.boards import BoardState as B
from kongres_app.states.congress import CongressState

CARRIER_ID = "dzien-offline-dane"
DAY_ID = "dzien-offline"

# "czeka": not known yet (loading, or another board's data still on screen); "anonim": nobody joined here.
WHO = rx.cond(
    ~B.loaded,
    "czeka",
    rx.cond(P.me_name == "", "anonim", rx.cond(P.me_group == B.number, "delegat", "czeka")),
)


def _note(note_id) -> rx.Component:
    note: NoteView = B.notes_by_id[note_id]
    return rx.cond(
        B.notes_by_id.contains(note_id),
        rx.el.li(note.text, custom_attrs={"data-rodzaj": note.kind_label, "data-poparcia": note.votes}),
    )


def _agenda_item(item: AgendaView) -> rx.Component:
    return rx.el.li(item.title, custom_attrs={"data-godzina": item.time_label})


def carrier() -> rx.Component:
    edition = CongressState.edition
    return rx.el.div(
        rx.el.ul(rx.foreach(P.my_notes, _note), class_name="notatki"),
        rx.el.ol(rx.foreach(edition.agenda, _agenda_item), class_name="program"),
        id=CARRIER_ID,
        hidden=True,
        custom_attrs={
            "data-prywatne": "",
            "data-stan": WHO,
            "data-imie": P.me_name,
            "data-organizacja": P.me_org,
            "data-grupa": B.roman,
            "data-nazwa-grupy": B.name,
            "data-numer": B.number,
            "data-kongres": edition.name,
            "data-data": edition.date_label,
        },
    )


def offline_day() -> rx.Component:
    """The carrier, and the (empty while live) place where the saved day is shown offline."""
    return rx.fragment(carrier(), rx.el.div(id=DAY_ID))
