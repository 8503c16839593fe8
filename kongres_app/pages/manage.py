"""/rejestracja/zarzadzanie?klucz=…: the registration's own page (also the confirmation)."""

import reflex as rx

from kongres_app import routes
from kongres_app.components import forms
from kongres_app.components import registration_form as form
from kongres_app.components.board_withdrawal import notes_question
from kongres_app.components.campaign_submit import campaigns_section
from kongres_app.components.layout import loading, page
from kongres_app.components.links import file_link
from kongres_app.models import DelegateStatus
from kongres_app.services.registration_views import DelegateView
from kongres_app.states.congress import CongressState
from kongres_app.states.link_delivery import LinkDeliveryState
from kongres_app.states.manage import ManageState

PRINT_SCRIPT = "window.print()"


def status_badge(d: DelegateView) -> rx.Component:
    return rx.cond(
        d.status == DelegateStatus.CONFIRMED,
        rx.badge(
            rx.icon("circle-check", size=14, aria_hidden="true"),
            "Miejsce potwierdzone",
            color_scheme="green",
            size="2",
            high_contrast=True,
        ),
        rx.badge(
            rx.icon("hourglass", size=14, aria_hidden="true"),
            f"Lista rezerwowa: miejsce {d.waitlist_position} w kolejce",
            color_scheme="amber",
            size="2",
            high_contrast=True,
        ),
    )


def cancel_controls(d: DelegateView) -> rx.Component:
    return rx.cond(
        ManageState.confirm_delegate == d.id,
        rx.box(
            rx.text(f"Na pewno anulować udział: {d.full_name}?", weight="bold", as_="p"),
            notes_question(
                f"notatki-{d.id}",
                "Notatki tej osoby na tablicy jej grupy, jeśli są",
                ManageState.set_notes_choice,
            ),
            rx.flex(
                rx.button(
                    "Tak, anuluj udział",
                    id=f"potwierdz-{d.id}",
                    color_scheme="red",
                    on_click=ManageState.do_cancel_delegate,
                ),
                rx.button("Nie", variant="soft", on_click=ManageState.keep),
                spacing="2",
                align="center",
                wrap="wrap",
            ),
        ),
        rx.button(
            "Anuluj udział tej osoby",
            variant="soft",
            color_scheme="red",
            on_click=ManageState.ask_cancel_delegate(d.id),
            aria_label=f"Anuluj udział tej osoby: {d.full_name}",
        ),
    )


def delegate_card(d: DelegateView) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.flex(
                rx.box(
                    rx.heading(d.full_name, as_="h3", size="5"),
                    rx.text(d.group_label, as_="p"),
                    rx.box(status_badge(d), margin_y="2"),
                    rx.cond(
                        d.promoted,
                        rx.text(
                            "Miejsce z listy rezerwowej: zwolniło się po czyjejś rezygnacji.",
                            as_="p",
                            weight="medium",
                        ),
                    ),
                    rx.text("Kod wejścia: ", rx.el.strong(d.code_display, class_name="code"), as_="p", size="4"),
                    rx.cond(
                        d.accessibility_needs != "",
                        rx.text("Potrzeby: ", d.accessibility_needs, as_="p", class_name="pre-line"),
                    ),
                    rx.text(
                        "Zgoda na zdjęcia: ",
                        rx.cond(d.image_consent, "tak", "nie"),
                        " (decyduje ta osoba po wpisaniu kodu na stronie „Mój kongres”)",
                        as_="p",
                        size="2",
                    ),
                    rx.box(cancel_controls(d), margin_top="3"),
                    flex="1",
                ),
                rx.image(
                    src=d.qr_svg_uri,
                    alt=f"Kod QR z kodem wejścia {d.code_display}",
                    width="148px",
                    height="148px",
                ),
                spacing="4",
                wrap="wrap",
            ),
        )
    )


def summary() -> rx.Component:
    r = ManageState.registration
    return rx.box(
        rx.heading("Organizacja", as_="h2", size="6"),
        rx.el.dl(
            rx.el.dt("Nazwa"),
            rx.el.dd(r.org_name),
            rx.el.dt("Forma prawna"),
            rx.el.dd(r.legal_form_label),
            rx.el.dt("KRS"),
            rx.el.dd(rx.cond(r.krs != "", r.krs, "—")),
            rx.el.dt("Gmina"),
            rx.el.dd(r.gmina_label),
            rx.el.dt("Osoba do kontaktu"),
            rx.el.dd(r.contact_name, ", ", r.email, rx.cond(r.phone != "", ", " + r.phone, "")),
            rx.el.dt("Na liście uczestników"),
            rx.el.dd(rx.cond(r.consent_publish_name, "tak", "nie")),
            class_name="definition-list",
        ),
        rx.cond(
            r.editable,
            rx.button("Edytuj dane i osoby", id="edytuj-dane", on_click=ManageState.start_edit, margin_top="3"),
            rx.text(
                "Rejestracja jest zamknięta: danych nie można już zmienić, ale nadal możesz anulować udział.",
                as_="p",
                margin_top="3",
            ),
        ),
    )


def _link_text() -> rx.Component:
    """The whole link, visible and printable (a printed page cannot be clicked)."""
    return rx.el.p(
        rx.el.span("Twój link: ", class_name="field-label"),
        rx.el.code(rx.State.router.url.origin + ManageState.manage_path, id="pelny-link", class_name="link-text"),
    )


def _link_actions() -> rx.Component:
    return rx.flex(
        rx.link("Link do zarządzania rejestracją", href=ManageState.manage_path, underline="always"),
        rx.button(
            rx.icon("copy", size=14, aria_hidden="true"),
            "Kopiuj link",
            variant="soft",
            size="2",
            on_click=rx.set_clipboard(rx.State.router.url.origin + ManageState.manage_path),
        ),
        rx.button(
            rx.icon("printer", size=14, aria_hidden="true"),
            "Drukuj potwierdzenie",
            variant="soft",
            size="2",
            on_click=rx.call_script(PRINT_SCRIPT),
        ),
        spacing="3",
        align="center",
        margin_top="2",
        wrap="wrap",
        class_name="no-print",
    )


def _save_now() -> rx.Component:
    """Mail is off: this screen is the only place the link is ever shown to the person."""
    return rx.box(
        rx.heading("Zapisz ten link teraz", as_="h2", size="5"),
        rx.text(
            "Wysyłka wiadomości e-mail jest wyłączona, więc tego linku nie dostaniesz pocztą. Dodaj tę stronę do "
            "zakładek (Ctrl+D), skopiuj link albo wydrukuj potwierdzenie – najlepiej od razu. Tylko przez ten link "
            "zmienisz dane lub anulujesz udział; jeśli go zgubisz, nowy link wydadzą organizatorzy kongresu.",
            as_="p",
        ),
        class_name="save-link-warning",
    )


def link_box() -> rx.Component:
    delivery = LinkDeliveryState.delivery
    return rx.box(
        rx.cond(LinkDeliveryState.loaded & ~delivery.mail_on, _save_now()),
        rx.text(
            "To Twój link do zarządzania rejestracją (adres tej strony). Zapisz go: tylko przez niego zmienisz dane lub anulujesz udział. "
            "Nie przekazuj go osobom postronnym.",
            rx.cond(
                ManageState.just_registered & delivery.mail_on,
                " Wysyłamy go też na adres e-mail osoby do kontaktu.",
                "",
            ),
            as_="p",
        ),
        _link_text(),
        _link_actions(),
        class_name="link-box",
    )


def edit_form() -> rx.Component:
    return forms.live_form(
        rx.heading("Zmień dane", as_="h2", size="6"),
        forms.error_summary(ManageState.error_items, ManageState.form_error),
        form.organisation_fields(ManageState),
        form.contact_fields(ManageState, LinkDeliveryState.delivery.edit_email_hint),
        form.delegate_fields(ManageState),
        form.consent_fields(ManageState),
        rx.flex(
            forms.submit_button("Zapisz zmiany", size="3"),
            rx.button("Porzuć zmiany", type="button", variant="soft", size="3", on_click=ManageState.stop_edit),
            spacing="3",
            margin_top="4",
        ),
        on_submit=ManageState.save,
        reset_on_submit=False,
        no_validate=True,
        aria_label="Zmiana danych rejestracji",
    )


def registration_details() -> rx.Component:
    r = ManageState.registration
    return rx.fragment(
        rx.cond(
            ManageState.just_registered,
            rx.callout(
                "Dziękujemy! Zgłoszenie zostało przyjęte. Poniżej są kody wejścia zgłoszonych osób.",
                icon="party-popper",
                color_scheme="green",
                margin_y="3",
                high_contrast=True,
            ),
        ),
        rx.cond(
            r.cancelled,
            rx.callout(
                "Ta rejestracja została anulowana.",
                icon="circle-x",
                color_scheme="red",
                margin_y="3",
                high_contrast=True,
            ),
            rx.fragment(
                link_box(),
                rx.cond(ManageState.editing, edit_form(), summary()),
                rx.heading("Zgłoszone osoby", as_="h2", size="6", margin_top="6"),
                rx.text(
                    "Kod wejścia lub kod QR pokażcie przy wejściu na salę. ",
                    file_link("Dodaj kongres do kalendarza (.ics)", routes.API_CALENDAR, filename="kongres.ics"),
                    as_="p",
                    margin_bottom="3",
                ),
                rx.el.ul(rx.foreach(r.delegates, delegate_card), class_name="stack-list"),
                rx.box(campaigns_section(), class_name="no-print"),
                rx.box(
                    rx.cond(
                        ManageState.confirm_all,
                        rx.box(
                            rx.text("Na pewno anulować udział całej organizacji?", weight="bold", as_="p"),
                            notes_question(
                                "notatki-wszystkie",
                                "Notatki zgłoszonych osób na tablicach grup, jeśli są",
                                ManageState.set_notes_choice,
                            ),
                            rx.flex(
                                rx.button(
                                    "Tak, anuluj całą rejestrację",
                                    id="potwierdz-wszystko",
                                    color_scheme="red",
                                    on_click=ManageState.do_cancel_all,
                                ),
                                rx.button("Nie", variant="soft", on_click=ManageState.keep),
                                spacing="2",
                                align="center",
                                wrap="wrap",
                            ),
                        ),
                        rx.button(
                            "Anuluj całą rejestrację",
                            color_scheme="red",
                            variant="outline",
                            on_click=ManageState.ask_cancel_all,
                        ),
                    ),
                    margin_top="6",
                    class_name="no-print",
                ),
            ),
        ),
    )


def not_found() -> rx.Component:
    return rx.callout(
        rx.cond(
            ManageState.revoked,
            rx.el.span(
                "Ten link jest nieważny: organizatorzy kongresu go unieważnili, wydając nowy. Użyj nowego linku albo ",
                rx.link("dowiedz się, jak dostać nowy link", href=routes.RESEND_LINK, underline="always"),
                ".",
            ),
            rx.el.span(
                "Nie znaleźliśmy rejestracji dla tego linku. Sprawdź, czy skopiowano go w całości, albo ",
                rx.link("poproś o nowy link", href=routes.RESEND_LINK, underline="always"),
                ".",
            ),
        ),
        icon="triangle-alert",
        color_scheme="red",
        high_contrast=True,
    )


def manage() -> rx.Component:
    return page(
        rx.heading("Twoja rejestracja", as_="h1", size="8"),
        rx.text(CongressState.edition.name, as_="p", margin_top="2"),
        rx.box(ManageState.notice, id="komunikat", tab_index=-1, role="status", class_name="notice"),
        rx.box(
            rx.cond(
                ManageState.loaded & LinkDeliveryState.loaded,
                rx.cond(ManageState.found, registration_details(), not_found()),
                loading(),
            ),
            class_name="printable-confirmation",
        ),
        active=routes.REGISTRATION,
    )
