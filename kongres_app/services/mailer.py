"""Outgoing mail over SMTP (``KONGRES_SMTP_URL``); without it, mail is off and says so in the log."""

from __future__ import annotations

import logging
import smtplib
import threading
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

logger = logging.getLogger(__name__)
SMTP_TIMEOUT_S = 15


def send_mail(smtp_url: str | None, *, sender: str, to: str, subject: str, body: str) -> bool:
    """Send one plain-text message; returns False (and logs) when mail is off or sending failed."""
    if not smtp_url:
        logger.info("Mail is off (KONGRES_SMTP_URL not set): not sending %r to %s", subject, to)
        return False
    url = urlsplit(smtp_url)
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    message.set_content(body)
    smtp_class = smtplib.SMTP_SSL if url.scheme == "smtps" else smtplib.SMTP
    try:
        with smtp_class(url.hostname or "localhost", url.port or 0, timeout=SMTP_TIMEOUT_S) as smtp:
            if url.username:
                if url.scheme == "smtp" and smtp.has_extn("starttls"):
                    smtp.starttls()
                smtp.login(unquote(url.username), unquote(url.password or ""))
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException):
        logger.exception("Sending %r to %s failed", subject, to)
        return False
    return True


def send_mail_in_background(smtp_url: str | None, **message: str) -> None:
    """Send without making the person wait for the mail server."""
    threading.Thread(target=send_mail, args=(smtp_url,), kwargs=message, daemon=True).start()


def management_link_message(*, edition_name: str, org_name: str, link: str) -> tuple[str, str]:
    subject = f"{edition_name}: link do zarządzania rejestracją"
    body = (
        "Dzień dobry,\n\n"
        f"oto link do zarządzania rejestracją organizacji „{org_name}” na {edition_name}:\n\n"
        f"{link}\n\n"
        "Pod tym adresem sprawdzicie status zgłoszonych osób i ich kody wejścia, zmienicie dane "
        "lub anulujecie udział. Nie przekazujcie linku osobom postronnym.\n\n"
        "Do zobaczenia na kongresie!\n"
    )
    return subject, body


def confirmation_message(*, edition_name: str, org_name: str, link: str, hours: str) -> tuple[str, str]:
    """The first mail of a registration: opening the link confirms the address and books the places."""
    subject = f"{edition_name}: potwierdź rejestrację"
    body = (
        "Dzień dobry,\n\n"
        f"otrzymaliśmy zgłoszenie organizacji „{org_name}” na {edition_name}. Aby je potwierdzić, otwórz "
        f"ten link (masz na to {hours}):\n\n"
        f"{link}\n\n"
        "Dopiero wtedy zgłoszone osoby dostaną miejsca (albo miejsce na liście rezerwowej). Pod tym samym adresem "
        "sprawdzisz później kody wejścia, zmienisz dane lub anulujesz udział. Nie przekazuj linku osobom postronnym.\n\n"
        "Jeśli to nie Ty wysyłasz to zgłoszenie, zignoruj tę wiadomość: po tym czasie zgłoszenie zostanie anulowane.\n"
    )
    return subject, body


def already_registered_message(*, edition_name: str, org_name: str, resend_link: str) -> tuple[str, str]:
    """Sent to the contact person of an existing registration when the form got it again (the form says nothing)."""
    subject = f"{edition_name}: ponowne zgłoszenie Waszej organizacji"
    body = (
        "Dzień dobry,\n\n"
        f"ktoś właśnie ponownie wysłał formularz rejestracji na {edition_name} z danymi, które pasują do "
        f"rejestracji organizacji „{org_name}” (ta sama nazwa i gmina, numer KRS albo adres e-mail). "
        "Nowego zgłoszenia nie przyjęliśmy; Wasza rejestracja jest bez zmian.\n\n"
        f"Jeśli to Ty i chcesz coś zmienić, użyj linku do zarządzania rejestracją. Nowy link: {resend_link}\n\n"
        "Jeśli to nie Ty, nic nie musisz robić.\n"
    )
    return subject, body
