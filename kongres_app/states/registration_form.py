"""The organisation form's fields and errors, shared by registering and by editing via the link.

Values are kept in the state, so nothing a person typed is lost when the server reports an error.
"""

from dataclasses import dataclass

import reflex as rx

from kongres_app.services.dictionaries import MAX_DELEGATES
from kongres_app.services.validation import LIMITS, DelegateInput, RegistrationInput
from kongres_app.states.events import event
from kongres_app.states.ui import ErrorItem, field_id, focus

TEXT_FIELDS = ("org_name", "legal_form", "krs", "gmina", "contact_name", "email", "phone")
DELEGATE_FIELDS = ("full_name", "email", "group_number", "accessibility_needs")
CONSENTS = ("consent_rules", "consent_publish_name")
# Generous cap on what a client may push into a field (validation gives the real limits).
MAX_INPUT = 2 * max(LIMITS.values())


@dataclass
class DelegateRow:
    key: int = 0
    id: int = 0  # 0 for a new person, else the stored delegate
    full_name: str = ""
    email: str = ""
    group_number: str = ""
    accessibility_needs: str = ""
    full_name_error: str = ""
    email_error: str = ""
    group_number_error: str = ""
    accessibility_needs_error: str = ""
    needs_consent: bool = False
    needs_consent_error: str = ""


class RegistrationFormMixin(rx.State, mixin=True):
    org_name: str = ""
    legal_form: str = ""
    krs: str = ""
    gmina: str = ""
    contact_name: str = ""
    email: str = ""
    phone: str = ""
    consent_rules: bool = False
    consent_publish_name: bool = False
    delegates: list[DelegateRow] = [DelegateRow(key=1)]  # noqa: RUF012 (Reflex copies defaults)
    errors: dict[str, str] = {}  # noqa: RUF012
    error_items: list[ErrorItem] = []  # noqa: RUF012
    form_error: str = ""
    _next_key: int = 2

    @event
    def set_field(self, name: str, value: str):
        if name in TEXT_FIELDS:
            setattr(self, name, str(value)[:MAX_INPUT])

    @event
    def set_consent(self, name: str, checked: bool):
        if name in CONSENTS:
            setattr(self, name, bool(checked))

    @event
    def set_delegate_field(self, index: int, name: str, value: str):
        if name in DELEGATE_FIELDS and 0 <= index < len(self.delegates):
            row = self.delegates[index]
            setattr(row, name, str(value)[:MAX_INPUT])
            self.delegates = list(self.delegates)

    @event
    def set_needs_consent(self, index: int, checked: bool):
        if 0 <= index < len(self.delegates):
            self.delegates[index].needs_consent = bool(checked)
            self.delegates = list(self.delegates)

    @event
    def add_delegate(self):
        if len(self.delegates) >= MAX_DELEGATES:
            return None
        self.delegates = [*self.delegates, DelegateRow(key=self._next_key)]
        self._next_key += 1
        return focus(field_id(f"delegates.{len(self.delegates) - 1}.full_name"))

    @event
    def remove_delegate(self, index: int):
        if len(self.delegates) > 1 and 0 <= index < len(self.delegates):
            self.delegates = [row for i, row in enumerate(self.delegates) if i != index]
            return focus("dodaj-osobe")
        return None

    def _input(self) -> RegistrationInput:
        return RegistrationInput(
            org_name=self.org_name,
            legal_form=self.legal_form,
            krs=self.krs,
            gmina=self.gmina,
            contact_name=self.contact_name,
            email=self.email,
            phone=self.phone,
            delegates=[
                DelegateInput(
                    r.full_name, r.email, r.group_number, r.accessibility_needs, r.id or None, r.needs_consent
                )
                for r in self.delegates
            ],
            consent_rules=self.consent_rules,
            consent_publish_name=self.consent_publish_name,
        )

    def _show_errors(self, errors: dict[str, str], form_error: str = ""):
        """Put each message next to its field and in the summary; focus the summary."""
        self.form_error = form_error
        self.errors = {k: v for k, v in errors.items() if not k.startswith("delegates.")}
        rows = list(self.delegates)
        for i, row in enumerate(rows):
            for name in (*DELEGATE_FIELDS, "needs_consent"):
                setattr(row, f"{name}_error", errors.get(f"delegates.{i}.{name}", ""))
        self.delegates = rows
        self.error_items = [ErrorItem(field_id(key), message) for key, message in errors.items()]
        return focus("podsumowanie-bledow")

    def _clear_errors(self):
        self._show_errors({})

    def _fill_from(self, values: dict, delegates: list[DelegateRow]) -> None:
        for name in TEXT_FIELDS:
            setattr(self, name, values.get(name, ""))
        for name in CONSENTS:
            setattr(self, name, bool(values.get(name, False)))
        self.delegates = delegates or [DelegateRow(key=1)]
        self._next_key = max(r.key for r in self.delegates) + 1
