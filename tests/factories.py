"""Builders the test modules share (instead of importing each other's helpers)."""

import itertools

from sqlalchemy.engine import Engine
from sqlmodel import Session

from kongres_app.db import session_scope
from kongres_app.services import registration as reg
from kongres_app.services.registration_views import registration_view
from kongres_app.services.validation import DelegateInput, RegistrationInput, validate_registration

_numbers = itertools.count(1)


def unique(prefix: str) -> tuple[str, str]:
    """A name no earlier test used in this session, and an e-mail address to go with it."""
    n = next(_numbers)
    return f"{prefix} {n}", f"{prefix.split()[0].lower()}{n}@example.pl"


def registered_delegate_code(
    engine: Engine,
    group: int,
    *,
    name: str = "",
    email: str = "",
    needs: str = "",
    contact_name: str = "Kontakt Tablica",
    org_prefix: str = "Stowarzyszenie Tablicowe",
) -> str:
    """Register one organisation with one delegate through the real service; the delegate's entry code."""
    org, contact = unique(org_prefix)
    clean, errors = validate_registration(
        RegistrationInput(
            org_name=org,
            legal_form="stowarzyszenie",
            gmina="michalowice",
            contact_name=contact_name,
            email=contact,
            delegates=[
                DelegateInput(name or f"Delegat {org.split()[-1]}", email, str(group), needs, needs_consent=bool(needs))
            ],
            consent_rules=True,
        ),
        {1, 2, 3, 4},
    )
    assert not errors, errors
    with session_scope(engine) as session:
        done = reg.register(session=session, data=clean)
    with Session(engine) as session:
        return registration_view(session, done.token).delegates[0].code
