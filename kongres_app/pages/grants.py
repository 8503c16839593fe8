"""/konkursy and /organizator/konkursy."""

import reflex as rx
from reflex.vars import ObjectVar

from kongres_app import routes
from kongres_app.components import forms
from kongres_app.components.layout import loading, page
from kongres_app.components.links import file_link
from kongres_app.components.staff import staff_page
from kongres_app.services.grants import TEXT_FIELDS, GrantView
from kongres_app.states.grants import REASON_FIELD, GrantsState
from kongres_app.states.grants import GrantAdminState as A
from kongres_app.states.ui import field_id


def _facts(g: ObjectVar[GrantView]) -> rx.Component:
    def row(title: str, value) -> rx.Component:
        return rx.fragment(rx.el.dt(title), rx.el.dd(value, class_name="pre-line"))

    return rx.el.dl(
        row("Rodzaj zadania publicznego", g.public_task),
        row("Środki przeznaczone na zadanie", g.funds),
        row("Zasady przyznawania dotacji", g.award_rules),
        row("Terminy i warunki realizacji zadania", g.execution_terms),
        row("Termin składania ofert", g.deadline),
        rx.cond(g.short_notice_reason != "", row("Podstawa prawna krótszego terminu", g.short_notice_reason)),
        row("Tryb i kryteria wyboru ofert", g.selection_procedure),
        row("Termin wyboru ofert", rx.cond(g.selection_date != "", g.selection_date, "brak danych")),
        row(TEXT_FIELDS["same_kind_tasks"][0], rx.cond(g.same_kind_tasks != "", g.same_kind_tasks, "brak danych")),
        row("Dotacje przekazane organizacjom na takie zadania w tym roku", g.granted_this_year),
        row("Dotacje przekazane organizacjom na takie zadania w ubiegłym roku", g.granted_last_year),
        class_name="definition-list",
    )


def grant_card(g: ObjectVar[GrantView]) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.flex(
                rx.badge(
                    rx.cond(g.is_open, "Nabór trwa", "Nabór zakończony"),
                    color_scheme=rx.cond(g.is_open, "green", "gray"),
                    high_contrast=True,
                ),
                rx.text(g.days_left, weight="bold"),
                spacing="3",
                align="center",
            ),
            rx.heading(g.title, as_="h2", size="5", margin_top="2"),
            _facts(g),
            rx.flex(
                rx.link("Złóż ofertę", href=g.offers_url, is_external=True, underline="always"),
                rx.cond(
                    g.bip_url != "",
                    rx.link("Ogłoszenie w BIP", href=g.bip_url, is_external=True, underline="always"),
                ),
                file_link(
                    "Przypomnienie o terminie (.ics)",
                    "/api/konkursy/" + g.id.to_string() + "/termin.ics",
                    filename="termin-konkursu.ics",
                ),
                spacing="4",
                margin_top="3",
                wrap="wrap",
            ),
        )
    )


def grants_page() -> rx.Component:
    return page(
        rx.heading("Otwarte konkursy ofert", as_="h1", size="8"),
        rx.text(
            "Konkursy, w których organizacje pozarządowe mogą otrzymać dotacje powiatu na zadania publiczne. "
            "Każde ogłoszenie podaje informacje, które wymienia art. 13 ust. 2 ustawy o działalności pożytku "
            "publicznego i o wolontariacie: formularz organizatorów nie pozwala zapisać konkursu bez nich. "
            "Wiążąca jest treść ogłoszenia w Biuletynie Informacji Publicznej i na tablicy ogłoszeń starostwa; "
            "termin składania ofert liczy się od tego ogłoszenia.",
            as_="p",
            margin_y="3",
        ),
        rx.cond(
            GrantsState.loaded,
            rx.cond(
                GrantsState.items.length() > 0,
                rx.el.ul(rx.foreach(GrantsState.items, grant_card), class_name="stack-list"),
                rx.text(
                    "Nie ma teraz ogłoszonych konkursów. Zajrzyj tu ponownie albo zapytaj organizatorów.",
                    as_="p",
                    role="status",
                ),
            ),
            loading(),
        ),
        active=routes.GRANTS,
    )


def _text(name: str, label: str, **kwargs) -> rx.Component:
    return forms.text_input(
        field_id(f"grant.{name}"),
        A.values.get(name, ""),
        lambda v: A.set_value(name, v),
        A.errors.get(name, ""),
        label_text=label,
        **kwargs,
    )


def reason_form(g: ObjectVar[GrantView]) -> rx.Component:
    """Opens under a competition whose publication was refused for a short deadline."""
    return forms.live_form(
        forms.text_input(
            REASON_FIELD,
            A.reason,
            A.set_reason,
            A.reason_error,
            label_text="Podstawa prawna krótszego terminu",
            required=True,
            max_length=1000,
            hint="Przepis, który pozwala ogłosić konkurs z terminem krótszym niż 21 dni. "
            "Pokażemy go na stronie konkursu obok terminu składania ofert.",
        ),
        rx.flex(
            forms.submit_button("Opublikuj", aria_label="Opublikuj: " + g.title.to(str)),
            rx.button("Anuluj", type="button", variant="soft", on_click=A.cancel_reason),
            spacing="2",
        ),
        on_submit=A.publish_with_reason,
        reset_on_submit=False,
        margin_top="2",
    )


def admin_row(g: ObjectVar[GrantView]) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.heading(g.title, as_="h2", size="4"),
            rx.text("Termin: ", g.deadline, " · ", g.days_left, as_="p", size="2"),
            rx.cond(
                g.short_notice_reason != "",
                rx.text("Podstawa prawna krótszego terminu: ", g.short_notice_reason, as_="p", size="2"),
            ),
            rx.cond(
                g.published,
                rx.text("Opublikowano ", g.published_on, as_="p", size="2"),
                rx.cond(
                    A.reason_for == g.id.to_string(),
                    reason_form(g),  # its error says what the warning would, and more
                    rx.fragment(
                        rx.cond(
                            g.short_notice,
                            rx.text(
                                "Uwaga: termin składania ofert przypada wcześniej niż 21 dni od dziś (ustawa wymaga "
                                "co najmniej 21 dni od ogłoszenia). Przy publikacji dziś najwcześniejszy termin to ",
                                g.earliest_deadline,
                                " Opublikować można tylko z podaną podstawą prawną krótszego terminu.",
                                as_="p",
                                class_name="field-error",
                            ),
                        ),
                        rx.button(
                            "Opublikuj",
                            on_click=A.publish(g.id),
                            aria_label="Opublikuj: " + g.title.to(str),
                            margin_top="2",
                        ),
                    ),
                ),
            ),
        )
    )


def grants_admin() -> rx.Component:
    return staff_page(
        rx.heading("Konkursy ofert", as_="h1", size="8"),
        rx.box(A.notice, id="komunikat-konkursy", tab_index=-1, role="status", class_name="notice"),
        rx.el.ul(rx.foreach(A.items, admin_row), class_name="stack-list"),
        forms.live_form(
            rx.heading("Nowy konkurs", as_="h2", size="6", margin_top="5"),
            forms.error_summary(A.error_items, A.form_error, "podsumowanie-bledow-konkurs"),
            _text("title", TEXT_FIELDS["title"][0], required=True, max_length=200),
            _text("public_task", TEXT_FIELDS["public_task"][0], required=True, multiline=True),
            _text("funds_pln", "Środki przeznaczone na zadanie (zł)", required=True),
            _text("award_rules", TEXT_FIELDS["award_rules"][0], required=True, multiline=True),
            _text("execution_terms", TEXT_FIELDS["execution_terms"][0], required=True, multiline=True),
            _text("offer_deadline", "Termin składania ofert", required=True, input_type="datetime-local"),
            _text("selection_procedure", TEXT_FIELDS["selection_procedure"][0], required=True, multiline=True),
            _text("selection_date", "Termin wyboru ofert", required=True, input_type="date"),
            _text(
                "same_kind_tasks",
                TEXT_FIELDS["same_kind_tasks"][0],
                required=True,
                multiline=True,
                hint="Art. 13 ust. 2 pkt 7 ustawy: jakie zadania publiczne tego rodzaju powiat zrealizował "
                "w roku ogłoszenia i w roku poprzednim i ile kosztowały.",
            ),
            _text("granted_this_year_pln", "Dotacje przekazane organizacjom na takie zadania w tym roku (zł)"),
            _text("granted_last_year_pln", "Dotacje przekazane organizacjom na takie zadania w ubiegłym roku (zł)"),
            _text("offers_url", "Adres, pod którym składa się oferty", required=True, input_type="url"),
            _text(
                "bip_url",
                "Adres ogłoszenia w Biuletynie Informacji Publicznej",
                required=True,
                input_type="url",
                hint="Opublikuj konkurs tutaj w dniu ogłoszenia w BIP i na tablicy ogłoszeń: od tego dnia "
                "liczymy 21 dni do terminu składania ofert.",
            ),
            forms.submit_button("Zapisz konkurs", size="3"),
            on_submit=A.create,
            reset_on_submit=False,
            no_validate=True,
        ),
        active=routes.STAFF_GRANTS,
    )
