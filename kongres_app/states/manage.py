"""Self-service through the personal management link: status, codes, edits, cancellations.

The secret comes only from the page's own URL (query ``klucz``) into a backend-only var; no handler
takes it, or any right, from its arguments.
"""

from collections.abc import Callable

import reflex as rx
from sqlmodel import Session

from kongres_app import routes
from kongres_app.live import rooms
from kongres_app.services import boards
from kongres_app.services.ids import parse_id
from kongres_app.services.registration import (
    CONFIRMATION_EXPIRED,
    cancel_delegate,
    cancel_registration,
    confirm_by_link,
    group_numbers,
    token_revoked,
    update_registration,
)
from kongres_app.services.registration_views import RegistrationView, registration_view
from kongres_app.services.validation import validate_registration
from kongres_app.states.actions import attempt
from kongres_app.states.events import event
from kongres_app.states.live import LiveState
from kongres_app.states.registration import FORM_HAS_ERRORS
from kongres_app.states.registration_form import DelegateRow, RegistrationFormMixin
from kongres_app.states.ui import focus


class ManageState(RegistrationFormMixin, rx.State):
    registration: RegistrationView = RegistrationView()
    loaded: bool = False
    found: bool = False
    revoked: bool = False  # organisers revoked this link when issuing a new one
    just_registered: bool = False
    editing: bool = False
    notice: str = ""
    confirm_delegate: int = 0
    confirm_all: bool = False
    manage_path: str = ""
    notes_choice: str = boards.KEEP_NOTES  # what happens to the notes of the people withdrawn
    _token: str = ""

    @event
    async def load(self):
        params = self.router.url.query_parameters
        self._token = params.get(routes.MANAGE_TOKEN_PARAM, "")
        self.just_registered = params.get("nowa") == "1"
        self.manage_path = routes.manage_url(self._token) if self._token else ""
        self.editing, self.notice, self.confirm_delegate, self.confirm_all = False, "", 0, False
        confirmed = await self._confirm()
        await self._refresh()
        return LiveState.registrations_changed if confirmed else None

    async def _confirm(self) -> bool:
        """The first visit of the mailed link confirms the e-mail address: the people get places from now."""
        token = self._token
        if not token:
            return False
        result = (await attempt(lambda session: confirm_by_link(session=session, token=token))).value
        if result == "expired":
            self.notice = CONFIRMATION_EXPIRED
        elif result == "confirmed":
            self.notice = "Dziękujemy – adres e-mail potwierdzony, zgłoszenie zostało przyjęte."
        return result == "confirmed"

    async def _refresh(self) -> None:
        token = self._token

        def read(session) -> tuple[RegistrationView | None, bool]:
            view = registration_view(session, token) if token else None
            return view, view is None and token_revoked(session, token)

        view, self.revoked = (await attempt(read)).value or (None, False)
        self.found = view is not None
        self.registration = view or RegistrationView()
        self.loaded = True

    @event
    def start_edit(self):
        if not (self.found and self.registration.editable):
            return None
        r = self.registration
        self._fill_from(
            {
                "org_name": r.org_name,
                "legal_form": r.legal_form,
                "krs": r.krs,
                "gmina": r.gmina,
                "contact_name": r.contact_name,
                "email": r.email,
                "phone": r.phone,
                "consent_rules": True,
                "consent_publish_name": r.consent_publish_name,
            },
            [
                DelegateRow(
                    key=i + 1,
                    id=d.id,
                    full_name=d.full_name,
                    email=d.email,
                    group_number=str(d.group_number),
                    accessibility_needs=d.accessibility_needs,
                    needs_consent=d.accessibility_needs != "",  # stored only with the person's consent
                )
                for i, d in enumerate(r.delegates)
            ],
        )
        self._clear_errors()
        self.editing, self.notice = True, ""
        return focus("pole-org_name")

    @event
    def stop_edit(self):
        self.editing = False
        self._clear_errors()
        return focus("edytuj-dane")

    @event
    async def save(self, _form_data: dict):
        if not self.found:
            return None
        numbers = (await attempt(group_numbers)).value or set()
        clean, errors = validate_registration(self._input(), numbers)
        if clean is None:
            return self._show_errors(errors, FORM_HAS_ERRORS)
        kept = {row.id for row in clean.delegates if row.id is not None}
        left = [d.id for d in self.registration.delegates if d.id not in kept]  # left out: cancelled
        token = self._token

        def update(session) -> list[int]:
            update_registration(session=session, token=token, data=clean)
            # Nobody was asked here, so nothing is removed: their notes stay, without their name.
            return boards.withdraw_notes(session=session, delegate_ids=left, choice=boards.KEEP_NOTES)

        outcome = await attempt(update)
        if not outcome.ok:
            return self._show_errors({outcome.target: outcome.message} if outcome.target else {}, outcome.message)
        for number in outcome.value or []:
            rooms.publish_soon(number)
        self.editing = False
        await self._refresh()
        self.notice = "Zapisano zmiany."
        return [focus("komunikat"), LiveState.registrations_changed]

    @event
    def set_notes_choice(self, choice: str):
        self.notes_choice = boards.REMOVE_NOTES if choice == boards.REMOVE_NOTES else boards.KEEP_NOTES

    @event
    def ask_cancel_delegate(self, delegate_id: int):
        self.confirm_delegate, self.confirm_all = (parse_id(delegate_id) or 0), False
        self.notes_choice = boards.KEEP_NOTES
        return focus(f"potwierdz-{(parse_id(delegate_id) or 0)}")

    @event
    def ask_cancel_all(self):
        self.confirm_all, self.confirm_delegate = True, 0
        self.notes_choice = boards.KEEP_NOTES
        return focus("potwierdz-wszystko")

    @event
    def keep(self):
        self.confirm_delegate, self.confirm_all = 0, False
        return focus("komunikat")

    @event
    async def do_cancel_delegate(self):
        delegate_id, self.confirm_delegate = self.confirm_delegate, 0
        token = self._token
        return await self._run(
            lambda session: cancel_delegate(session=session, token=token, delegate_id=delegate_id),
            "Anulowano udział tej osoby. Jej miejsce przejęła pierwsza osoba z listy rezerwowej, jeśli taka była.",
            [delegate_id],
        )

    @event
    async def do_cancel_all(self):
        self.confirm_all = False
        token = self._token
        return await self._run(
            lambda session: cancel_registration(session=session, token=token),
            "Rejestracja organizacji została anulowana.",
            [d.id for d in self.registration.delegates],  # the people this link shows: still registered
        )

    async def _run(self, action: Callable[[Session], object], success: str, withdrawn: list[int]):
        if not self.found:
            return None
        choice = self.notes_choice

        def cancel(session: Session) -> list[int]:
            action(session)
            # Their notes as the person chose, in the same transaction as the cancellation.
            return boards.withdraw_notes(session=session, delegate_ids=withdrawn, choice=choice)

        outcome = await attempt(cancel)
        self.notice = outcome.message or success
        for number in outcome.value or []:
            rooms.publish_soon(number)  # the name (or the note) leaves every open board now
        await self._refresh()
        return [focus("komunikat"), LiveState.registrations_changed]
