"""A board's pieces: the join box, the note form, note cards with votes and moderation tools."""

from typing import Any

import reflex as rx
from reflex.vars import ObjectVar

from kongres_app.components import forms
from kongres_app.components.my_data import source_note
from kongres_app.services.boards import KINDS, NoteView
from kongres_app.states.board_moderation import BoardModerationState as M
from kongres_app.states.board_participant import BoardParticipantState as P
from kongres_app.states.boards import BoardState as B

KIND_COLOURS = {"trudnosc": "red", "propozycja": "green", "pytanie": "blue"}


def join_box() -> rx.Component:
    return rx.cond(
        P.me_name != "",
        rx.flex(
            rx.text("Piszesz jako ", rx.el.strong(P.me_name), " (", P.me_org, ").", as_="p"),
            rx.button("To nie ja", variant="soft", size="1", on_click=P.not_me),
            spacing="3",
            align="center",
            wrap="wrap",
            class_name="join-box",
        ),
        forms.live_form(
            rx.text(
                "Aby dodawać notatki i popierać notatki innych, wpisz swój kod wejścia (8 liter i cyfr, np. "
                "ABCD-2345). Kody wszystkich osób dostaje osoba, która zarejestrowała Twoją organizację: "
                "poproś ją o swój. Bez kodu możesz czytać tablicę.",
                as_="p",
            ),
            source_note(),
            rx.flex(
                forms.text_input(
                    "pole-kod-tablica",
                    P.code,
                    P.set_code,
                    P.code_error,
                    label_text="Kod wejścia",
                    required=True,
                    autocomplete="off",
                    max_length=20,
                ),
                forms.submit_button("Dołącz", size="3", align_self="center"),
                spacing="3",
                align="end",
                wrap="wrap",
            ),
            on_submit=P.join,
            reset_on_submit=False,
            class_name="join-box",
        ),
    )


def note_form() -> rx.Component:
    return forms.live_form(
        rx.heading("Dodaj notatkę", as_="h2", size="5"),
        rx.box(
            rx.el.fieldset(
                rx.el.legend("Rodzaj", class_name="field-label"),
                rx.radio_group.root(
                    rx.flex(
                        *[
                            rx.el.label(rx.radio_group.item(value=code), label, class_name="radio-label")
                            for code, label in KINDS.items()
                        ],
                        spacing="4",
                        wrap="wrap",
                    ),
                    # Uncontrolled: the choice shows at once, not after the server's answer on a slow network.
                    default_value=P.draft_kind,
                    on_change=P.set_draft_kind,
                    name="rodzaj",
                ),
                class_name="plain-fieldset",
            ),
            margin_y="2",
        ),
        forms.text_input(
            "pole-notatka",
            P.draft,
            P.set_draft,
            P.draft_error,
            label_text="Treść",
            required=True,
            hint="Najwyżej 500 znaków. Tekst pokazujemy dokładnie tak, jak go wpiszesz.",
            max_length=500,
            multiline=True,
        ),
        rx.text(P.draft.length(), " / 500 znaków", size="1", as_="p", aria_live="off"),
        forms.checkbox_input(
            "pole-anonimowo", P.draft_anonymous, P.set_draft_anonymous, "", "Dodaj anonimowo", required=False
        ),
        forms.submit_button("Dodaj notatkę", size="3"),
        on_submit=P.post,
        reset_on_submit=False,
        class_name="note-form",
    )


def _inline_form(field: rx.Component, submit: rx.Component, *, on_submit: Any, on_cancel: Any) -> rx.Component:
    """A one-field form inside a note card (hide, merge, edit): the field, its button and "Anuluj"."""
    return forms.live_form(
        field,
        rx.flex(
            submit,
            rx.button("Anuluj", type="button", size="1", variant="soft", on_click=on_cancel),
            spacing="2",
        ),
        on_submit=on_submit,
        reset_on_submit=False,
    )


def moderation_tools(note: ObjectVar[NoteView]) -> rx.Component:
    nid = note.id.to_string()
    return rx.box(
        rx.flex(
            rx.cond(
                note.hidden,
                rx.button("Przywróć", size="1", variant="soft", on_click=M.unhide(nid)),
                rx.button("Ukryj", size="1", variant="soft", color_scheme="red", on_click=M.ask_hide(nid)),
            ),
            rx.button(
                rx.cond(note.pinned, "Odepnij", "Przypnij"),
                size="1",
                variant="soft",
                on_click=M.set_flag(nid, "pinned", ~note.pinned),
            ),
            rx.button(
                rx.cond(note.plenary, "Zdejmij z plenarnej", "Na sesję plenarną"),
                size="1",
                variant="soft",
                on_click=M.set_flag(nid, "plenary", ~note.plenary),
            ),
            rx.button("Połącz z inną", size="1", variant="soft", on_click=M.ask_merge(nid)),
            spacing="2",
            wrap="wrap",
        ),
        rx.cond(
            M.hiding_id == nid,
            _inline_form(
                forms.text_input(
                    "pole-powod", M.hide_reason, M.set_hide_reason, "", label_text="Powód ukrycia", required=True
                ),
                forms.submit_button("Ukryj notatkę", size="1", color_scheme="red"),
                on_submit=M.hide,
                on_cancel=M.cancel_moderation,
            ),
        ),
        rx.cond(
            M.merging_id == nid,
            _inline_form(
                forms.text_input(
                    "pole-polacz",
                    M.merge_target,
                    M.set_merge_target,
                    "",
                    label_text="Numer notatki, do której dołączyć tę",
                    required=True,
                ),
                forms.submit_button("Połącz", size="1"),
                on_submit=M.merge,
                on_cancel=M.cancel_moderation,
            ),
        ),
        margin_top="2",
    )


def own_tools(note: ObjectVar[NoteView]) -> rx.Component:
    nid = note.id.to_string()
    return rx.cond(
        P.my_notes.contains(nid),
        rx.cond(
            P.editing_id == nid,
            _inline_form(
                forms.text_input(
                    "pole-edycja",
                    P.edit_text,
                    P.set_edit_text,
                    "",
                    label_text="Popraw treść",
                    multiline=True,
                    max_length=500,
                ),
                forms.submit_button("Zapisz", size="1"),
                on_submit=P.save_edit,
                on_cancel=P.stop_edit,
            ),
            rx.flex(
                rx.button("Popraw", size="1", variant="ghost", on_click=P.start_edit(nid)),
                rx.button("Usuń", size="1", variant="ghost", color_scheme="red", on_click=P.delete(nid)),
                spacing="2",
            ),
        ),
    )


def note_card(note: ObjectVar[NoteView], projector: bool = False) -> rx.Component:
    nid = note.id.to_string()
    voted = P.my_votes.contains(nid)
    return rx.el.li(
        rx.card(
            rx.flex(
                rx.badge(
                    note.kind_label, color_scheme=rx.match(note.kind, *KIND_COLOURS.items(), "gray"), high_contrast=True
                ),
                rx.cond(note.pinned, rx.badge("Przypięta", variant="outline", high_contrast=True)),
                rx.cond(note.plenary, rx.badge("Na sesję plenarną", color_scheme="amber", high_contrast=True)),
                rx.cond(
                    note.hidden,
                    rx.badge("Ukryta: " + note.hidden_reason.to(str), color_scheme="red", high_contrast=True),
                ),
                rx.text("nr ", nid, size="1"),
                spacing="2",
                wrap="wrap",
                align="center",
            ),
            rx.text(note.text, as_="p", class_name="note-text pre-line", margin_y="2"),
            rx.text(note.author, " · ", note.time, rx.cond(note.edited, " · poprawiona", ""), size="2", as_="p"),
            rx.cond(
                projector,
                rx.text("+", note.votes, size="6", weight="bold", as_="p"),
                rx.fragment(
                    rx.flex(
                        rx.button(
                            rx.icon("thumbs-up", size=16, aria_hidden="true"),
                            "Popieram · ",
                            note.votes,
                            aria_label="Popieram (liczba poparć: " + note.votes.to_string() + ")",
                            variant=rx.cond(voted, "solid", "outline"),
                            aria_pressed=rx.cond(voted, "true", "false"),
                            disabled=~P.can_post,
                            on_click=P.toggle_vote(nid),
                            size="2",
                        ),
                        rx.cond(
                            P.me_name != "",
                            rx.button(
                                "Zgłoś",
                                size="1",
                                variant="ghost",
                                on_click=P.report(nid),
                                aria_label="Zgłoś notatkę nr " + nid,
                            ),
                        ),
                        spacing="3",
                        align="center",
                    ),
                    own_tools(note),
                    rx.cond(M.is_moderator, moderation_tools(note)),
                ),
            ),
        ),
        class_name=rx.cond((B.kind_filter == "") | (B.kind_filter == note.kind), "note-item", "note-item filtered-out"),
    )


def note_list(ids, notes_by_id, projector: bool = False) -> rx.Component:
    return rx.el.ul(
        rx.foreach(ids, lambda i: note_card(notes_by_id[i], projector)),
        class_name="note-list" + (" projector-list" if projector else ""),
        aria_label="Notatki",
    )
