"""The organisation's own campaigns and the submission form, on its management page."""

import reflex as rx

from kongres_app.components import forms
from kongres_app.services.campaigns import CATEGORIES, PLATFORMS, CampaignCard
from kongres_app.states.campaign_submit import CampaignSubmitState as S
from kongres_app.states.registration_form import field_id


def _text(name: str, label: str, **kwargs) -> rx.Component:
    return forms.text_input(
        field_id(f"campaign.{name}"),
        S.values.get(name, ""),
        lambda v: S.set_value(name, v),
        S.errors.get(name, ""),
        label_text=label,
        **kwargs,
    )


def _select(name: str, label: str, options: dict, placeholder: str) -> rx.Component:
    return forms.select_input(
        field_id(f"campaign.{name}"),
        S.values.get(name, ""),
        lambda v: S.set_value(name, v),
        S.errors.get(name, ""),
        list(options.items()),
        label_text=label,
        placeholder=placeholder,
    )


def my_campaign(card: CampaignCard) -> rx.Component:
    return rx.el.li(
        rx.text(rx.el.strong(card.title), " — ", card.status_label, as_="p"),
        rx.cond(
            card.rejection_reason != "",
            rx.text("Uzasadnienie organizatorów: ", card.rejection_reason, as_="p", size="2"),
        ),
    )


def submission_form() -> rx.Component:
    return rx.form(
        rx.box(
            rx.cond(
                S.form_error != "",
                rx.box(
                    rx.text(S.form_error, as_="p", weight="bold"),
                    rx.el.ul(
                        rx.foreach(S.error_items, lambda i: rx.el.li(rx.el.a(i.message, href="#" + i.target))),
                        class_name="plain-bullets",
                    ),
                    class_name="error-summary",
                ),
            ),
            id="podsumowanie-bledow-zbiorki",
            tab_index=-1,
            role="alert",
        ),
        _text("title", "Tytuł zbiórki", required=True, max_length=150),
        _select("category", "Kategoria", CATEGORIES, "— wybierz kategorię —"),
        _text("blurb", "Jednym zdaniem: na co zbieracie", required=True, max_length=200),
        _text("description", "Opis", required=True, multiline=True, hint="Akapity oddziel pustą linią."),
        _select("platform", "Serwis, w którym trwa zbiórka", PLATFORMS, "— wybierz serwis —"),
        _text(
            "external_url", "Adres zbiórki w serwisie", required=True, input_type="url", hint="Np. https://zrzutka.pl/…"
        ),
        _text(
            "goal_pln", "Cel (zł)", hint="Liczba całkowita; 0 lub puste, jeśli zbiórka nie ma celu.", input_type="text"
        ),
        _text("raised_pln", "Zebrano do tej pory (zł)", input_type="text"),
        _text("supporters", "Liczba wspierających", input_type="text"),
        _text("starts_on", "Początek zbiórki", required=True, input_type="date"),
        _text("ends_on", "Koniec zbiórki", required=True, input_type="date"),
        _text(
            "progress_source_url",
            "Adres danych o postępie (JSON)",
            input_type="url",
            hint="Jeśli serwis udostępnia dane zbiórki w formacie JSON, będziemy je odświeżać automatycznie.",
        ),
        forms.checkbox_input(
            field_id("campaign.hide_amounts"),
            S.hide_amounts,
            S.set_hide_amounts,
            "",
            "Nie pokazuj kwot publicznie (tylko procent celu i liczba wspierających).",
            required=False,
        ),
        rx.button("Zgłoś zbiórkę", type="submit", size="3"),
        on_submit=S.submit,
        reset_on_submit=False,
        no_validate=True,
        aria_label="Zgłoszenie zbiórki",
    )


def campaigns_section() -> rx.Component:
    return rx.el.section(
        rx.heading("Zbiórka społecznościowa w witrynie kongresu", as_="h2", size="6"),
        rx.text(
            "Prowadzicie zbiórkę w internecie? Zgłoście ją: po sprawdzeniu przez organizatorów pojawi się w witrynie.",
            as_="p",
            margin_y="2",
        ),
        rx.box(S.notice, id="komunikat-zbiorki-org", tab_index=-1, role="status", class_name="notice"),
        rx.cond(S.mine.length() > 0, rx.el.ul(rx.foreach(S.mine, my_campaign), class_name="plain-bullets")),
        rx.button(
            rx.cond(S.open, "Zamknij formularz zbiórki", "Zgłoś zbiórkę"),
            variant="outline",
            on_click=S.toggle,
            aria_expanded=rx.cond(S.open, "true", "false"),
            margin_y="3",
        ),
        rx.cond(S.open, submission_form()),
        margin_top="6",
    )
