"""Organisers' changes to one person: previews change nothing and say what will happen; new management links."""

import json

import pytest
from sqlmodel import Session, col, select

from kongres_app.db import session_scope
from kongres_app.models import AuditEntry, Delegate
from kongres_app.services import auth, people
from kongres_app.services.registration import (
    RegistrationError,
    registration_for_token,
    set_venue_capacity,
    token_revoked,
)
from kongres_app.services.registration_views import registration_view
from tests.factories import call, capacity, org, register


def delegate_ids(engine, token) -> list[int]:
    with Session(engine) as session:
        return [d.id for d in registration_view(session, token).delegates]


def snapshot(engine) -> list[tuple]:
    with Session(engine) as session:
        return sorted(session.exec(select(Delegate.id, Delegate.group_id, Delegate.status, Delegate.queued_at)).all())


def test_every_people_service_refuses_anonymous_and_facilitators(seeded_engine, staff):
    done = register(seeded_engine, org(1))
    (delegate_id,) = delegate_ids(seeded_engine, done.token)
    actions = [
        (people.person, (delegate_id,), {}),
        (people.move_preview, (delegate_id, 2), {}),
        (people.confirm_move, (delegate_id, 2), {}),
        (people.cancel_preview, (delegate_id,), {}),
        (people.confirm_cancel, (delegate_id,), {}),
        (people.link_preview, (done.registration_id,), {}),
        (people.issue_link, (done.registration_id,), {"revoke_old": True}),
    ]
    before = snapshot(seeded_engine)
    for actor in (None, staff["facilitator"]):
        for fn, args, kwargs in actions:
            with pytest.raises(auth.PermissionDenied):
                call(seeded_engine, fn, actor, *args, **kwargs)
    assert snapshot(seeded_engine) == before
    with Session(seeded_engine) as session:
        assert registration_for_token(session, done.token) is not None  # the link was not revoked
        denied = session.exec(select(AuditEntry).where(AuditEntry.outcome == "denied")).all()
    assert {"preview_move", "issue_manage_link"} <= {e.action for e in denied}


def test_move_preview_says_what_will_happen_and_changes_nothing(seeded_engine, staff):
    actor = staff["organiser"]
    mover = register(seeded_engine, org(4))
    (mover_id,) = delegate_ids(seeded_engine, mover.token)
    register(seeded_engine, org(3, 3))
    capacity(seeded_engine, 3, 2)  # group III now full
    register(seeded_engine, org(3))  # one person already waits there
    before = snapshot(seeded_engine)

    free = call(seeded_engine, people.move_preview, actor, mover_id, 1)
    assert free.outcome == "confirmed"
    assert "do grupy I i dostanie w niej potwierdzone miejsce" in free.message

    full = call(seeded_engine, people.move_preview, actor, mover_id, 3)
    assert (full.outcome, full.waitlist_position) == ("waiting", 2)
    assert "Grupa III jest pełna (2 z 2 miejsc zajętych)" in full.message
    assert "na listę rezerwową grupy III, na miejsce 2 w kolejce" in full.message
    assert "Straci potwierdzone miejsce w grupie IV" in full.message

    same = call(seeded_engine, people.move_preview, actor, mover_id, 4)
    assert same.outcome == "same"
    assert snapshot(seeded_engine) == before  # previews are only words

    with pytest.raises(RegistrationError, match="Nie ma takiej grupy"):
        call(seeded_engine, people.move_preview, actor, mover_id, 9)
    with pytest.raises(RegistrationError, match="Nie ma takiej osoby"):
        call(seeded_engine, people.move_preview, actor, 999_999, 1)


def test_move_preview_into_a_full_venue(seeded_engine, staff):
    actor = staff["organiser"]
    seated = register(seeded_engine, org(2))
    with session_scope(seeded_engine) as session:
        set_venue_capacity(session=session, capacity=1)
    register(seeded_engine, org(1))  # the venue is full: this one waits
    # A seated person keeps the venue's one place wherever they go ...
    assert call(seeded_engine, people.move_preview, actor, delegate_ids(seeded_engine, seated.token)[0], 3).outcome == (
        "confirmed"
    )
    # ... while someone waiting would wait in the new group too, though it has room.
    other = register(seeded_engine, org(1))
    venue = call(seeded_engine, people.move_preview, actor, delegate_ids(seeded_engine, other.token)[0], 3)
    assert (venue.outcome, venue.waitlist_position) == ("waiting", 1)
    assert venue.message.startswith("Na sali nie ma już wolnych miejsc (1): ")


def test_confirmed_move_reports_where_the_person_ended_up(seeded_engine, staff):
    actor = staff["organiser"]
    capacity(seeded_engine, 2, 1)
    first = register(seeded_engine, org(2))
    second = register(seeded_engine, org(2))  # waits in group II
    (first_id,) = delegate_ids(seeded_engine, first.token)
    message = call(seeded_engine, people.confirm_move, actor, first_id, 1)
    assert message.startswith("Przeniesiono: ") and "jest teraz w grupie I, z potwierdzonym miejscem" in message
    assert "Miejsce z listy rezerwowej dostali: " in message  # second got the freed place in group II
    assert registration_view(Session(seeded_engine), second.token).delegates[0].status == "confirmed"

    capacity(seeded_engine, 1, 1)
    message = call(seeded_engine, people.confirm_move, actor, delegate_ids(seeded_engine, second.token)[0], 1)
    assert "na liście rezerwowej grupy I, na miejscu 1 w kolejce" in message
    with Session(seeded_engine) as session:
        moves = session.exec(select(AuditEntry).where(AuditEntry.action == "move_delegate")).all()
    assert len(moves) == 2 and all(e.outcome == "ok" for e in moves)


def test_cancel_preview_names_the_consequences(seeded_engine, staff):
    actor = staff["organiser"]
    capacity(seeded_engine, 1, 1)
    pair = register(seeded_engine, org(1, 2))
    register(seeded_engine, org(1))  # waits for group I
    first_id, second_id = delegate_ids(seeded_engine, pair.token)
    preview = call(seeded_engine, people.cancel_preview, actor, first_id)
    assert "zostanie anulowany" in preview.message
    assert "Jej miejsce dostanie pierwsza osoba z listy rezerwowej grupy I" in preview.message
    assert "cała rejestracja" not in preview.message
    assert call(seeded_engine, people.cancel_preview, actor, first_id) == preview  # nothing changed

    message = call(seeded_engine, people.confirm_cancel, actor, first_id)
    assert message.startswith("Anulowano udział: ") and "Miejsce z listy rezerwowej dostali" in message
    last = call(seeded_engine, people.cancel_preview, actor, second_id)
    assert "ostatnia zgłoszona osoba tej organizacji, więc anulowana zostanie cała rejestracja" in last.message


def test_new_link_keeping_or_revoking_the_old_ones(seeded_engine, staff):
    actor = staff["organiser"]
    done = register(seeded_engine, org(1, email="kontakt-link@example.pl"))
    preview = call(seeded_engine, people.link_preview, actor, done.registration_id)
    assert (preview.email, preview.active_links) == ("kontakt-link@example.pl", 1)

    kept = call(seeded_engine, people.issue_link, actor, done.registration_id, revoke_old=False)
    assert kept.revoked == 0 and kept.token not in (done.token, "")
    with Session(seeded_engine) as session:
        assert registration_for_token(session, done.token) is not None
        assert registration_for_token(session, kept.token) is not None

    fresh = call(seeded_engine, people.issue_link, actor, done.registration_id, revoke_old=True, mailed=True)
    assert fresh.revoked == 2
    with Session(seeded_engine) as session:
        assert registration_for_token(session, fresh.token).id == done.registration_id
        for old in (done.token, kept.token):
            assert registration_for_token(session, old) is None
            assert token_revoked(session, old)
        assert not token_revoked(session, fresh.token) and not token_revoked(session, "zmyslony")
        assert registration_view(session, done.token) is None
        entries = session.exec(
            select(AuditEntry).where(AuditEntry.action == "issue_manage_link").order_by(col(AuditEntry.id))
        ).all()
    assert [json.loads(e.details) for e in entries] == [
        {"registration": done.registration_id, "revoke_old": False, "revoked": 0, "mailed": False},
        {"registration": done.registration_id, "revoke_old": True, "revoked": 2, "mailed": True},
    ]
    assert all(fresh.token not in e.details for e in entries)  # the secret is never written down


def test_no_new_link_for_a_cancelled_or_unknown_registration(seeded_engine, staff):
    actor = staff["organiser"]
    done = register(seeded_engine, org(1))
    call(seeded_engine, people.confirm_cancel, actor, delegate_ids(seeded_engine, done.token)[0])
    for registration_id in (done.registration_id, 999_999):
        with pytest.raises(RegistrationError):
            call(seeded_engine, people.issue_link, actor, registration_id, revoke_old=True)
        with pytest.raises(RegistrationError):
            call(seeded_engine, people.link_preview, actor, registration_id)
