"""Organiser-set facts shown in the GDPR clause and the rules."""

import reflex as rx
from sqlmodel import Session

from kongres_app.db import session_scope
from kongres_app.first_screen import Section, Values
from kongres_app.services import delegate_privacy
from kongres_app.services.congress import site_settings
from kongres_app.services.polish import typeset
from kongres_app.settings import load_settings
from kongres_app.states.events import event


def privacy_values(session: Session) -> Values:
    facts = site_settings(session)
    # The statement names the address it covers (the address people reach the app at).
    settings = load_settings()
    retention = delegate_privacy.needs_retention(settings.needs_retention_days)
    return {
        "facts": {
            **{key: typeset(value) for key, value in facts.items()},
            "site_address": settings.public_url,
            "needs_retention": typeset(delegate_privacy.retention_sentence(retention)),
        }
    }


PRIVACY = Section("privacy", privacy_values)


class PrivacyState(rx.State):
    facts: dict[str, str] = PRIVACY.initial("facts", dict[str, str], {})

    @event
    def load(self):
        with session_scope() as session:
            PRIVACY.load_into(self, session)
