"""How the personal management link reaches its person, and what the pages may promise about it.

With mail on (``KONGRES_SMTP_URL`` set) the link is also mailed to the contact address. With mail off,
the default, it exists only on the screen shown after registering and with the organisers, who can
issue a new one: no page may then promise a message that will never come.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from kongres_app.services.congress import current_edition, site_settings
from kongres_app.services.polish import hours


@dataclass
class LinkDelivery:
    mail_on: bool = False
    intro: str = ""  # the registration page, above the form
    email_hint: str = ""  # under the contact e-mail field of the registration form
    edit_email_hint: str = ""  # the same field when editing through the link
    before_submit: str = ""  # next to the registration form's send button
    duplicate_offer: str = ""  # the link offered when the organisation is already registered
    resend_intro: str = ""  # "Nie mam linku"
    organiser_contact: str = ""  # how to reach the organisers, from the edition's data


def organiser_contact(session: Session) -> str:
    """The organisers' contact from the settings, else the host and venue of the edition."""
    contact = site_settings(session).get("organiser_contact", "").strip()
    if contact:
        return contact
    edition = current_edition(session)
    if edition is None:
        return ""
    parts = [edition.host, edition.venue_name, edition.venue_address]
    return ", ".join(part for part in parts if part)


def link_delivery(session: Session, *, mail_on: bool, confirm_hours: int = 0) -> LinkDelivery:
    contact = organiser_contact(session)
    if mail_on and confirm_hours:
        within = hours(confirm_hours)
        return LinkDelivery(
            mail_on=True,
            intro="Po wysłaniu zgłoszenia wyślemy na adres e-mail osoby do kontaktu link do zarządzania rejestracją. "
            f"Miejsca rezerwujemy dopiero po otwarciu tego linku – masz na to {within}.",
            email_hint="Na ten adres wyślemy link do zarządzania rejestracją; otwórz go, aby potwierdzić zgłoszenie.",
            edit_email_hint="Na ten adres wyślemy nowy link do zarządzania rejestracją, jeśli o niego poprosisz.",
            before_submit="Po wysłaniu sprawdź skrzynkę e-mail: zgłoszenie potwierdzisz linkiem z wiadomości – masz na to "
            f"{within}.",
            duplicate_offer="Wyślij mi link jeszcze raz",
            resend_intro="Podaj adres e-mail osoby do kontaktu, który wpisano przy rejestracji organizacji. "
            "Wyślemy na niego nowy link do zarządzania rejestracją; wcześniejsze linki nadal działają.",
            organiser_contact=contact,
        )
    if mail_on:
        return LinkDelivery(
            mail_on=True,
            intro="Po wysłaniu zgłoszenia każda osoba dostanie kod wejścia, a Ty link do zarządzania rejestracją: "
            "pokażemy go na ekranie i wyślemy na adres e-mail osoby do kontaktu.",
            email_hint="Na ten adres wyślemy link do zarządzania rejestracją.",
            edit_email_hint="Na ten adres wyślemy nowy link do zarządzania rejestracją, jeśli o niego poprosisz.",
            before_submit="Po wysłaniu zobaczysz kody wejścia i link do zarządzania rejestracją; link przyjdzie też e-mailem.",
            duplicate_offer="Wyślij mi link jeszcze raz",
            resend_intro="Podaj adres e-mail osoby do kontaktu, który wpisano przy rejestracji organizacji. "
            "Wyślemy na niego nowy link do zarządzania rejestracją; wcześniejsze linki nadal działają.",
            organiser_contact=contact,
        )
    return LinkDelivery(
        mail_on=False,
        intro="Po wysłaniu zgłoszenia każda osoba dostanie kod wejścia, a Ty link do zarządzania rejestracją. "
        "Link pokażemy tylko na ekranie, zaraz po wysłaniu: zapisz go albo wydrukuj, bo nie wysyłamy wiadomości "
        "e-mail.",
        email_hint="Adres do kontaktu w sprawach kongresu. Nie wysyłamy na niego linku: link do zarządzania "
        "rejestracją pokażemy na ekranie po wysłaniu zgłoszenia – zapisz go.",
        edit_email_hint="Adres do kontaktu w sprawach kongresu.",
        before_submit="Po wysłaniu zobaczysz kody wejścia i link do zarządzania rejestracją. Zapisz ten link albo wydrukuj "
        "potwierdzenie – e-mailem go nie dostaniesz.",
        duplicate_offer="Jak dostać nowy link",
        resend_intro="Wysyłka wiadomości e-mail jest w tej instalacji wyłączona, więc nie prześlemy linku pocztą. "
        "Nowy link do zarządzania rejestracją wydadzą organizatorzy kongresu: skontaktuj się z nimi i podaj nazwę "
        "organizacji oraz adres e-mail osoby do kontaktu. Na Twoją prośbę mogą też unieważnić dotychczasowe linki.",
        organiser_contact=contact,
    )
