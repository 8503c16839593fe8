"""/organizator/uczestnicy: the participants table with filters, paging, edits, capacities and exports.

Every change to a person (move, cancel, new link) opens a confirm dialog first (components.staff_person_dialogs).
"""

import reflex as rx

from kongres_app import routes
from kongres_app.components import forms
from kongres_app.components.links import file_link
from kongres_app.components.staff import staff_page
from kongres_app.components.staff_person_dialogs import GROUP_OPTIONS, person_dialogs, row_buttons
from kongres_app.models import DelegateStatus
from kongres_app.services.dictionaries import GMINAS, STATUS_LABELS
from kongres_app.services.organiser import ParticipantRow
from kongres_app.services.registration_review import ConflictRow
from kongres_app.states.congress import CongressState
from kongres_app.states.staff_participants import StaffParticipantsState as S


def _select(label: str, target: str, name: str, value, options, empty: str) -> rx.Component:
    return rx.box(
        rx.el.label(label, html_for=target, class_name="field-label"),
        rx.el.select(
            rx.el.option(empty, value=""),
            *[rx.el.option(text, value=code) for code, text in options],
            id=target,
            value=value,
            on_change=lambda v: S.set_filter(name, v),
            class_name="native-select",
        ),
    )


def filters() -> rx.Component:
    return rx.el.div(
        rx.box(
            rx.el.label(
                "Szukaj (nazwisko, organizacja, kod, e-mail)", html_for="filtr-szukaj", class_name="field-label"
            ),
            rx.input(id="filtr-szukaj", value=S.search, on_change=lambda v: S.set_filter("search", v), size="3"),
        ),
        _select("Grupa", "filtr-grupa", "group", S.group, GROUP_OPTIONS, "wszystkie"),
        _select("Gmina", "filtr-gmina", "gmina", S.gmina, list(GMINAS.items()), "wszystkie"),
        _select("Status", "filtr-status", "status", S.status, list(STATUS_LABELS.items()), "aktywni"),
        _select(
            "Obecność",
            "filtr-obecnosc",
            "checked_in",
            S.checked_in,
            [("tak", "obecni"), ("nie", "nieobecni")],
            "wszyscy",
        ),
        _select(
            "Do sprawdzenia",
            "filtr-sprawdzenie",
            "review",
            S.review,
            [("tak", "tylko do sprawdzenia")],
            "wszystkie",
        ),
        _select(
            "Sortuj według",
            "filtr-sort",
            "sort",
            S.sort,
            [
                ("organizacja", "organizacji"),
                ("nazwisko", "imienia i nazwiska"),
                ("grupa", "grupy"),
                ("zgloszenie", "czasu zgłoszenia"),
            ],
            "—",
        ),
        rx.button(
            rx.cond(S.descending, "Malejąco ↓", "Rosnąco ↑"), variant="soft", on_click=S.toggle_order, align_self="end"
        ),
        class_name="filter-grid",
    )


def row_actions(r: ParticipantRow) -> rx.Component:
    return rx.cond(r.status != DelegateStatus.CANCELLED, row_buttons(r), rx.text("—"))


def needs_cell(r: ParticipantRow) -> rx.Component:
    return rx.cond(
        r.accessibility_needs != "",
        rx.flex(
            rx.text(r.accessibility_needs, size="2", class_name="pre-line"),
            rx.el.label(
                rx.checkbox(
                    checked=r.needs_handled,
                    on_change=lambda c: S.set_handled(r.delegate_id, c),
                    aria_label="Zapewnione: " + r.full_name,
                ),
                rx.text("zapewnione", size="2"),
                class_name="checkbox-label",
            ),
            direction="column",
            spacing="1",
        ),
        rx.text("—"),
    )


def review_flag(r: ParticipantRow) -> rx.Component:
    """Stored without a confirmed e-mail (mail off): organisers check it, then mark it checked."""
    return rx.cond(
        r.needs_review,
        rx.flex(
            rx.badge("do sprawdzenia", color_scheme="amber", high_contrast=True),
            rx.button(
                "Oznacz jako sprawdzone",
                size="1",
                variant="soft",
                on_click=S.mark_reviewed(r.registration_id),
                aria_label="Oznacz jako sprawdzone: " + r.org_name,
            ),
            direction="column",
            spacing="1",
            margin_top="1",
            align="start",
        ),
    )


def conflict_row(c: ConflictRow) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(c.krs),
        rx.table.cell(c.at),
        rx.table.cell(c.claimant),
        rx.table.cell(c.holder),
        rx.table.cell(
            rx.flex(
                rx.button(
                    "Rozstrzygnij: zostaw obecną rejestrację",
                    size="1",
                    variant="soft",
                    on_click=S.resolve_conflict(c.conflict_id, False),
                ),
                rx.button(
                    "Rozstrzygnij: anuluj obecną rejestrację",
                    size="1",
                    color_scheme="red",
                    variant="soft",
                    on_click=S.resolve_conflict(c.conflict_id, True),
                ),
                direction="column",
                spacing="1",
            )
        ),
    )


def conflicts() -> rx.Component:
    return rx.cond(
        S.has_conflicts,
        rx.box(
            rx.heading("Konflikty numerów KRS", as_="h2", size="5"),
            rx.text(
                "Te zgłoszenia podały numer KRS, którego używa już inna rejestracja. Formularz nie mówi tego "
                "zgłaszającym: skontaktuj się z obiema stronami i zdecyduj, która rejestracja jest prawdziwa.",
                as_="p",
                size="2",
            ),
            rx.box(
                rx.table.root(
                    rx.table.header(
                        rx.table.row(
                            *[
                                rx.table.column_header_cell(title, scope="col")
                                for title in ("KRS", "Kiedy", "Zgłaszający", "Obecna rejestracja", "Działania")
                            ]
                        )
                    ),
                    rx.table.body(rx.foreach(S.conflicts, conflict_row)),
                    width="100%",
                    size="1",
                ),
                overflow_x="auto",
            ),
            id="konflikty-krs",
            margin_y="4",
        ),
    )


def participant_row(r: ParticipantRow) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(r.full_name),
        rx.table.cell(r.org_name, rx.el.br(), rx.text(r.gmina, size="1")),
        rx.table.cell(r.group_label),
        rx.table.cell(r.status_label, review_flag(r)),
        rx.table.cell(rx.el.code(r.code)),
        rx.table.cell(rx.cond(r.checked_in_at != "", r.checked_in_at, "—")),
        rx.table.cell(needs_cell(r)),
        rx.table.cell(row_actions(r)),
    )


def table() -> rx.Component:
    return rx.box(
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    *[
                        rx.table.column_header_cell(title, scope="col")
                        for title in (
                            "Osoba",
                            "Organizacja",
                            "Grupa",
                            "Status",
                            "Kod",
                            "Obecność",
                            "Dostępność",
                            "Działania",
                        )
                    ]
                )
            ),
            rx.table.body(rx.foreach(S.rows, participant_row)),
            width="100%",
            size="1",
        ),
        overflow_x="auto",
    )


def pager() -> rx.Component:
    return rx.flex(
        rx.button("← Poprzednia", variant="soft", disabled=S.page <= 1, on_click=S.go_to_page(S.page - 1)),
        rx.text("Strona ", S.page, " z ", S.pages, " · osób: ", S.total),
        rx.button("Następna →", variant="soft", disabled=S.page >= S.pages, on_click=S.go_to_page(S.page + 1)),
        spacing="3",
        align="center",
        margin_y="3",
    )


def capacity_form() -> rx.Component:
    return forms.live_form(
        rx.heading("Liczba miejsc w grupie", as_="h2", size="5"),
        rx.flex(
            rx.box(
                rx.el.label("Grupa", html_for="pojemnosc-grupa", class_name="field-label"),
                rx.el.select(
                    *[rx.el.option(text, value=code) for code, text in GROUP_OPTIONS],
                    id="pojemnosc-grupa",
                    value=S.capacity_group,
                    on_change=lambda v: S.set_capacity_field("capacity_group", v),
                    class_name="native-select",
                ),
            ),
            rx.box(
                rx.el.label("Nowa liczba miejsc", html_for="pojemnosc-miejsca", class_name="field-label"),
                rx.input(
                    id="pojemnosc-miejsca",
                    value=S.capacity_value,
                    on_change=lambda v: S.set_capacity_field("capacity_value", v),
                    input_mode="numeric",
                    size="3",
                ),
            ),
            forms.submit_button("Zapisz", size="3", align_self="end"),
            spacing="3",
            wrap="wrap",
        ),
        rx.text(
            "Zwiększenie liczby miejsc od razu daje je osobom z listy rezerwowej, w kolejności zgłoszeń.", size="2"
        ),
        on_submit=S.save_capacity,
        reset_on_submit=False,
        margin_top="5",
    )


def staff_participants() -> rx.Component:
    return staff_page(
        rx.heading("Uczestnicy", as_="h1", size="8"),
        rx.flex(
            file_link("Pobierz CSV", routes.API_EXPORT_CSV, filename="uczestnicy.csv"),
            file_link("Pobierz XLSX", routes.API_EXPORT_XLSX, filename="uczestnicy.xlsx"),
            file_link("Lista obecności do druku", routes.API_CHECK_IN_LIST, target="_blank"),
            spacing="4",
            margin_y="3",
            wrap="wrap",
        ),
        rx.box(S.notice, id="komunikat-uczestnicy", tab_index=-1, role="status", class_name="notice"),
        conflicts(),
        filters(),
        pager(),
        rx.cond(S.total > 0, table(), rx.text("Nikt nie pasuje do wybranych filtrów.", as_="p")),
        capacity_form(),
        person_dialogs(),
        rx.text(CongressState.edition.short_name, size="1", as_="p", margin_top="4"),
        active=routes.STAFF_PARTICIPANTS,
    )
