"""Places, waiting lists, duplicates, window and self-service, on a real migrated SQLite file."""

from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from kongres_app.db import session_scope
from kongres_app.models import ManageToken, Registration
from kongres_app.services import registration as reg
from kongres_app.services.registration_views import public_participants
from kongres_app.services.stats import public_stats
from kongres_app.services.validation import CleanDelegate
from tests.factories import OPEN, capacity, org, read_registration, register, statuses


def test_register_gives_codes_places_and_a_hashed_link(seeded_engine):
    done = register(seeded_engine, org(1, 2))
    v = read_registration(seeded_engine, done.token)
    assert v.org_name.startswith("Stowarzyszenie nr")
    assert [(d.group_number, d.status) for d in v.delegates] == [(1, "confirmed"), (2, "confirmed")]
    assert len({d.code for d in v.delegates}) == 2
    assert all(d.qr_svg_uri.startswith("data:image/svg+xml") for d in v.delegates)
    with Session(seeded_engine) as session:
        stored = session.exec(select(ManageToken)).one()
        assert stored.token_hash != done.token and len(stored.token_hash) == 64
    assert read_registration(seeded_engine, "not-the-token") is None


def test_full_group_waitlists_in_order_and_promotes_on_cancellation(seeded_engine):
    capacity(seeded_engine, 1, 2)
    a = register(seeded_engine, org(1, 1))
    b = register(seeded_engine, org(1))
    c = register(seeded_engine, org(1))
    assert statuses(seeded_engine, a.token) == [("confirmed", 0), ("confirmed", 0)]
    assert statuses(seeded_engine, b.token) == [("waiting", 1)]
    assert statuses(seeded_engine, c.token) == [("waiting", 2)]
    # Another group is unaffected.
    assert statuses(seeded_engine, register(seeded_engine, org(2)).token) == [("confirmed", 0)]

    first = read_registration(seeded_engine, a.token).delegates[0]
    with session_scope(seeded_engine) as session:
        promoted = reg.cancel_delegate(session=session, token=a.token, delegate_id=first.id, now=OPEN)
    assert len(promoted) == 1
    assert statuses(seeded_engine, b.token) == [("confirmed", 0)]
    assert read_registration(seeded_engine, b.token).delegates[0].promoted
    assert statuses(seeded_engine, c.token) == [("waiting", 1)]


def test_cancelling_a_waiting_delegate_moves_the_queue_up(seeded_engine):
    capacity(seeded_engine, 3, 0)
    a, b, c = (register(seeded_engine, org(3)) for _ in range(3))
    with session_scope(seeded_engine) as session:
        reg.cancel_registration(session=session, token=b.token, now=OPEN)
    assert statuses(seeded_engine, a.token) == [("waiting", 1)]
    assert statuses(seeded_engine, c.token) == [("waiting", 2)]
    assert read_registration(seeded_engine, b.token).cancelled


def test_raising_capacity_promotes_first_come_first_served(seeded_engine):
    capacity(seeded_engine, 4, 0)
    tokens = [register(seeded_engine, org(4)).token for _ in range(3)]
    promoted = capacity(seeded_engine, 4, 2)
    assert len(promoted) == 2
    assert [statuses(seeded_engine, t)[0] for t in tokens] == [
        ("confirmed", 0),
        ("confirmed", 0),
        ("waiting", 1),
    ]


def test_venue_capacity_caps_all_groups_together(seeded_engine):
    with session_scope(seeded_engine) as session:
        reg.set_venue_capacity(session=session, capacity=2, now=OPEN)
    a = register(seeded_engine, org(1, 2))
    b = register(seeded_engine, org(3))  # group 3 has room, the hall does not
    assert statuses(seeded_engine, b.token) == [("waiting", 1)]
    with session_scope(seeded_engine) as session:
        reg.cancel_delegate(
            session=session,
            token=a.token,
            delegate_id=read_registration(seeded_engine, a.token).delegates[1].id,
            now=OPEN,
        )
    assert statuses(seeded_engine, b.token) == [("confirmed", 0)]


def test_moving_a_delegate_frees_their_place_for_the_next_in_line(seeded_engine):
    capacity(seeded_engine, 1, 1)
    a = register(seeded_engine, org(1))
    b = register(seeded_engine, org(1))
    moved = read_registration(seeded_engine, a.token)
    data = org(2, name=moved.org_name, email=moved.email)
    data = data.__class__(
        **{**data.__dict__, "delegates": (CleanDelegate("Nowe Nazwisko", "", 2, "", moved.delegates[0].id),)}
    )
    with session_scope(seeded_engine) as session:
        reg.update_registration(session=session, token=a.token, data=data, now=OPEN)
    after = read_registration(seeded_engine, a.token).delegates
    assert [(d.group_number, d.status, d.full_name) for d in after] == [(2, "confirmed", "Nowe Nazwisko")]
    assert after[0].code == moved.delegates[0].code  # the code stays with the person
    assert statuses(seeded_engine, b.token) == [("confirmed", 0)]


def test_moving_into_a_full_group_goes_to_the_back_of_its_queue(seeded_engine):
    capacity(seeded_engine, 2, 1)
    register(seeded_engine, org(2))
    waiting = register(seeded_engine, org(2))
    mover = register(seeded_engine, org(1))
    current = read_registration(seeded_engine, mover.token)
    data = org(1, name=current.org_name, email=current.email)
    data = data.__class__(**{**data.__dict__, "delegates": (CleanDelegate("X Y", "", 2, "", current.delegates[0].id),)})
    with session_scope(seeded_engine) as session:
        reg.update_registration(session=session, token=mover.token, data=data, now=OPEN)
    assert statuses(seeded_engine, waiting.token) == [("waiting", 1)]
    assert statuses(seeded_engine, mover.token) == [("waiting", 2)]


def test_duplicates_are_refused_and_nothing_is_stored(seeded_engine):
    register(seeded_engine, org(1, name="Klub Sportowy „Znicz”", email="znicz@example.pl", krs="0000111111"))
    attempts = [
        (org(1, krs="0000111111"), "krs"),
        (org(1, name='klub sportowy "ZNICZ"'), "org_name"),
        (org(1, email="ZNICZ@example.pl"), "email"),
    ]
    for data, field in attempts:
        with pytest.raises(reg.RegistrationError) as excinfo, session_scope(seeded_engine) as session:
            reg.register(session=session, data=data, now=OPEN)
        assert excinfo.value.field == field and excinfo.value.duplicate
    # Same name in another gmina is another organisation.
    register(seeded_engine, org(1, name="Klub Sportowy Znicz", gmina="brwinow"))
    with Session(seeded_engine) as session:
        assert len(session.exec(select(Registration)).all()) == 2


def test_a_cancelled_organisation_may_register_again(seeded_engine):
    first = register(seeded_engine, org(1, email="powrot@example.pl", krs="0000222222"))
    with session_scope(seeded_engine) as session:
        reg.cancel_registration(session=session, token=first.token, now=OPEN)
    register(seeded_engine, org(1, email="powrot@example.pl", krs="0000222222"))


@pytest.mark.parametrize(
    ("now", "message"),
    [
        (datetime(2017, 1, 31, 12, tzinfo=UTC), "jeszcze się nie rozpoczęła"),
        (datetime(2017, 3, 2, 23, tzinfo=UTC), "już zamknięta"),
    ],
)
def test_registration_window_is_enforced(seeded_engine, now, message):
    with pytest.raises(reg.RegistrationError, match=message), session_scope(seeded_engine) as session:
        reg.register(session=session, data=org(1), now=now)
    with Session(seeded_engine) as session:
        assert session.exec(select(Registration)).first() is None


def test_editing_after_closing_is_refused_but_cancelling_is_not(seeded_engine):
    done = register(seeded_engine, org(1))
    later = datetime(2017, 3, 3, 10, tzinfo=UTC)
    with pytest.raises(reg.RegistrationError, match="zamknięta"), session_scope(seeded_engine) as session:
        reg.update_registration(session=session, token=done.token, data=org(2), now=later)
    with session_scope(seeded_engine) as session:
        reg.cancel_registration(session=session, token=done.token, now=later)
    assert read_registration(seeded_engine, done.token).cancelled


def test_cancelling_the_last_delegate_cancels_the_registration(seeded_engine):
    done = register(seeded_engine, org(1))
    only = read_registration(seeded_engine, done.token).delegates[0]
    with session_scope(seeded_engine) as session:
        reg.cancel_delegate(session=session, token=done.token, delegate_id=only.id, now=OPEN)
    assert read_registration(seeded_engine, done.token).cancelled


def test_foreign_delegate_cannot_be_cancelled_with_my_link(seeded_engine):
    mine = register(seeded_engine, org(1))
    theirs = register(seeded_engine, org(1))
    their_delegate = read_registration(seeded_engine, theirs.token).delegates[0].id
    with pytest.raises(reg.RegistrationError), session_scope(seeded_engine) as session:
        reg.cancel_delegate(session=session, token=mine.token, delegate_id=their_delegate, now=OPEN)
    assert statuses(seeded_engine, theirs.token) == [("confirmed", 0)]


def test_new_link_is_issued_rarely_and_old_links_keep_working(seeded_engine):
    done = register(seeded_engine, org(1, email="link@example.pl"))
    with session_scope(seeded_engine) as session:
        assert reg.issue_new_link(session=session, email="LINK@example.pl", now=OPEN) is None  # too soon
    later = datetime(2017, 2, 15, 12, 5, tzinfo=UTC)
    with session_scope(seeded_engine) as session:
        issued = reg.issue_new_link(session=session, email="LINK@example.pl", now=later)
        assert reg.issue_new_link(session=session, email="nobody@example.pl", now=later) is None
    assert issued is not None
    assert read_registration(seeded_engine, issued[1]).org_name == read_registration(seeded_engine, done.token).org_name


def test_public_list_and_stats(seeded_engine):
    register(seeded_engine, org(1, 2, name="Fundacja Zgoda", publish=True, gmina="piastow"))
    register(seeded_engine, org(1, name="Ukryte Stowarzyszenie", publish=False, gmina="piastow"))
    capacity(seeded_engine, 3, 0)
    register(seeded_engine, org(3, name="Koło Gospodyń", publish=True, gmina="nadarzyn"))
    with Session(seeded_engine) as session:
        listed = public_participants(session)
        stats = public_stats(session)
    assert [(g.label, g.organisations) for g in listed] == [
        ("Piastów (miasto)", ["Fundacja Zgoda"]),
        ("Nadarzyn", ["Koło Gospodyń"]),
    ]
    assert stats["organisations"] == 3
    assert stats["delegates"] == {"confirmed": 3, "waiting": 1}
    assert [(g["number"], g["confirmed"], g["waiting"]) for g in stats["groups"]] == [
        (1, 2, 0),
        (2, 1, 0),
        (3, 0, 1),
        (4, 0, 0),
    ]
    piastow = next(g for g in stats["gminas"] if g["gmina"] == "piastow")
    assert piastow == {
        "gmina": "piastow",
        "name": "Piastów (miasto)",
        "organisations": 2,
        "delegates_confirmed": 3,
    }
    assert "Ukryte" not in str(stats) and "Anna" not in str(stats)


def test_cancelling_after_the_congress_is_refused(seeded_engine):
    done = register(seeded_engine, org(1))
    after = datetime(2017, 3, 5, 9, tzinfo=UTC)
    with pytest.raises(reg.RegistrationError, match="już się odbył"), session_scope(seeded_engine) as session:
        reg.cancel_registration(session=session, token=done.token, now=after)
    assert not read_registration(seeded_engine, done.token).cancelled


def test_nobody_registers_while_the_information_clause_holds_placeholders(seeded_engine):
    """The seed leaves the DPO's contact and others as "[… – uzupełnia organizator]": until the organiser fills
    them in, the form is replaced by a notice and the service refuses (a crafted event changes nothing)."""
    from kongres_app.models import SiteSetting
    from kongres_app.services.congress import edition_view

    with session_scope(seeded_engine) as session:
        row = session.exec(select(SiteSetting).where(SiteSetting.key == "gdpr_dpo_contact")).one()
        row.value = "[adres e-mail inspektora ochrony danych – uzupełnia organizator]"
        session.add(row)
    with Session(seeded_engine) as session:
        assert edition_view(session, OPEN).registration_status == "unready"
    with pytest.raises(reg.RegistrationError) as refused:
        register(seeded_engine, org(1))
    assert "informację o ochronie danych" in refused.value.message
    with Session(seeded_engine) as session:
        assert session.exec(select(Registration)).all() == []
    with session_scope(seeded_engine) as session:
        row = session.exec(select(SiteSetting).where(SiteSetting.key == "gdpr_dpo_contact")).one()
        row.value = "iod@powiat.example.pl"
        session.add(row)
    with Session(seeded_engine) as session:
        assert edition_view(session, OPEN).registration_status == "open"
    assert register(seeded_engine, org(1)).token
