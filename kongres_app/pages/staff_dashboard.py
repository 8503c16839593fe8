"""/organizator: live tiles, registrations over time, the latest registrations."""

import reflex as rx
from reflex.vars import ObjectVar

from kongres_app import routes
from kongres_app.components import forms
from kongres_app.components.layout import loading
from kongres_app.components.staff import staff_page, tile
from kongres_app.services.organiser import Dashboard, GroupTile, RecentRegistration
from kongres_app.states.announcements import AnnouncementAdminState, AnnouncementState
from kongres_app.states.dashboard import DashboardState


def group_tile(g: GroupTile) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.text(g.label, weight="bold"),
            rx.text(g.places_label, as_="p", size="5"),
            rx.progress(value=g.percent, max=100, aria_label="Zajęte miejsca: " + g.label),
            rx.text("Lista rezerwowa: ", g.waiting, as_="p", size="2"),
        )
    )


def recent_row(r: RecentRegistration) -> rx.Component:
    return rx.table.row(
        rx.table.cell(r.org_name), rx.table.cell(r.gmina), rx.table.cell(r.delegates), rx.table.cell(r.at)
    )


def chart() -> rx.Component:
    return rx.recharts.line_chart(
        rx.recharts.line(data_key="Zarejestrowane organizacje", stroke="#0b3d91", stroke_width=3),
        rx.recharts.x_axis(data_key="dzień"),
        rx.recharts.y_axis(allow_decimals=False),
        rx.recharts.cartesian_grid(stroke_dasharray="3 3"),
        rx.recharts.graphing_tooltip(),
        data=DashboardState.chart,
        width="100%",
        height=260,
    )


def dashboard_content() -> rx.Component:
    # The field's real Var type: mypy reads a dataclass field on its state as an ArrayVar. Same JavaScript.
    d = DashboardState.data.to(ObjectVar, Dashboard)
    return rx.fragment(
        rx.el.div(
            tile("Organizacje", d.organisations),
            tile("Osoby z potwierdzonym miejscem", d.confirmed),
            tile("Lista rezerwowa", d.waiting),
            tile("Obecność na sali", rx.text(d.checked_in, " z ", d.confirmed)),
            tile("Miejsca na sali", d.venue_capacity),
            class_name="tile-grid",
            aria_live="polite",
        ),
        rx.heading("Notatki na tablicach", as_="h2", size="5", margin_top="5"),
        rx.el.div(rx.foreach(d.notes, lambda n: tile(n[0], n[1])), class_name="tile-grid", aria_live="polite"),
        rx.heading("Grupy tematyczne", as_="h2", size="5", margin_top="5"),
        rx.el.ul(rx.foreach(d.groups, group_tile), class_name="card-grid"),
        rx.heading("Rejestracje w czasie (łącznie)", as_="h2", size="5", margin_top="5"),
        rx.cond(
            d.timeline.length() > 0,
            rx.fragment(
                rx.box(
                    chart(), role="img", aria_label="Wykres: łączna liczba zarejestrowanych organizacji dzień po dniu"
                ),
                rx.text("Łącznie zarejestrowanych organizacji: ", DashboardState.chart_total, as_="p"),
            ),
            rx.text("Brak rejestracji.", as_="p"),
        ),
        rx.heading("Ostatnie rejestracje", as_="h2", size="5", margin_top="5"),
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell("Organizacja"),
                    rx.table.column_header_cell("Gmina"),
                    rx.table.column_header_cell("Osób"),
                    rx.table.column_header_cell("Kiedy"),
                )
            ),
            rx.table.body(rx.foreach(d.recent, recent_row)),
            width="100%",
        ),
        rx.heading("Uczestnicy według gmin", as_="h2", size="5", margin_top="5"),
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell("Gmina"),
                    rx.table.column_header_cell("Organizacje"),
                    rx.table.column_header_cell("Osoby z miejscem"),
                )
            ),
            rx.table.body(
                rx.foreach(
                    d.gminas, lambda g: rx.table.row(rx.table.cell(g[0]), rx.table.cell(g[1]), rx.table.cell(g[2]))
                )
            ),
            width="100%",
        ),
    )


def announcement_form() -> rx.Component:
    a = AnnouncementAdminState
    return forms.live_form(
        rx.heading("Ogłoszenie na żywo", as_="h2", size="5"),
        rx.text(
            "Pojawi się od razu na każdej otwartej stronie kongresu, aż minie czas albo je wycofasz.", as_="p", size="2"
        ),
        forms.text_input(
            "pole-ogloszenie", a.text, a.set_text, a.error, label_text="Treść ogłoszenia", required=True, max_length=200
        ),
        rx.box(
            rx.el.label("Jak długo wyświetlać", html_for="pole-minuty", class_name="field-label"),
            rx.el.select(
                *[
                    rx.el.option(label, value=str(m))
                    for m, label in (
                        (5, "5 minut"),
                        (15, "15 minut"),
                        (30, "30 minut"),
                        (60, "1 godzinę"),
                        (240, "4 godziny"),
                    )
                ],
                id="pole-minuty",
                value=a.minutes,
                on_change=a.set_minutes,
                class_name="native-select",
            ),
            class_name="field",
        ),
        forms.submit_button("Wyślij ogłoszenie", size="3"),
        rx.box(a.notice, id="komunikat-ogloszenie", tab_index=-1, role="status", class_name="notice"),
        on_submit=a.publish,
        reset_on_submit=False,
    )


def live_announcements() -> rx.Component:
    """What is on screen now, each with its own "Wycofaj": in the form's box but outside the form itself,
    so withdrawing never sends it."""
    return rx.cond(
        AnnouncementState.items.length() > 0,
        rx.box(
            rx.heading("Wyświetlane teraz", as_="h3", size="3", id="ogloszenia-teraz"),
            rx.el.ul(
                rx.foreach(
                    AnnouncementState.items,
                    lambda item: rx.el.li(
                        rx.text(item.time, "–", item.until, ": ", item.text, " "),
                        rx.button(
                            "Wycofaj",
                            type="button",
                            size="1",
                            variant="soft",
                            color_scheme="red",
                            aria_label="Wycofaj ogłoszenie: " + item.text.to(str),
                            on_click=AnnouncementAdminState.withdraw(item.id),
                        ),
                    ),
                ),
                aria_labelledby="ogloszenia-teraz",
                class_name="plain-bullets",
            ),
            margin_top="2",
        ),
    )


def staff_dashboard() -> rx.Component:
    return staff_page(
        rx.heading("Pulpit organizatora", as_="h1", size="8", margin_bottom="4"),
        rx.text("Liczby zmieniają się na bieżąco, bez odświeżania strony.", as_="p", margin_bottom="3"),
        rx.box(announcement_form(), live_announcements(), class_name="note-form"),
        rx.cond(DashboardState.loaded, dashboard_content(), loading()),
        active=routes.STAFF_HOME,
    )
