"""/organizator/dziennik: who did what on the organiser side, and which calls were refused."""

import reflex as rx

from kongres_app import routes
from kongres_app.components import forms
from kongres_app.components.staff import staff_page
from kongres_app.services.audit_labels import AUDIT_ACTIONS
from kongres_app.services.audit_log import MAX_TEXT, MAX_WHO, AuditRow
from kongres_app.states.audit_log import MESSAGE_ID
from kongres_app.states.audit_log import AuditLogState as S

ACTION_OPTIONS = sorted(AUDIT_ACTIONS.items(), key=lambda item: item[1])


def _text(target: str, name: str, label: str, **kwargs) -> rx.Component:
    return forms.text_input(
        target,
        S.filters.get(name, ""),
        lambda v: S.set_filter(name, v),
        S.errors.get(name, ""),
        label_text=label,
        **kwargs,
    )


def _action_select() -> rx.Component:
    target = "filtr-dzialanie"
    return rx.box(
        forms.label("Działanie", target, False),
        rx.el.select(
            rx.el.option("wszystkie", value=""),
            *[rx.el.option(text, value=key) for key, text in ACTION_OPTIONS],
            id=target,
            value=S.filters.get("action", ""),
            on_change=lambda v: S.set_filter("action", v),
            aria_describedby=f"{target}-blad",
            aria_invalid=rx.cond(S.errors.get("action", "") != "", "true", "false"),
            class_name="native-select",
        ),
        forms.error_text(target, S.errors.get("action", "")),
        class_name="field",
    )


def filters() -> rx.Component:
    return forms.live_form(
        rx.heading("Filtry", as_="h2", size="5"),
        rx.el.div(
            _text("filtr-kto", "who", "Kto: imię i nazwisko lub login", max_length=MAX_WHO),
            _action_select(),
            _text("filtr-od", "date_from", "Od dnia", input_type="date"),
            _text("filtr-do", "date_to", "Do dnia", input_type="date"),
            _text("filtr-szczegoly", "text", "Szczegóły zawierają", max_length=MAX_TEXT),
            class_name="filter-grid",
        ),
        rx.flex(
            forms.submit_button("Pokaż wpisy", size="3"),
            rx.button("Wyczyść filtry", type="button", variant="soft", size="3", on_click=S.clear_filters),
            spacing="3",
            wrap="wrap",
            margin_top="3",
        ),
        on_submit=S.apply_filters,
        reset_on_submit=False,
        no_validate=True,
        class_name="note-form",
    )


def _tab(outcome: str, label: str, count) -> rx.Component:
    return rx.button(
        label,
        " (",
        count,
        ")",
        type="button",
        variant=rx.cond(S.outcome == outcome, "solid", "soft"),
        aria_pressed=rx.cond(S.outcome == outcome, "true", "false"),
        on_click=S.show(outcome),
        size="3",
    )


def tabs() -> rx.Component:
    return rx.flex(
        _tab("ok", "Działania", S.actions_count),
        _tab("denied", "Odmowy dostępu", S.refusals_count),
        role="group",
        aria_label="Rodzaj wpisów",
        spacing="3",
        wrap="wrap",
        margin_y="4",
    )


# A plain table: Radix's Table.Root scrolls in a viewport of its own that keyboard users cannot reach.
CELL = {
    "padding": "0.45rem 0.6rem",
    "border_bottom": "1px solid #d5dbe5",
    "text_align": "left",
    "vertical_align": "top",
}


def entry_row(a: AuditRow) -> rx.Component:
    return rx.el.tr(
        rx.el.td(a.at, style={**CELL, "white_space": "nowrap"}),
        rx.el.td(a.actor, style=CELL),
        rx.el.td(a.action, style=CELL),
        rx.el.td(rx.cond(a.details != "", a.details, "—"), style={**CELL, "min_width": "14rem"}),
        rx.el.td(a.outcome, style=CELL),
    )


def table() -> rx.Component:
    return rx.box(
        rx.el.table(
            rx.el.thead(
                rx.el.tr(
                    *[
                        rx.el.th(t, scope="col", style={**CELL, "border_bottom": "2px solid #7c8798"})
                        for t in ("Kiedy", "Kto", "Działanie", "Szczegóły", "Wynik")
                    ]
                )
            ),
            rx.el.tbody(rx.foreach(S.rows, entry_row)),
            style={"width": "100%", "border_collapse": "collapse", "font_size": "0.9rem"},
        ),
        role="region",
        aria_label="Wpisy dziennika",
        tab_index=0,  # the table may scroll sideways on a phone: reachable by keyboard
        overflow_x="auto",
    )


def pager() -> rx.Component:
    return rx.flex(
        rx.button("← Nowsze", variant="soft", disabled=S.page <= 1, on_click=S.go_to_page(S.page - 1)),
        rx.text("Strona ", S.page, " z ", S.pages),
        rx.button("Starsze →", variant="soft", disabled=S.page >= S.pages, on_click=S.go_to_page(S.page + 1)),
        spacing="3",
        align="center",
        wrap="wrap",
        margin_y="3",
    )


def audit_page() -> rx.Component:
    return staff_page(
        rx.heading("Dziennik działań", as_="h1", size="8"),
        rx.text(
            "Co zrobili organizatorzy i moderatorzy oraz które próby odrzucono z braku uprawnień; najnowsze na górze.",
            as_="p",
        ),
        rx.box(S.notice, id=MESSAGE_ID, tab_index=-1, role="status", class_name="notice"),
        filters(),
        tabs(),
        rx.heading(rx.cond(S.outcome == "ok", "Działania", "Odmowy dostępu"), as_="h2", size="5"),
        rx.text(
            rx.cond(S.total == 0, "Brak wpisów spełniających filtry.", rx.text.span("Wpisów: ", S.total)),
            as_="p",
            role="status",
        ),
        rx.cond(S.total > 0, rx.fragment(table(), pager())),
        active=routes.STAFF_AUDIT,
    )
