"""Hostile clients: raw websocket events to organiser handlers, without a login or with a facilitator's."""

import contextlib

import pytest
from sqlmodel import Session, select

from kongres_app.db import session_scope
from kongres_app.models import CheckIn, Delegate, DiscussionGroup, ManageToken
from kongres_app.routes import STAFF_COOKIE
from kongres_app.services import auth
from tests.e2e.rawsocket import RawClient, state_name

pytestmark = pytest.mark.e2e

PARTICIPANTS = state_name("kongres_app.states.staff_participants", "StaffParticipantsState")
PEOPLE = state_name("kongres_app.states.staff_people", "PersonActionsState")
CHECK_IN = state_name("kongres_app.states.check_in", "CheckInState")
DASHBOARD = state_name("kongres_app.states.dashboard", "DashboardState")


def snapshot(engine) -> tuple:
    with Session(engine) as session:
        delegates = session.exec(select(Delegate.id, Delegate.group_id, Delegate.status, Delegate.needs_handled)).all()
        groups = session.exec(select(DiscussionGroup.id, DiscussionGroup.capacity)).all()
        checks = session.exec(select(CheckIn.id)).all()
        links = session.exec(select(ManageToken.id, ManageToken.revoked_at)).all()
    return sorted(delegates), sorted(groups), sorted(checks), sorted(links)


def attack(client: RawClient, delegate_id: int, code: str) -> None:
    client.emit(f"{DASHBOARD}.load")
    client.emit(f"{PARTICIPANTS}.load")
    client.emit(f"{PEOPLE}.ask_move", delegate_id=delegate_id)
    client.emit(f"{PEOPLE}.choose_group", group="4")
    client.emit(f"{PEOPLE}.confirm_move")
    client.emit(f"{PARTICIPANTS}.set_handled", delegate_id=delegate_id, handled=True)
    client.emit(f"{PEOPLE}.ask_cancel", delegate_id=delegate_id)
    client.emit(f"{PEOPLE}.confirm_cancel")
    client.emit(f"{PEOPLE}.ask_new_link", delegate_id=delegate_id)
    client.emit(f"{PEOPLE}.set_revoke_old", choice="uniewaznij")
    client.emit(f"{PEOPLE}.confirm_new_link")
    client.emit(f"{PARTICIPANTS}.set_capacity_field", name="capacity_value", value="0")
    client.emit(f"{PARTICIPANTS}.save_capacity", _form_data={})
    client.emit(f"{CHECK_IN}.submit", form_data={"kod": code})
    client.emit(f"{CHECK_IN}.toggle_camera")
    client.emit(f"{CHECK_IN}.scanned", code=code)
    client.mark()  # every attack above has been handled when this answer comes


@pytest.fixture
def victim(app_engine, page):
    """A registered delegate the attacks aim at."""
    from tests.e2e.journeys import fill_registration, submit
    from tests.factories import unique

    org, email = unique("Stowarzyszenie Ofiara")
    fill_registration(page, org, email, [("Celina Cel", "1")])
    submit(page)
    code = page.locator(".code").first.inner_text()
    with Session(app_engine) as session:
        delegate = session.exec(select(Delegate).where(Delegate.full_name == "Celina Cel")).first()
    return delegate.id, code


@pytest.mark.parametrize("who", ["anonymous", "facilitator"])
def test_organiser_handlers_refuse_and_change_nothing(app_engine, base_url, victim, who):
    cookie = ""
    if who == "facilitator":
        with session_scope(app_engine) as session, contextlib.suppress(auth.AuthError):  # made by an earlier test
            auth.create_user(
                session=session,
                username="moderator1",
                display_name="Moderator",
                password="haslo-moderatora-1",
                role=auth.FACILITATOR,
                group_number=1,
            )
        with session_scope(app_engine) as session:
            token, _ = auth.login(
                session=session, username="moderator1", password="haslo-moderatora-1", client_key="test"
            )
        cookie = f"{STAFF_COOKIE}={token}"
    delegate_id, code = victim
    before = snapshot(app_engine)
    client = RawClient(base_url, "/organizator/uczestnicy", cookie=cookie)
    try:
        attack(client, delegate_id, code)
    finally:
        client.close()
    assert snapshot(app_engine) == before
    assert not client.seen("Celina Cel")  # no participant data leaked into the deltas
    assert client.seen("Brak uprawnień")


PARTICIPANT = state_name("kongres_app.states.board_participant", "BoardParticipantState")
MODERATION = state_name("kongres_app.states.board_moderation", "BoardModerationState")


def test_board_handlers_refuse_posting_votes_and_moderation_without_rights(app_engine, base_url):
    from kongres_app.models import Note, NoteVote
    from kongres_app.services import boards
    from tests.factories import registered_delegate_code

    with session_scope(app_engine) as session:
        token, author = boards.join(session=session, code=registered_delegate_code(app_engine, 1))
    with session_scope(app_engine) as session:
        note_id = boards.post_note(
            session=session, participant=author, board=1, kind="trudnosc", text="Cel ataku", anonymous=False
        ).id
    with session_scope(app_engine) as session:
        outsider_token, _ = boards.join(session=session, code=registered_delegate_code(app_engine, 2))

    def board_state() -> tuple:
        with Session(app_engine) as session:
            note = session.get(Note, note_id)
            notes = len(session.exec(select(Note.id)).all())
            votes = len(session.exec(select(NoteVote.id).where(NoteVote.note_id == note_id)).all())
        return notes, votes, note.hidden, note.plenary, note.pinned, note.merged_into_id

    before = board_state()
    for client_vars in (
        None,
        {f"{PARTICIPANT}.participant_token": outsider_token},
        {f"{PARTICIPANT}.participant_token": "zmyslony"},
    ):
        client = RawClient(base_url, "/grupy/1", client_vars=client_vars)
        try:
            client.emit(f"{PARTICIPANT}.set_draft", value="Wpis bez prawa")
            client.emit(f"{PARTICIPANT}.post", _form_data={})
            client.emit(f"{PARTICIPANT}.toggle_vote", note_id=str(note_id))
            client.emit(f"{MODERATION}.ask_hide", note_id=str(note_id))
            client.emit(f"{MODERATION}.set_hide_reason", value="atak")
            client.emit(f"{MODERATION}.hide", _form_data={})
            client.emit(f"{MODERATION}.set_flag", note_id=str(note_id), flag="plenary", value=True)
            client.emit(f"{MODERATION}.set_flag", note_id=str(note_id), flag="pinned", value=True)
            client.emit(f"{MODERATION}.unhide", note_id=str(note_id))
            client.emit(f"{PARTICIPANT}.delete", note_id=str(note_id))
            client.mark()
        finally:
            client.close()
        assert board_state() == before
    # The author's own token works (so the refusals above are about rights, not a broken path).
    client = RawClient(base_url, "/grupy/1", client_vars={f"{PARTICIPANT}.participant_token": token})
    try:
        client.emit(f"{PARTICIPANT}.set_draft", value="Wpis autora")
        client.emit(f"{PARTICIPANT}.post", _form_data={})
        client.mark()
    finally:
        client.close()
    assert board_state()[0] == before[0] + 1
