from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from kongres_app.db import session_scope
from kongres_app.models import AuditEntry, StaffSession
from kongres_app.services import auth
from tests.factories import PASSWORD, make_user

NOW = datetime(2026, 11, 28, 10, tzinfo=UTC)


def login(engine, username="ala", password=PASSWORD, client="10.0.0.1", now=NOW):
    with session_scope(engine) as session:
        return auth.login(session=session, username=username, password=password, client_key=client, now=now)


def test_passwords_are_hashed_with_argon2_and_verified():
    hashed = auth.hash_password(PASSWORD)
    assert hashed.startswith("$argon2id$") and PASSWORD not in hashed
    assert auth.verify_password(hashed, PASSWORD)
    assert not auth.verify_password(hashed, PASSWORD + "x")
    assert not auth.verify_password("not-a-hash", PASSWORD)


def test_new_password_rules():
    with pytest.raises(auth.AuthError, match="co najmniej 12"):
        auth.check_new_password("krotkie", "krotkie")
    with pytest.raises(auth.AuthError, match="nie są takie same"):
        auth.check_new_password(PASSWORD, PASSWORD + "!")


def test_login_gives_a_token_stored_only_as_hash(engine):
    make_user(engine)
    token, staff = login(engine, username=" ALA ")
    assert staff.username == "ala" and staff.is_organiser
    with Session(engine) as session:
        stored = session.exec(select(StaffSession)).one()
        assert stored.token_hash != token and token not in stored.token_hash
        assert auth.authenticate(session, token, now=NOW) == staff
        assert auth.authenticate(session, token + "x", now=NOW) is None
        assert auth.authenticate(session, None) is None


def test_wrong_password_and_unknown_user_get_the_same_message(engine):
    make_user(engine)
    for username, password in (("ala", "zle-haslo-123"), ("nikt", PASSWORD)):
        with pytest.raises(auth.AuthError) as excinfo:
            login(engine, username=username, password=password)
        assert excinfo.value.message == "Nieprawidłowy login lub hasło."


def test_sessions_expire_and_logout_ends_them(engine):
    make_user(engine)
    token, _ = login(engine)
    with Session(engine) as session:
        assert auth.authenticate(session, token, now=NOW + auth.SESSION_LIFETIME - timedelta(seconds=1))
        assert auth.authenticate(session, token, now=NOW + auth.SESSION_LIFETIME) is None
    with session_scope(engine) as session:
        auth.logout(session=session, token=token)
    with Session(engine) as session:
        assert auth.authenticate(session, token, now=NOW) is None


def test_failed_logins_are_throttled_per_account(engine):
    make_user(engine)
    for _ in range(auth.MAX_FAILURES_PER_ACCOUNT):
        with pytest.raises(auth.AuthError, match="Nieprawidłowy"):
            login(engine, password="zle-haslo-123", client="10.0.0.2")
    # Even the right password is refused while the account is throttled, from any client.
    with pytest.raises(auth.AuthError, match="Zbyt wiele"):
        login(engine, client="10.0.0.3")
    # After the window it works again.
    token, _ = login(engine, now=NOW + auth.THROTTLE_WINDOW + timedelta(seconds=1))
    assert token


def test_failed_logins_are_throttled_per_client(engine):
    make_user(engine)
    for i in range(auth.MAX_FAILURES_PER_CLIENT):
        with pytest.raises(auth.AuthError):
            login(engine, username=f"zgadywany{i}", password="zle-haslo-123", client="10.9.9.9")
    with pytest.raises(auth.AuthError, match="Zbyt wiele"):
        login(engine, client="10.9.9.9")
    assert login(engine, client="10.0.0.4")[0]


def test_roles(engine):
    organiser = make_user(engine)
    facilitator = make_user(engine, username="moderator2", role=auth.FACILITATOR, group=2)
    assert organiser.may_moderate(1) and organiser.may_moderate(4)
    assert facilitator.may_moderate(2) and not facilitator.may_moderate(3)
    with Session(engine) as session:
        assert auth.require_organiser(session, organiser, "x") == organiser
        assert auth.require_moderator(session, facilitator, 2, "hide") == facilitator
        for actor in (None, facilitator):
            with pytest.raises(auth.PermissionDenied):
                auth.require_organiser(session, actor, "export")
        with pytest.raises(auth.PermissionDenied):
            auth.require_moderator(session, facilitator, 3, "hide")
    with Session(engine) as session:
        denied = session.exec(select(AuditEntry).where(AuditEntry.outcome == "denied")).all()
        assert [e.action for e in denied] == ["export", "export", "hide"]


def test_facilitator_needs_a_group_and_usernames_are_unique(engine):
    make_user(engine)
    with pytest.raises(auth.AuthError, match="już istnieje"):
        make_user(engine, username="ALA")
    with pytest.raises(auth.AuthError, match="grupę"):
        make_user(engine, username="mod", role=auth.FACILITATOR)


def test_password_reset_ends_open_sessions_and_only_organisers_may(engine):
    organiser = make_user(engine)
    facilitator = make_user(engine, username="mod1", role=auth.FACILITATOR, group=1)
    token, _ = login(engine, username="mod1")
    with pytest.raises(auth.PermissionDenied), session_scope(engine) as session:
        auth.reset_password(session=session, actor=facilitator, user_id=organiser.id, password="inne-haslo-12345")
    other_organiser = make_user(engine, username="ola")
    with pytest.raises(auth.AuthError, match="tylko hasło moderatora"), session_scope(engine) as session:
        auth.reset_password(session=session, actor=organiser, user_id=other_organiser.id, password="przejecie-konta-1")
    with session_scope(engine) as session:
        auth.reset_password(session=session, actor=organiser, user_id=facilitator.id, password="nowe-haslo-12345")
    with Session(engine) as session:
        assert auth.authenticate(session, token, now=NOW) is None
    assert login(engine, username="mod1", password="nowe-haslo-12345")[0]


def test_only_organisers_add_facilitators(engine):
    organiser = make_user(engine)
    with session_scope(engine) as session:
        created = auth.create_facilitator(
            session=session,
            actor=organiser,
            username="mod3",
            display_name="Moderator III",
            password=PASSWORD,
            group_number=3,
        )
    assert created.role == auth.FACILITATOR and created.group_number == 3 and created.may_moderate(3)
    with pytest.raises(auth.PermissionDenied), session_scope(engine) as session:
        auth.create_facilitator(
            session=session, actor=created, username="mod4", display_name="X", password=PASSWORD, group_number=4
        )
