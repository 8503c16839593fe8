"""/organizator/ustawienia and /organizator/zespol (accounts; the audit log is ``pages.staff_audit``)."""

import reflex as rx

from kongres_app import routes
from kongres_app.components import forms
from kongres_app.components.staff import staff_page
from kongres_app.services.congress import SETTING_TEXTS
from kongres_app.services.congress_settings import SETTING_NUMBERS
from kongres_app.states.staff_admin import SettingsState, TeamMember, TeamState

S = SettingsState


def _field(name: str, label: str, **kwargs) -> rx.Component:
    return forms.text_input(
        f"ustawienie-{name}",
        S.values.get(name, ""),
        lambda v: S.set_value(name, v),
        S.errors.get(name, ""),
        label_text=label,
        **kwargs,
    )


def settings_page() -> rx.Component:
    return staff_page(
        rx.heading("Ustawienia kongresu", as_="h1", size="8"),
        rx.box(S.notice, id="komunikat-ustawienia", tab_index=-1, role="status", class_name="notice"),
        rx.cond(
            rx.State.is_hydrated & (S.missing.length() > 0),  # not in the server HTML: loaded values decide
            rx.callout(
                rx.box(
                    rx.text(
                        "Przed publikacją informacji o ochronie danych i deklaracji dostępności uzupełnij poniższe "
                        "dane. Dopóki brakuje danych administratora, inspektora ochrony danych, okresu "
                        "przechowywania, odbiorców i kontaktu z organizatorami, rejestracja jest wstrzymana:",
                        as_="p",
                    ),
                    rx.el.ul(rx.foreach(S.missing, lambda label: rx.el.li(label)), class_name="plain-bullets"),
                ),
                icon="triangle_alert",
                color_scheme="amber",
                high_contrast=True,
                role="status",
                id="brakujace-dane",
                margin_bottom="4",
            ),
        ),
        forms.live_form(
            rx.el.fieldset(
                rx.el.legend("Kongres", class_name="legend"),
                _field("name", "Nazwa", required=True),
                _field("short_name", "Nazwa skrócona", required=True),
                _field("slogan", "Hasło przewodnie"),
                _field("host", "Gospodarz"),
                _field("event_date", "Data", input_type="date", required=True),
                _field("venue_name", "Miejsce", required=True),
                _field("venue_address", "Adres"),
                class_name="form-section",
            ),
            rx.el.fieldset(
                rx.el.legend("Rejestracja i miejsca", class_name="legend"),
                _field("registration_opens_at", "Otwarcie rejestracji", input_type="datetime-local", required=True),
                _field("registration_closes_at", "Zamknięcie rejestracji", input_type="datetime-local", required=True),
                _field("venue_capacity", "Miejsca na sali", required=True),
                *[
                    _field(f"capacity_{n}", f"Miejsca w grupie {r}", required=True)
                    for n, r in ((1, "I"), (2, "II"), (3, "III"), (4, "IV"))
                ],
                class_name="form-section",
            ),
            rx.el.fieldset(
                rx.el.legend("Informacja o ochronie danych (RODO)", class_name="legend"),
                *[_field(key, label, multiline=True) for key, label in SETTING_TEXTS.items()],
                class_name="form-section",
            ),
            rx.el.fieldset(
                rx.el.legend("Tablice grup", class_name="legend"),
                *[_field(key, label, required=True) for key, (label, _default) in SETTING_NUMBERS.items()],
                class_name="form-section",
            ),
            forms.submit_button("Zapisz ustawienia", size="3"),
            on_submit=S.save,
            reset_on_submit=False,
            no_validate=True,
        ),
        active=routes.STAFF_SETTINGS,
    )


def member_row(m: TeamMember) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(m.display_name),
        rx.table.cell(m.username),
        rx.table.cell(m.role, rx.cond(m.group != "", " (grupa " + m.group + ")", "")),
        rx.table.cell(
            rx.button(
                "Nowe hasło",
                size="1",
                variant="soft",
                on_click=TeamState.ask_reset(m.id),
                aria_label="Nowe hasło: " + m.display_name,
            )
        ),
    )


def _input(label: str, name: str, input_type: str = "text", autocomplete: str = "off") -> rx.Component:
    target = f"pole-{name}"
    return rx.box(
        forms.label(label, target, True),
        rx.input(id=target, name=name, type=input_type, size="3", auto_complete=autocomplete),
        class_name="field",
    )


def team_page() -> rx.Component:
    return staff_page(
        rx.heading("Zespół", as_="h1", size="8"),
        rx.box(TeamState.error, id="komunikat-zespol", tab_index=-1, role="alert", class_name="field-error"),
        rx.box(TeamState.notice, role="status", class_name="notice"),
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    *[rx.table.column_header_cell(t, scope="col") for t in ("Osoba", "Login", "Rola", "Działania")]
                )
            ),
            rx.table.body(rx.foreach(TeamState.members, member_row)),
            width="100%",
        ),
        rx.cond(
            TeamState.reset_for != 0,
            forms.live_form(
                rx.box(
                    forms.label("Nowe hasło (co najmniej 12 znaków)", "pole-nowe-haslo", True),
                    rx.input(
                        id="pole-nowe-haslo", name="haslo", type="password", auto_complete="new-password", size="3"
                    ),
                    class_name="field",
                ),
                forms.submit_button("Ustaw hasło"),
                on_submit=TeamState.reset_password,
                reset_on_submit=True,
                class_name="note-form",
            ),
        ),
        forms.live_form(
            rx.heading("Dodaj moderatora grupy", as_="h2", size="5"),
            _input("Login", "login"),
            _input("Imię i nazwisko", "nazwa"),
            rx.box(
                forms.label("Grupa", "pole-grupa", True),
                rx.el.select(
                    *[
                        rx.el.option(f"Grupa {r}", value=str(n))
                        for n, r in ((1, "I"), (2, "II"), (3, "III"), (4, "IV"))
                    ],
                    id="pole-grupa",
                    name="grupa",
                    class_name="native-select",
                ),
                class_name="field",
            ),
            _input("Hasło (co najmniej 12 znaków)", "haslo", "password", "new-password"),
            forms.submit_button("Dodaj moderatora", size="3"),
            on_submit=TeamState.add_facilitator,
            reset_on_submit=True,
            class_name="note-form",
        ),
        rx.text(
            "Kto co zmienił i które próby odrzucono: ",
            rx.link("Dziennik działań", href=routes.STAFF_AUDIT, underline="always"),
            ".",
            as_="p",
            margin_top="5",
        ),
        active=routes.STAFF_TEAM,
    )
