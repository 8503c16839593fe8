"""Delegates and their board tabs for the board tests: registered through the service, joined, on a socket."""

import itertools

from sqlmodel import Session, select

from kongres_app.db import require_id, session_scope
from kongres_app.models import DiscussionGroup
from kongres_app.services import boards
from kongres_app.services import registration as reg
from kongres_app.services.registration_views import registration_view
from kongres_app.services.validation import DelegateInput, RegistrationInput, validate_registration
from tests.e2e.rawsocket import RawClient, state_name
from tests.factories import unique

PARTICIPANT = state_name("kongres_app.states.board_participant", "BoardParticipantState")
names = itertools.count(1)  # people named apart across the whole session


def organisation(engine, *groups: int, prefix: str = "Stowarzyszenie Bezpieczne") -> tuple[str, list[tuple]]:
    """A registered organisation: (management token, [(delegate id, join code, full name)])."""
    org, email = unique(prefix)
    rows = [DelegateInput(f"Osoba Tablicowa {next(names)}", "", str(g), "") for g in groups]
    clean, errors = validate_registration(
        RegistrationInput(
            org_name=org,
            legal_form="stowarzyszenie",
            gmina="raszyn",
            contact_name="Kontakt Bezpieczny",
            email=email,
            delegates=rows,
            consent_rules=True,
            consent_publish_name=True,
        ),
        {1, 2, 3, 4},
    )
    assert not errors
    with session_scope(engine) as session:
        done = reg.register(session=session, data=clean)
    with Session(engine) as session:
        view = registration_view(session, done.token)
    return done.token, [(d.id, d.code, d.full_name) for d in view.delegates]


def roomy_group(engine, need: int) -> int:
    """The group with the most free places (the whole e2e session fills groups): the board to attack."""
    with Session(engine) as session:
        taken = {g.number: g.participants for g in boards.groups_overview(session)}
        capacity = dict(session.exec(select(DiscussionGroup.number, DiscussionGroup.capacity)).all())
    number = max(taken, key=lambda n: capacity.get(n, 0) - taken[n])
    assert capacity.get(number, 0) - taken[number] >= need, "every group is full"
    return number


def board_token(engine, code: str) -> str:
    with session_scope(engine) as session:
        return boards.join(session=session, code=code)[0]


def note_by(engine, code: str, board: int, text: str) -> int:
    with session_scope(engine) as session:
        _token, participant = boards.join(session=session, code=code)
    with session_scope(engine) as session:
        note = boards.post_note(
            session=session, participant=participant, board=board, kind="trudnosc", text=text, anonymous=False
        )
        return require_id(note)


def delegate_socket(base_url: str, engine, code: str, board: int) -> RawClient:
    """A tab of a delegate who joined (their board token in browser storage), on their board."""
    token = board_token(engine, code)
    return RawClient(base_url, f"/grupy/{board}", client_vars={f"{PARTICIPANT}.participant_token": token})
