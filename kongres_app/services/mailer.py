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
