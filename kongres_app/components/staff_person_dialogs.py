"""The organisers' confirm dialogs for one person: move, cancel, new management link.

Radix's alert dialog traps focus and closes on Escape (which changes nothing); when it closes, focus goes
where the state says: back to the row's button, or to the result message after a change.
"""

import reflex as rx
from reflex.event import EventSpec

from kongres_app.components.board_withdrawal import notes_question
from kongres_app.services.organiser import ParticipantRow
from kongres_app.states.staff_people import NEW_LINK_ID
from kongres_app.states.staff_people import PersonActionsState as S

GROUP_OPTIONS = [("1", "Grupa I"), ("2", "Grupa II"), ("3", "Grupa III"), ("4", "Grupa IV")]
MOVE_SELECT_ID = "przenies-grupa"
MOVE_PREVIEW_ID = "przenies-skutek"


def row_buttons(r: ParticipantRow) -> rx.Component:
    """Each opens its dialog; none changes anything by itself."""
    return rx.flex(
        rx.button(
            "Przenieś",
            id=f"przenies-{r.delegate_id}",
            size="1",
            variant="soft",
            aria_haspopup="dialog",
            aria_label="Przenieś: " + r.full_name,
            on_click=S.ask_move(r.delegate_id),
        ),
        rx.button(
            "Anuluj",
            id=f"anuluj-{r.delegate_id}",
            size="1",
            variant="soft",
            color_scheme="red",
            aria_haspopup="dialog",
            aria_label="Anuluj udział: " + r.full_name,
            on_click=S.ask_cancel(r.delegate_id),
        ),
        rx.button(
            "Wydaj nowy link",
            id=f"nowy-link-{r.delegate_id}",
            size="1",
            variant="soft",
            color_scheme="gray",
            aria_haspopup="dialog",
            aria_label="Wydaj nowy link: " + r.org_name + " (" + r.full_name + ")",
            on_click=S.ask_new_link(r.delegate_id),
        ),
        spacing="2",
        align="center",
        wrap="wrap",
    )


def _focus(element_id) -> EventSpec:
    return rx.call_script("document.getElementById('" + element_id + "')?.focus()")


def _dialog(kind: str, *children: rx.Component, focus_on_open: str | None = None) -> rx.Component:
    extra = {"on_open_auto_focus": _focus(focus_on_open).prevent_default} if focus_on_open else {}
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            *children,
            on_close_auto_focus=_focus(S.focus_after).prevent_default,
            max_width="36rem",
            **extra,
        ),
        open=S.dialog == kind,
        on_open_change=S.dialog_open_change,
    )


def _buttons(*children: rx.Component) -> rx.Component:
    return rx.flex(*children, spacing="3", justify="end", wrap="wrap", margin_top="4")


def move_dialog() -> rx.Component:
    return _dialog(
        "move",
        rx.alert_dialog.title("Przenieść do innej grupy: ", S.person_name, "?"),
        rx.alert_dialog.description(S.person_summary, size="2"),
        rx.box(
            rx.el.label("Nowa grupa", html_for=MOVE_SELECT_ID, class_name="field-label"),
            rx.el.select(
                rx.el.option("— wybierz grupę —", value=""),
                *[rx.el.option(text, value=code) for code, text in GROUP_OPTIONS],
                id=MOVE_SELECT_ID,
                value=S.move_group,
                on_change=S.choose_group,
                aria_describedby=MOVE_PREVIEW_ID,
                class_name="native-select",
            ),
            margin_top="3",
        ),
        rx.box(
            rx.cond(
                S.preview_outcome == "waiting",
                rx.callout(
                    rx.el.span(rx.el.strong("Lista rezerwowa. "), S.preview),
                    icon="triangle-alert",
                    color_scheme="amber",
                    high_contrast=True,
                ),
                rx.text(S.preview, as_="p"),
            ),
            id=MOVE_PREVIEW_ID,
            role="status",
            margin_top="3",
        ),
        _buttons(
            rx.alert_dialog.cancel(rx.button("Nie przenoś", variant="soft", color_scheme="gray")),
            rx.button("Przenieś", on_click=S.confirm_move, disabled=~S.can_confirm_move),
        ),
        focus_on_open=MOVE_SELECT_ID,
    )


def cancel_dialog() -> rx.Component:
    return _dialog(
        "cancel",
        rx.alert_dialog.title("Anulować udział: ", S.person_name, "?"),
        rx.alert_dialog.description(S.preview),
        notes_question("anuluj-notatki", "Notatki tej osoby na tablicy jej grupy, jeśli są", S.set_notes_choice),
        _buttons(
            rx.alert_dialog.cancel(rx.button("Nie anuluj", variant="soft", color_scheme="gray")),
            rx.button("Tak, anuluj udział", color_scheme="red", on_click=S.confirm_cancel),
        ),
    )


def _radio(value: str, checked, label: str) -> rx.Component:
    target = f"stare-linki-{value}"
    return rx.el.div(
        rx.el.input(
            type="radio",
            id=target,
            name="stare-linki",
            value=value,
            # Uncontrolled: the choice shows at once; the dialog's content is new each time it opens.
            default_checked=checked,
            on_change=S.set_revoke_old(value),
        ),
        rx.el.label(label, html_for=target),
        class_name="radio-row",
    )


def _link_question() -> rx.Component:
    return rx.fragment(
        rx.alert_dialog.title("Wydać nowy link do zarządzania rejestracją?"),
        rx.alert_dialog.description(
            "Organizacja: ",
            S.org_name,
            ". Osoba do kontaktu: ",
            S.contact_email,
            ". Działających linków: ",
            S.active_links,
            ".",
        ),
        rx.el.fieldset(
            rx.el.legend("Dotychczasowe linki", class_name="field-label"),
            _radio(
                "uniewaznij",
                S.revoke_old,
                "Unieważnij: przestaną działać od razu (gdy link zginął lub trafił do osób postronnych)",
            ),
            _radio("zostaw", ~S.revoke_old, "Zostaw: nadal będą działać"),
            class_name="radio-group",
        ),
        rx.cond(
            S.mail_on,
            rx.el.div(
                rx.checkbox(id="nowy-link-poczta", checked=S.also_mail, on_change=S.set_also_mail),
                rx.el.label("Wyślij nowy link także e-mailem na adres ", S.contact_email, html_for="nowy-link-poczta"),
                class_name="checkbox-label",
            ),
        ),
        _buttons(
            rx.alert_dialog.cancel(rx.button("Nie wydawaj", variant="soft", color_scheme="gray")),
            rx.button("Wydaj nowy link", on_click=S.confirm_new_link),
        ),
    )


def _link_issued() -> rx.Component:
    return rx.fragment(
        rx.alert_dialog.title("Nowy link do zarządzania rejestracją"),
        rx.alert_dialog.description(
            "Przekaż go osobie do kontaktu organizacji ",
            S.org_name,
            ". Pokazujemy go tylko teraz: po zamknięciu okna nie da się go odczytać ponownie.",
        ),
        rx.el.label("Nowy link", html_for=NEW_LINK_ID, class_name="field-label", margin_top="3"),
        rx.el.input(
            id=NEW_LINK_ID,
            value=S.new_link,
            read_only=True,
            on_focus=rx.call_script(f"document.getElementById('{NEW_LINK_ID}')?.select()"),
            class_name="link-field",
        ),
        _buttons(
            rx.button(
                rx.icon("copy", size=14, aria_hidden="true"),
                "Kopiuj link",
                variant="soft",
                on_click=rx.set_clipboard(S.new_link),
            ),
            rx.alert_dialog.cancel(rx.button("Zamknij")),
        ),
    )


def link_dialog() -> rx.Component:
    return _dialog("link", rx.cond(S.new_link == "", _link_question(), _link_issued()))


def person_dialogs() -> rx.Component:
    return rx.fragment(move_dialog(), cancel_dialog(), link_dialog())
