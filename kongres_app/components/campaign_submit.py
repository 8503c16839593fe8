"""The campaign form (organisations via their link, organisers directly) and the organisation's list."""

from typing import Any

import reflex as rx
from reflex.vars import ArrayVar, ObjectVar, Var

from kongres_app.components import forms
from kongres_app.services.campaigns import CATEGORIES, PLATFORMS, CampaignCard
from kongres_app.services.dictionaries import GMINAS
from kongres_app.services.images import MAX_BYTES
from kongres_app.states.campaign_form import UPLOAD_ID
from kongres_app.states.campaign_submit import SUMMARY
from kongres_app.states.campaign_submit import CampaignSubmitState as S
from kongres_app.states.ui import field_id


def _text(state, name: str, label: str, **kwargs) -> rx.Component:
    return forms.text_input(
        field_id(f"campaign.{name}"),
        state.values.get(name, ""),
        lambda v: state.set_value(name, v),
        state.errors.get(name, ""),
        label_text=label,
        **kwargs,
    )


def _select(state, name: str, label: str, options: dict, placeholder: str) -> rx.Component:
    return forms.select_input(
        field_id(f"campaign.{name}"),
        state.values.get(name, ""),
        lambda v: state.set_value(name, v),
        state.errors.get(name, ""),
        list(options.items()),
        label_text=label,
        placeholder=placeholder,
    )


def error_box(state, summary_id: str) -> rx.Component:
    return forms.error_summary(state.error_items, state.form_error, summary_id)


def _rejection_codes(rejected: ArrayVar) -> Var:
    """Only the error codes of files the browser refused: the files themselves would travel to the server as
    binary attachments, over the socket's message limit, and the event would be dropped."""
    return rejected.foreach(
        lambda rejection: (
            rejection.to(ObjectVar, dict[str, Any])["errors"]
            .to(ArrayVar, list[dict[str, Any]])
            .foreach(lambda error: error.to(ObjectVar, dict[str, Any])["code"])
        )
    )


def picture(state) -> rx.Component:
    return rx.box(
        rx.el.p("Zdjęcie (nieobowiązkowe): JPG, PNG lub WebP, najwyżej 2 MB.", class_name="field-label"),
        rx.upload(
            rx.text("Przeciągnij zdjęcie tutaj albo kliknij, aby wybrać plik."),
            id=UPLOAD_ID,
            accept={"image/jpeg": [".jpg", ".jpeg"], "image/png": [".png"], "image/webp": [".webp"]},
            max_files=1,
            max_size=MAX_BYTES,
            on_drop_rejected=lambda rejected: state.picture_rejected(_rejection_codes(rejected)),
            border="2px dashed #7c8798",
            padding="1em",
            border_radius="8px",
        ),
        rx.flex(
            rx.foreach(rx.selected_files(UPLOAD_ID), lambda f: rx.text("Wybrano: ", f, size="2")),
            rx.button(
                "Dodaj zdjęcie",
                type="button",
                variant="outline",
                on_click=state.upload_image(rx.upload_files(upload_id=UPLOAD_ID)),
            ),
            spacing="3",
            align="center",
            margin_top="2",
        ),
        rx.cond(state.image_path != "", rx.text("Zdjęcie dodane.", size="2", role="status")),
        rx.el.p(state.image_error, id=f"{UPLOAD_ID}-blad", class_name="field-error", role="alert"),
        rx.cond(
            state.image_path != "",
            _text(
                state,
                "image_alt",
                "Opis zdjęcia dla osób, które go nie widzą",
                required=True,
                max_length=250,
                hint="Jednym, dwoma zdaniami: co widać na zdjęciu, np. „Wolontariuszki sadzą drzewa przy szkole”.",
            ),
        ),
        class_name="field",
    )


def campaign_fields(state, *, with_organisation: bool) -> list[rx.Component]:
    organisation = (
        [
            _text(state, "org_name", "Organizacja", required=True, max_length=200),
            _select(state, "gmina", "Gmina", GMINAS, "— wybierz gminę —"),
        ]
        if with_organisation
        else []
    )
    return [
        _text(state, "title", "Tytuł zbiórki", required=True, max_length=150),
        *organisation,
        _select(state, "category", "Kategoria", CATEGORIES, "— wybierz kategorię —"),
        _text(state, "blurb", "Jednym zdaniem: na co jest zbiórka", required=True, max_length=200),
        _text(state, "description", "Opis", required=True, multiline=True, hint="Akapity oddziel pustą linią."),
        _select(state, "platform", "Serwis, w którym trwa zbiórka", PLATFORMS, "— wybierz serwis —"),
        _text(
            state,
            "external_url",
            "Adres zbiórki w serwisie",
            required=True,
            input_type="url",
            hint="Np. https://zrzutka.pl/…",
        ),
        _text(state, "goal_pln", "Cel (zł)", hint="Liczba całkowita; 0 lub puste, jeśli zbiórka nie ma celu."),
        _text(state, "raised_pln", "Zebrano do tej pory (zł)"),
        _text(state, "supporters", "Liczba wspierających"),
        _text(state, "starts_on", "Początek zbiórki", required=True, input_type="date"),
        _text(state, "ends_on", "Koniec zbiórki", required=True, input_type="date"),
        _text(
            state,
            "progress_source_url",
            "Adres danych o postępie (JSON)",
            input_type="url",
            hint="Jeśli serwis udostępnia dane zbiórki w formacie JSON, będziemy je odświeżać automatycznie.",
        ),
        picture(state),
        forms.checkbox_input(
            field_id("campaign.hide_amounts"),
            state.hide_amounts,
            state.set_hide_amounts,
            "",
            "Nie pokazuj kwot publicznie (tylko procent celu i liczba wspierających).",
            required=False,
        ),
    ]


def my_campaign(card: ObjectVar[CampaignCard]) -> rx.Component:
    return rx.el.li(
        rx.text(rx.el.strong(card.title), " — ", card.status_label, as_="p"),
        rx.cond(
            card.rejection_reason != "",
            rx.text("Uzasadnienie organizatorów: ", card.rejection_reason, as_="p", size="2"),
        ),
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
        rx.cond(
            S.open,
            forms.live_form(
                error_box(S, SUMMARY),
                *campaign_fields(S, with_organisation=False),
                forms.submit_button("Zgłoś zbiórkę", size="3"),
                on_submit=S.submit,
                reset_on_submit=False,
                no_validate=True,
                aria_label="Zgłoszenie zbiórki",
            ),
        ),
        margin_top="6",
    )
