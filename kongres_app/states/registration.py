"""Registering an organisation: thin handlers over services.registration."""

import logging

import reflex as rx

from kongres_app import routes
from kongres_app.db import session_scope
from kongres_app.services.congress import current_edition
from kongres_app.services.mailer import management_link_message, send_mail_in_background
from kongres_app.services.registration import RegistrationError, group_numbers, register
from kongres_app.services.validation import validate_registration
from kongres_app.settings import load_settings
from kongres_app.states.events import event
from kongres_app.states.live import LiveState
from kongres_app.states.registration_form import DelegateRow, RegistrationFormMixin

logger = logging.getLogger(__name__)
FORM_HAS_ERRORS = "Formularz zawiera błędy. Popraw pola wymienione poniżej; wpisane dane zostały zachowane."


class RegistrationState(RegistrationFormMixin, rx.State):
    duplicate: bool = False

    @event
    def submit(self, _form_data: dict):
        self.duplicate = False
        with session_scope() as session:
            numbers = group_numbers(session)
        clean, errors = validate_registration(self._input(), numbers)
        if clean is None:
            return self._show_errors(errors, FORM_HAS_ERRORS)
        try:
            with session_scope() as session:
                done = register(session=session, data=clean)
                edition = current_edition(session)  # there is one: register() needs it
                edition_name = edition.name if edition else ""
        except RegistrationError as exc:
            self.duplicate = exc.duplicate
            return self._show_errors({exc.field: exc.message} if exc.field else {}, exc.message)
        self._send_link(clean.email, clean.org_name, edition_name, done.token)
        self._fill_from({}, [DelegateRow(key=1)])
        self._clear_errors()
        return [rx.redirect(routes.manage_url(done.token, new=True)), LiveState.registrations_changed]

    @staticmethod
    def _send_link(email: str, org_name: str, edition_name: str, token: str) -> None:
        settings = load_settings()
        subject, body = management_link_message(
            edition_name=edition_name, org_name=org_name, link=settings.public_url + routes.manage_url(token)
        )
        send_mail_in_background(settings.smtp_url, sender=settings.mail_from, to=email, subject=subject, body=body)
