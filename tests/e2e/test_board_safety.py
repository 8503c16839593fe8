"""The boards against abuse (issue 13), attacked as it happens: raw sockets, real HTTP, Chromium clicking."""

import itertools

import httpx
import pytest
from sqlmodel import Session

from kongres_app.db import require_id, session_scope
from kongres_app.models import Note
from kongres_app.services import boards
from kongres_app.services import registration as reg
from kongres_app.services.registration_views import registration_view
from kongres_app.services.validation import DelegateInput, RegistrationInput, validate_registration
from tests.e2e.rawsocket import RawClient, state_name
from tests.e2e.test_registration import unique

pytestmark = pytest.mark.e2e
BOARD = state_name("kongres_app.states.boards", "BoardState")
_names = itertools.count(1)


def organisation(engine, *groups: int, prefix: str = "Stowarzyszenie Bezpieczne") -> tuple[str, list[tuple]]:
    """A registered organisation: (management token, [(delegate id, join code, full name)])."""
    org, email = unique(prefix)
    rows = [DelegateInput(f"Osoba Tablicowa {next(_names)}", "", str(g), "") for g in groups]
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
    return RawClient(base_url, f"/grupy/{board}", client_vars={f"{BOARD}.participant_token": token})


# ----------------------------------------------------------------------------- reports


def report_from(base_url: str, engine, code: str, note_id: int) -> None:
    client = delegate_socket(base_url, engine, code, 1)
    try:
        client.emit(f"{BOARD}.report", note_id=str(note_id))
        client.wait_until(lambda: client.seen("zgłoszenie trafiło do moderatorów"))
    finally:
        client.close()


def visible_in_csv(text: str, base_url: str) -> bool:
    return text in httpx.get(base_url + "/api/grupy/1/notatki.csv", timeout=10).content.decode("utf-8-sig")


def test_three_delegates_of_one_organisation_cannot_hide_a_note(base_url, app_engine):
    """Three delegates of one organisation reporting hid any note (the threshold counted people)."""
    _token, [(_a, author_code, _n)] = organisation(app_engine, 1)
    _token, colleagues = organisation(app_engine, 1, 1, 1, prefix="Fundacja Zgłaszająca")
    text = f"Notatka niewygodna dla jednej organizacji {next(_names)}"
    note_id = note_by(app_engine, author_code, 1, text)

    for _id, code, _name in colleagues:
        report_from(base_url, app_engine, code, note_id)
    with Session(app_engine) as session:
        note = session.get(Note, note_id)
        assert note is not None and not note.hidden and note.report_count == 1
    assert visible_in_csv(text, base_url)

    for _ in range(2):  # two more organisations: three organisations, the threshold
        _token, [(_id, code, _name)] = organisation(app_engine, 1, prefix="Klub Zgłaszający")
        report_from(base_url, app_engine, code, note_id)
    assert not visible_in_csv(text, base_url)
