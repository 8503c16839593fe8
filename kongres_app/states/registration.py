"""Registering an organisation: thin handlers over services.registration.

The answer never tells who is registered: a duplicate gets the same "check your mailbox" answer as a success
(with mail on; the existing contact person gets a notice), or a neutral "contact the organisers" (mail off).
"""

import logging
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

import reflex as rx

from kongres_app import routes
from kongres_app.db import session_scope
from kongres_app.models import Registration
from kongres_app.offload import in_thread
from kongres_app.services import mailer
from kongres_app.services.auth import audit
from kongres_app.services.congress import current_edition
from kongres_app.services.link_delivery import organiser_contact
from kongres_app.services.polish import hours
from kongres_app.services.rate_limits import Refusal, RegistrationLimiter
from kongres_app.services.registration import Registered, RegistrationError, group_numbers, register
from kongres_app.services.registration_review import record_krs_conflict
from kongres_app.services.validation import CleanRegistration, validate_registration
from kongres_app.settings import Settings, load_settings
from kongres_app.states.events import event
from kongres_app.states.live import LiveState
from kongres_app.states.registration_form import DelegateRow, RegistrationFormMixin

logger = logging.getLogger(__name__)
FORM_HAS_ERRORS = "Formularz zawiera błędy. Popraw pola wymienione poniżej; wpisane dane zostały zachowane."
NEUTRAL_MAIL_OFF = (
    "Tego zgłoszenia nie możemy przyjąć przez formularz. Skontaktuj się z organizatorami kongresu i podaj nazwę "
    "organizacji oraz adres e-mail osoby do kontaktu"
)


@cache
def limiter(per_address: str, per_email: str, redis_url: str | None) -> RegistrationLimiter:
    return RegistrationLimiter(per_address=per_address, per_email=per_email, redis_url=redis_url)


def _limit(settings: Settings, address: str, email: str) -> Refusal | None:
    guard = limiter(settings.registration_limit_address, settings.registration_limit_email, settings.redis_url)
    refusal = guard.hit(address=address, email=email)
    if refusal is not None:
        with session_scope() as session:
            audit(
                session,
                None,
                "registration_limited",
                {
                    "limit": "na adres klienta" if refusal.kind == "address" else "na adres e-mail",
                    "retry_after_s": refusal.retry_after_s,
                },
                outcome="denied",
            )
    return refusal


@dataclass
class Outcome:
    done: Registered | None = None
    duplicate: RegistrationError | None = None
    error: RegistrationError | None = None
    edition_name: str = ""
    contact: str = ""


def _store(clean: CleanRegistration, settings: Settings) -> Outcome:
    """Validate against the database and store (in a worker thread: sync database work)."""
    confirm = timedelta(hours=settings.confirm_hours) if settings.smtp_url and settings.confirm_hours else None
    try:
        with session_scope() as session:
            done = register(session=session, data=clean, confirm_within=confirm, needs_review=confirm is None)
            edition = current_edition(session)  # there is one: register() needs it
            return Outcome(done=done, edition_name=edition.name if edition else "")
    except RegistrationError as exc:
        if not exc.duplicate:
            return Outcome(error=exc)
        with session_scope() as session:
            _answer_duplicate(session, clean, exc, settings)
            edition = current_edition(session)
            return Outcome(
                duplicate=exc, edition_name=edition.name if edition else "", contact=organiser_contact(session)
            )


def _answer_duplicate(session, clean: CleanRegistration, exc: RegistrationError, settings: Settings) -> None:
    """A KRS already held is kept for organisers; with mail on, the holder's contact person hears of the attempt."""
    holder = session.get(Registration, exc.holder_id) if exc.holder_id else None
    if holder is None:
        return
    if exc.field == "krs":
        record_krs_conflict(session=session, data=clean, holder_id=holder.id)
    if not settings.smtp_url:
        return
    edition = current_edition(session)
    subject, body = mailer.already_registered_message(
        edition_name=edition.name if edition else "",
        org_name=holder.org_name,
        resend_link=settings.public_url + routes.RESEND_LINK,
    )
    mailer.send_mail_in_background(
        settings.smtp_url, sender=settings.mail_from, to=holder.email, subject=subject, body=body
    )


class RegistrationState(RegistrationFormMixin, rx.State):
    duplicate: bool = False  # the neutral answer with mail off: ask the organisers
    organiser_contact: str = ""
    sent_to: str = ""  # "check your mailbox" shown instead of the form
    confirm_hours_label: str = ""

    @event
    async def submit(self, _form_data: dict):
        self.duplicate, self.sent_to = False, ""
        settings = load_settings()
        numbers = await in_thread(_group_numbers)
        clean, errors = validate_registration(self._input(), numbers)
        if clean is None:
            return self._show_errors(errors, FORM_HAS_ERRORS)
        if refusal := await in_thread(_limit, settings, self.router.session.client_ip, clean.email):
            return self._show_errors({}, refusal.message)
        outcome = await in_thread(_store, clean, settings)
        if outcome.error is not None:
            exc = outcome.error
            return self._show_errors({exc.field: exc.message} if exc.field else {}, exc.message)
        self._clear_errors()
        if outcome.duplicate is not None and not settings.smtp_url:
            self.duplicate, self.organiser_contact = True, outcome.contact
            return None
        if outcome.duplicate is not None or (outcome.done and outcome.done.pending):
            if outcome.done is not None:
                self._send(settings, clean, outcome.edition_name, outcome.done.token, confirm=True)
            self.sent_to = clean.email
            self.confirm_hours_label = hours(settings.confirm_hours) if settings.confirm_hours else ""
            self._fill_from({}, [DelegateRow(key=1)])
            return LiveState.registrations_changed
        done = outcome.done
        if done is None:  # not reached: no error and no duplicate means stored
            return None
        self._send(settings, clean, outcome.edition_name, done.token, confirm=False)
        self._fill_from({}, [DelegateRow(key=1)])
        return [rx.redirect(routes.manage_url(done.token, new=True)), LiveState.registrations_changed]

    @event
    def start_over(self):
        self.sent_to, self.duplicate = "", False

    @staticmethod
    def _send(settings: Settings, clean: CleanRegistration, edition_name: str, token: str, *, confirm: bool) -> None:
        link = settings.public_url + routes.manage_url(token)
        if confirm:
            subject, body = mailer.confirmation_message(
                edition_name=edition_name, org_name=clean.org_name, link=link, hours=hours(settings.confirm_hours)
            )
        else:
            subject, body = mailer.management_link_message(
                edition_name=edition_name, org_name=clean.org_name, link=link
            )
        mailer.send_mail_in_background(
            settings.smtp_url, sender=settings.mail_from, to=clean.email, subject=subject, body=body
        )


def _group_numbers() -> set[int]:
    with session_scope() as session:
        return group_numbers(session)
