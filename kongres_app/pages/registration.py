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


def neutral_answer() -> rx.Component:
    """Mail off, and the form could not take this registration: the same words whatever the reason."""
    return rx.cond(
        RegistrationState.duplicate,
        rx.callout(
            rx.el.span(  # the callout is a <p> already: a <p> inside it breaks the prerendered page
                "Tego zgłoszenia nie możemy przyjąć przez formularz. Skontaktuj się z organizatorami kongresu i podaj "
                "nazwę organizacji oraz adres e-mail osoby do kontaktu: ",
                RegistrationState.organiser_contact,
                ". Jeśli Wasza organizacja ma już rejestrację, zmiany wprowadzisz przez link do zarządzania "
                "rejestracją. ",
                rx.link(DELIVERY.duplicate_offer, href=routes.RESEND_LINK, underline="always"),
            ),
            icon="info",
            role="status",
            id="odpowiedz-formularza",
            margin_bottom="4",
            high_contrast=True,
        ),
    )


def check_mailbox() -> rx.Component:
    """After a registration awaiting its e-mail confirmation (and, alike, after a duplicate)."""
    return rx.box(
        rx.heading("Sprawdź skrzynkę e-mail", as_="h2", size="6", id="sprawdz-skrzynke", tab_index=-1),
        rx.text(
            "Wysłaliśmy wiadomość na adres ",
            rx.text.strong(RegistrationState.sent_to),
            ".",
            rx.cond(
                RegistrationState.confirm_hours_label != "",
                rx.fragment(
                    " Otwórz link z tej wiadomości, aby potwierdzić zgłoszenie – masz na to ",
                    RegistrationState.confirm_hours_label,
                    ". Dopiero wtedy zgłoszone osoby dostaną miejsca; niepotwierdzone zgłoszenie zostanie potem "
                    "anulowane.",
                ),
                " Sprawdź ją, zanim wyślesz zgłoszenie ponownie.",
            ),
            as_="p",
            margin_top="3",
        ),
        rx.text(
            "Nie widzisz wiadomości? Zajrzyj do folderu spam albo ",
            rx.link("poproś o link jeszcze raz", href=routes.RESEND_LINK, underline="always"),
            ".",
            as_="p",
            margin_top="3",
        ),
        rx.button("Wypełnij nowe zgłoszenie", on_click=RegistrationState.start_over, margin_top="4", variant="outline"),
        role="status",
        id="potwierdzenie-wyslane",
    )


def registration_form() -> rx.Component:
    return forms.live_form(
        forms.error_summary(RegistrationState.error_items, RegistrationState.form_error),
        neutral_answer(),
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
                rx.el.span("Rejestracja jeszcze się nie rozpoczęła. Ruszy ", edition.registration_opens_label, "."),
            ),
            (
                "unready",
                rx.el.span(
                    "Rejestracja jeszcze nie ruszyła: organizatorzy uzupełniają informację o ochronie danych "
                    "osobowych, którą musisz poznać przed podaniem danych. Zajrzyj tu za jakiś czas."
                ),
            ),
            rx.el.span(
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
                rx.cond(
                    CongressState.registration_open,
                    rx.cond(RegistrationState.sent_to != "", check_mailbox(), registration_form()),
                    closed_notice(),
                ),
                loading(),
            ),
        ),
        active=routes.REGISTRATION,
    )
