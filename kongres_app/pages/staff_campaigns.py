"""/organizator/zbiorki."""

import reflex as rx
from reflex.vars import ObjectVar

from kongres_app import routes
from kongres_app.components import forms
from kongres_app.components.campaign_submit import campaign_fields, error_box
from kongres_app.components.campaigns import figures
from kongres_app.components.staff import staff_page
from kongres_app.services.campaigns import CampaignCard
from kongres_app.states.staff_campaign_form import SUMMARY
from kongres_app.states.staff_campaign_form import StaffCampaignFormState as F
from kongres_app.states.staff_campaigns import StaffCampaignsState as S

STATUSES = [
    ("zgloszona", "Zgłoszone (do sprawdzenia)"),
    ("opublikowana", "Opublikowane"),
    ("odrzucona", "Odrzucone"),
    ("", "Wszystkie"),
]


def reject_form(card: ObjectVar[CampaignCard]) -> rx.Component:
    return rx.box(
        rx.el.label(
            "Uzasadnienie (zobaczy je organizacja)", html_for="powod-" + card.id.to_string(), class_name="field-label"
        ),
        rx.text_area(id="powod-" + card.id.to_string(), value=S.reason, on_change=S.set_reason, rows="2"),
        rx.flex(
            rx.button("Odrzuć zbiórkę", color_scheme="red", on_click=S.reject),
            rx.button("Anuluj", variant="soft", on_click=S.keep),
            spacing="2",
            margin_top="2",
        ),
    )


def campaign_row(card: ObjectVar[CampaignCard]) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.heading(card.title, as_="h2", size="4"),
            rx.text(card.org_name, " · ", card.status_label, " · ", card.platform_label, as_="p", size="2"),
            rx.link(card.external_url, href=card.external_url, is_external=True, underline="always", size="2"),
            rx.text(card.blurb, as_="p", margin_y="2"),
            figures(card),
            rx.cond(
                card.last_error != "",
                rx.text("Błąd pobierania danych: ", card.last_error, as_="p", class_name="field-error"),
            ),
            rx.cond(
                card.rejection_reason != "", rx.text("Powód odrzucenia: ", card.rejection_reason, as_="p", size="2")
            ),
            rx.cond(
                S.rejecting == card.id,
                reject_form(card),
                rx.flex(
                    rx.cond(
                        (card.status == "zgloszona") | (card.status == "odrzucona"),
                        rx.button(
                            "Opublikuj", on_click=S.approve(card.id), aria_label="Opublikuj: " + card.title.to(str)
                        ),
                    ),
                    rx.cond(
                        (card.status == "zgloszona") | (card.status == "opublikowana"),
                        rx.button(
                            "Odrzuć",
                            variant="soft",
                            color_scheme="red",
                            on_click=S.ask_reject(card.id),
                            aria_label="Odrzuć: " + card.title.to(str),
                        ),
                    ),
                    rx.button(
                        "Edytuj", variant="soft", on_click=F.edit(card.id), aria_label="Edytuj: " + card.title.to(str)
                    ),
                    rx.button(
                        "Pobierz aktualne dane",
                        variant="outline",
                        loading=S.busy == card.id,
                        on_click=S.refresh(card.id),
                        aria_label="Pobierz aktualne dane: " + card.title.to(str),
                    ),
                    spacing="2",
                    wrap="wrap",
                    margin_top="3",
                ),
            ),
        )
    )


def campaign_form() -> rx.Component:
    return rx.box(
        rx.box(F.notice, id="komunikat-zbiorka-org", tab_index=-1, role="status", class_name="notice"),
        rx.cond(
            F.open,
            forms.live_form(
                rx.heading(rx.cond(F.editing_id != 0, "Edycja zbiórki", "Nowa zbiórka"), as_="h2", size="6"),
                error_box(F, SUMMARY),
                *campaign_fields(F, with_organisation=True),
                rx.flex(
                    forms.submit_button("Zapisz zbiórkę", size="3"),
                    rx.button("Zamknij", type="button", variant="soft", size="3", on_click=F.close),
                    spacing="3",
                ),
                on_submit=F.save,
                reset_on_submit=False,
                no_validate=True,
                class_name="note-form",
            ),
            rx.button("Dodaj zbiórkę", on_click=F.new, variant="outline", margin_y="3"),
        ),
    )


def staff_campaigns() -> rx.Component:
    return staff_page(
        rx.heading("Zbiórki: zgłoszenia i publikacja", as_="h1", size="8"),
        campaign_form(),
        rx.box(
            rx.el.label("Pokaż", html_for="zbiorki-status", class_name="field-label"),
            rx.el.select(
                *[rx.el.option(text, value=code) for code, text in STATUSES],
                id="zbiorki-status",
                value=S.status,
                on_change=S.set_status,
                class_name="native-select",
            ),
            max_width="24rem",
            margin_y="3",
        ),
        rx.box(S.notice, id="komunikat-zbiorki", tab_index=-1, role="status", class_name="notice"),
        rx.cond(
            S.cards.length() > 0,
            rx.el.ul(rx.foreach(S.cards, campaign_row), class_name="stack-list"),
            rx.text("Brak zbiórek w tym widoku.", as_="p"),
        ),
        active=routes.STAFF_CAMPAIGNS,
    )
