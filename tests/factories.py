"""Builders the test modules share (instead of importing each other's helpers)."""

import itertools
from datetime import UTC, date, datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session

from kongres_app.db import session_scope
from kongres_app.models import Delegate
from kongres_app.services import auth, boards, grants
from kongres_app.services import campaigns as cs
from kongres_app.services import registration as reg
from kongres_app.services.registration_views import RegistrationView, registration_view
from kongres_app.services.validation import (
    CleanRegistration,
    DelegateInput,
    RegistrationInput,
    validate_registration,
)

_numbers = itertools.count(1)
_organisations = itertools.count(1)

OPEN = datetime(2017, 2, 15, 12, 0, tzinfo=UTC)  # the seeded edition's registration is open
T0 = datetime(2017, 3, 4, 10, 0, tzinfo=UTC)  # the seeded congress day: the boards are open
PASSWORD = "bardzo-tajne-haslo-1"  # every staff account ``make_user`` creates
CAMPAIGN_TODAY = date(2026, 3, 10)  # a day on which ``campaign_input()``'s dates are valid


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


# Registration


def org(
    *groups: int,
    name: str | None = None,
    email: str | None = None,
    krs: str = "",
    publish: bool = False,
    gmina: str = "raszyn",
) -> CleanRegistration:
    """A validated registration of one organisation with a delegate for each of ``groups``."""
    n = next(_organisations)
    clean, errors = validate_registration(
        RegistrationInput(
            org_name=name or f"Stowarzyszenie nr {n}",
            legal_form="stowarzyszenie",
            krs=krs,
            gmina=gmina,
            contact_name="Anna Kowalska",
            email=email or f"kontakt{n}@example.pl",
            delegates=[DelegateInput(f"Osoba {n}-{i}", "", str(g), "") for i, g in enumerate(groups)],
            consent_rules=True,
            consent_publish_name=publish,
        ),
        {1, 2, 3, 4},
    )
    assert not errors, errors
    return clean


def register(engine: Engine, data: CleanRegistration, now: datetime = OPEN) -> reg.Registered:
    with session_scope(engine) as session:
        return reg.register(session=session, data=data, now=now)


def capacity(engine: Engine, group: int, places: int) -> list[Delegate]:
    with session_scope(engine) as session:
        return reg.set_group_capacity(session=session, group_number=group, capacity=places, now=OPEN)


def read_registration(engine: Engine, token: str) -> RegistrationView | None:
    with Session(engine) as session:
        return registration_view(session, token)


def statuses(engine: Engine, token: str) -> list[tuple[str, int]]:
    """(status, waiting-list position) of each delegate of the registration behind ``token``."""
    view = read_registration(engine, token)
    assert view is not None
    return [(d.status, d.waitlist_position) for d in view.delegates]


# Staff


def make_user(
    engine: Engine, username: str = "ala", role: str = auth.ORGANISER, group: int | None = None
) -> auth.Staff:
    with session_scope(engine) as session:
        return auth.create_user(
            session=session,
            username=username,
            display_name="Ala Organizator",
            password=PASSWORD,
            role=role,
            group_number=group,
        )


def staff_accounts(engine: Engine) -> dict[str, auth.Staff]:
    """An organiser and group 1's facilitator (the unit tests' ``staff`` fixture)."""
    return {
        "organiser": make_user(engine),
        "facilitator": make_user(engine, username="mod", role=auth.FACILITATOR, group=1),
    }


def call(engine: Engine, fn, *args, **kwargs):
    """``fn(session, *args, **kwargs)`` in one committed session (the organiser's services)."""
    with session_scope(engine) as session:
        return fn(session, *args, **kwargs)


def run(engine: Engine, fn, **kwargs):
    """``fn(session=session, **kwargs)`` in one committed session (services taking ``session`` by keyword)."""
    with session_scope(engine) as session:
        return fn(session=session, **kwargs)


# Boards


def join(engine: Engine, code: str):
    with session_scope(engine) as session:
        return boards.join(session=session, code=code, now=T0)


def post(engine: Engine, who, text="Brak lokalu na spotkania", kind="trudnosc", board=1, anonymous=False, now=T0):
    return run(
        engine, boards.post_note, participant=who, board=board, kind=kind, text=text, anonymous=anonymous, now=now
    )


def read_board(engine: Engine, number: int = 1, hidden: bool = False) -> boards.BoardView:
    with Session(engine) as session:
        return boards.board_view(session, number, include_hidden=hidden)


# Forms


def grant_input(**overrides) -> grants.GrantInput:
    """A grant competition announcement that passes validation, with ``overrides`` set."""
    data = grants.GrantInput(
        title="Wspieranie aktywności seniorów w 2027 roku",
        public_task="Działalność na rzecz osób w wieku emerytalnym",
        funds_pln="50 000",
        award_rules="Dotacja do 80% kosztów zadania.",
        execution_terms="Od 1 lutego do 30 listopada 2027.",
        offer_deadline="2026-12-30T15:00",
        selection_procedure="Komisja konkursowa ocenia oferty według kryteriów z ogłoszenia.",
        selection_date="2027-01-15",
        granted_this_year_pln="40000",
        granted_last_year_pln="35000",
        offers_url="https://example.org/witkac",
        same_kind_tasks="2026: 4 zadania, 38 000 zł; 2025: 3 zadania, 35 000 zł.",
        bip_url="https://bip.example.org/konkurs-1",
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


def campaign_input(**values) -> cs.CampaignInput:
    """A campaign submission valid on ``CAMPAIGN_TODAY``, with ``values`` set."""
    fields = {
        "title": "Obiady dla seniorów",
        "org_name": "Stowarzyszenie Sąsiedzka Kuchnia",
        "category": "pomoc_spoleczna",
        "gmina": "piastow",
        "blurb": "Codzienne obiady dla samotnych seniorów.",
        "description": "Gotujemy i rozwozimy obiady.\n\n\n\nKażde 12 zł to jeden obiad dla seniora.",
        "goal_pln": "18 000",
        "raised_pln": "",
        "supporters": "3",
        "starts_on": "2026-03-01",
        "ends_on": "31.03.2026",
        "platform": "zrzutka",
        "external_url": " https://zrzutka.pl/obiady ",
        "progress_source_url": "https://api.example.org/zbiorki/obiady.json",
    } | values
    return cs.CampaignInput(**fields)
