"""'Nie mam linku': a new management link by e-mail, without revealing who is registered."""

import reflex as rx

from kongres_app import routes
from kongres_app.db import session_scope
from kongres_app.services.congress import current_edition
from kongres_app.services.mailer import management_link_message, send_mail_in_background
from kongres_app.services.registration import issue_new_link
from kongres_app.services.validation import check_email
from kongres_app.settings import load_settings
from kongres_app.states.events import event
from kongres_app.states.ui import focus

SENT = (
    "Jeśli pod tym adresem jest aktywna rejestracja, za chwilę przyjdzie na niego wiadomość z linkiem. "
    "Sprawdź też folder ze spamem. Nowy link można zamówić co 2 minuty."
)
# The page offers no form with mail off; this answers a client that sends the event anyway.
MAIL_OFF = (
    "Wysyłka wiadomości e-mail jest w tej instalacji wyłączona, więc nie możemy wysłać linku. "
    "Nowy link wydadzą organizatorzy kongresu: skontaktuj się z nimi."
)


class ResendState(rx.State):
    email: str = ""
    email_error: str = ""
    message: str = ""

    @event
    def set_email(self, value: str):
        self.email = str(value)[:300]

    @event
    def submit(self, _form_data: dict):
        address, error = check_email(self.email, required=True)
        self.email_error, self.message = error or "", ""
        if error:
            return focus("pole-resend-email")
        settings = load_settings()
        if not settings.smtp_url:
            self.message = MAIL_OFF
            return focus("komunikat-link")
        with session_scope() as session:
            issued = issue_new_link(session=session, email=address)
            edition = current_edition(session)
        if issued and edition:
            registration, token = issued
            subject, body = management_link_message(
                edition_name=edition.name,
                org_name=registration.org_name,
                link=settings.public_url + routes.manage_url(token),
            )
            send_mail_in_background(
                settings.smtp_url,
                sender=settings.mail_from,
                to=registration.email,
                subject=subject,
                body=body,
            )
        self.message = SENT
        return focus("komunikat-link")
