"""Validation of the registration form: every field, with a Polish message keyed by field.

Error keys: ``org_name``, ``legal_form``, ``krs``, ``gmina``, ``contact_name``, ``email``, ``phone``,
``consent_rules``, ``delegates`` (their number) and ``delegates.<i>.<field>`` for a delegate row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email

from kongres_app.services.dictionaries import GMINAS, INFORMAL_GROUP, LEGAL_FORMS, MAX_DELEGATES
from kongres_app.services.polish import chars, people_at_most
from kongres_app.services.validators import clean_multiline, clean_text, collect, text

LIMITS = {
    "org_name": 200,
    "contact_name": 120,
    "email": 254,
    "phone": 30,
    "full_name": 120,
    "accessibility_needs": 500,
}
PHONE_RE = re.compile(r"^\+?[0-9 ()-]{9,30}$")


@dataclass
class DelegateInput:
    full_name: str = ""
    email: str = ""
    group_number: str = ""
    accessibility_needs: str = ""
    id: int | None = None  # an existing delegate when editing
    needs_consent: bool = False  # the person agreed to their accessibility needs being passed on and used


@dataclass
class RegistrationInput:
    org_name: str = ""
    legal_form: str = ""
    krs: str = ""
    gmina: str = ""
    contact_name: str = ""
    email: str = ""
    phone: str = ""
    delegates: list[DelegateInput] = field(default_factory=list)
    consent_rules: bool = False
    consent_publish_name: bool = False


@dataclass(frozen=True)
class CleanDelegate:
    full_name: str
    email: str
    group_number: int
    accessibility_needs: str
    id: int | None = None


@dataclass(frozen=True)
class CleanRegistration:
    org_name: str
    legal_form: str
    krs: str | None
    gmina: str
    contact_name: str
    email: str
    phone: str
    delegates: tuple[CleanDelegate, ...]
    consent_rules: bool
    consent_publish_name: bool


def name_key(name: str) -> str:
    """Comparison key of an organisation's name: case, quotes, punctuation and spacing ignored."""
    folded = clean_text(name).casefold()
    kept = "".join(ch if ch.isalnum() else " " for ch in folded)
    return " ".join(kept.split())


def _required_text(errors: dict[str, str], key: str, value: str, limit: int, what: str) -> str:
    cleaned = clean_text(value)
    collect(errors, text, cleaned, field=key, max_length=limit, required=f"Podaj {what}.", min_length=2, default="")
    return cleaned


def check_email(value: str, *, required: bool) -> tuple[str, str | None]:
    """Return (normalised address, error or None)."""
    cleaned = clean_text(value)
    if not cleaned:
        return "", ("Podaj adres e-mail." if required else None)
    if len(cleaned) > LIMITS["email"]:
        return cleaned, f"Adres e-mail może mieć najwyżej {chars(LIMITS['email'])}."
    try:
        result = validate_email(cleaned, check_deliverability=False)
    except EmailNotValidError:
        return cleaned, "Wpisz poprawny adres e-mail, np. jan.kowalski@example.pl."
    return result.normalized, None


def _check_krs(errors: dict[str, str], value: str, legal_form: str) -> str | None:
    digits = "".join(value.split())
    if not digits:
        return None
    if legal_form == INFORMAL_GROUP:
        errors["krs"] = "Grupa nieformalna nie ma numeru KRS: zostaw to pole puste."
    elif not (digits.isdigit() and len(digits) == 10):
        errors["krs"] = "Numer KRS ma dokładnie 10 cyfr, np. 0000123456. Jeśli go nie macie, zostaw pole puste."
    return digits


def _check_phone(errors: dict[str, str], value: str) -> str:
    cleaned = clean_text(value)
    if cleaned and not PHONE_RE.match(cleaned):
        errors["phone"] = "Wpisz numer telefonu cyframi, np. 601 234 567 lub +48 601 234 567."
    return cleaned


def _check_delegates(errors: dict[str, str], rows: list[DelegateInput], group_numbers: set[int]) -> list[CleanDelegate]:
    if not rows:
        errors["delegates"] = "Dodaj co najmniej jedną osobę, która przyjdzie na kongres."
        return []
    if len(rows) > MAX_DELEGATES:
        errors["delegates"] = f"Organizacja może zgłosić najwyżej {people_at_most(MAX_DELEGATES)}."
    clean: list[CleanDelegate] = []
    seen_names: set[str] = set()
    for i, row in enumerate(rows[:MAX_DELEGATES]):
        prefix = f"delegates.{i}."
        full_name = _required_text(errors, prefix + "full_name", row.full_name, LIMITS["full_name"], "imię i nazwisko")
        if full_name and name_key(full_name) in seen_names:
            errors[prefix + "full_name"] = "Ta osoba jest już na liście zgłoszonych."
        seen_names.add(name_key(full_name))
        email, email_error = check_email(row.email, required=False)
        if email_error:
            errors[prefix + "email"] = email_error
        try:
            group = int(str(row.group_number).strip())
        except ValueError:
            group = 0
        if group not in group_numbers:
            errors[prefix + "group_number"] = "Wybierz grupę tematyczną."
        needs = clean_multiline(row.accessibility_needs)
        fits = collect(
            errors,
            text,
            needs,
            field=prefix + "accessibility_needs",
            max_length=LIMITS["accessibility_needs"],
            multiline=True,
            too_long=f"Opis potrzeb może mieć najwyżej {chars(LIMITS['accessibility_needs'])}.",
            default=None,
        )
        if fits is not None and needs and not row.needs_consent:
            # Health data (RODO art. 9): never stored without the person's explicit consent.
            errors[prefix + "needs_consent"] = (
                "Zaznacz, że ta osoba zgadza się na przekazanie nam informacji o swoich potrzebach, albo usuń ich opis."
            )
        clean.append(CleanDelegate(full_name, email, group, needs, row.id))
    return clean


def validate_registration(
    data: RegistrationInput, group_numbers: set[int]
) -> tuple[CleanRegistration | None, dict[str, str]]:
    """Check every field; return the cleaned registration, or None and the errors by field."""
    errors: dict[str, str] = {}
    org_name = _required_text(errors, "org_name", data.org_name, LIMITS["org_name"], "nazwę organizacji")
    if data.legal_form not in LEGAL_FORMS:
        errors["legal_form"] = "Wybierz formę prawną organizacji."
    krs = _check_krs(errors, data.krs, data.legal_form)
    if data.gmina not in GMINAS:
        errors["gmina"] = "Wybierz gminę, w której działa organizacja."
    contact_name = _required_text(
        errors, "contact_name", data.contact_name, LIMITS["contact_name"], "imię i nazwisko osoby do kontaktu"
    )
    email, email_error = check_email(data.email, required=True)
    if email_error:
        errors["email"] = email_error
    phone = _check_phone(errors, data.phone)
    delegates = _check_delegates(errors, data.delegates, group_numbers)
    if not data.consent_rules:
        errors["consent_rules"] = "Aby się zarejestrować, zaakceptuj regulamin kongresu."
    if errors:
        return None, errors
    return (
        CleanRegistration(
            org_name=org_name,
            legal_form=data.legal_form,
            krs=krs,
            gmina=data.gmina,
            contact_name=contact_name,
            email=email,
            phone=phone,
            delegates=tuple(delegates),
            consent_rules=True,
            consent_publish_name=bool(data.consent_publish_name),
        ),
        {},
    )
