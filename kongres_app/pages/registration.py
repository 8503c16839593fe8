"""/rejestracja: the organisation's registration form (or why it is closed)."""

import reflex as rx

from kongres_app import routes
from kongres_app.components import congress as parts
from kongres_app.components import forms
from kongres_app.components import registration_form as form
from kongres_app.components.layout import loading, page
from kongres_app.components.privacy import privacy_summary
from kongres_app.states.congress import CongressState
from kongres_app.states.link_delivery import LinkDeliveryState
from kongres_app.states.registration import RegistrationState

DELIVERY = LinkDeliveryState.delivery


def duplicate_offer() -> rx.Component:
    return rx.cond(
        RegistrationState.duplicate,
        rx.callout(
            rx.text(
                "Ta organizacja lub ten adres e-mail są już zarejestrowane. Zmiany wprowadzisz przez osobisty "
                "link do zarządzania rejestracją. ",
                rx.link(DELIVERY.duplicate_offer, href=routes.RESEND_LINK, underline="always"),
            ),
            icon="info",
            margin_bottom="4",
            high_contrast=True,
        ),
    )


def registration_form() -> rx.Component:
    return forms.live_form(
        forms.error_summary(RegistrationState.error_items, RegistrationState.form_error),
        duplicate_offer(),
        rx.text("Pola oznaczone „(wymagane)” trzeba wypełnić.", as_="p", margin_bottom="3"),
        form.organisation_fields(RegistrationState),
        form.contact_fields(RegistrationState, DELIVERY.email_hint),
        form.delegate_fields(RegistrationState),
        form.consent_fields(RegistrationState),
        privacy_summary(),
        rx.text(DELIVERY.before_submit, as_="p", id="po-wyslaniu", margin_top="4", weight="medium"),
        forms.submit_button("Wyślij zgłoszenie", size="4", margin_top="2", aria_describedby="po-wyslaniu"),
        on_submit=RegistrationState.submit,
        reset_on_submit=False,
        no_validate=True,
        aria_label="Formularz rejestracji organizacji",
    )


def closed_notice() -> rx.Component:
    edition = CongressState.edition
    return rx.callout(
        rx.match(
            edition.registration_status,
            (
                "before",
                rx.text("Rejestracja jeszcze się nie rozpoczęła. Ruszy ", edition.registration_opens_label, "."),
            ),
            (
                "unready",
                rx.text(
                    "Rejestracja jeszcze nie ruszyła: organizatorzy uzupełniają informację o ochronie danych "
                    "osobowych, którą musisz poznać przed podaniem danych. Zajrzyj tu za jakiś czas."
                ),
            ),
            rx.text(
                "Rejestracja zakończyła się ",
                edition.registration_closes_label,
                ". Jeśli Twoja organizacja jest zarejestrowana, zmiany i rezygnacje zgłosisz przez link do zarządzania rejestracją.",
            ),
        ),
        icon="calendar-x",
        role="status",
        high_contrast=True,
    )


def registration() -> rx.Component:
    return page(
        rx.heading("Rejestracja organizacji", as_="h1", size="8"),
        parts.edition_content(
            rx.text("Zarejestruj organizację na ", CongressState.edition.name, ".", as_="p", margin_top="3"),
            rx.text(DELIVERY.intro, as_="p", margin_bottom="3"),
            rx.text(
                "Masz już rejestrację? ",
                rx.link("Nie mam linku do zarządzania rejestracją", href=routes.RESEND_LINK, underline="always"),
                as_="p",
                margin_bottom="4",
            ),
            rx.cond(
                LinkDeliveryState.loaded,
                rx.cond(CongressState.registration_open, registration_form(), closed_notice()),
                loading(),
            ),
        ),
        active=routes.REGISTRATION,
    )
