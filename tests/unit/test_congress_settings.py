import pytest
from sqlmodel import Session, select

from kongres_app.db import session_scope
from kongres_app.models import DiscussionGroup, Edition, SiteSetting
from kongres_app.services import auth, congress_settings
from tests.factories import capacity, make_user, org, register, statuses


def test_read_change_and_promote(seeded_engine):
    organiser = make_user(seeded_engine)
    capacity(seeded_engine, 1, 0)
    waiting = register(seeded_engine, org(1))
    with Session(seeded_engine) as session:
        values = congress_settings.current_values(session, organiser)
    assert values["venue_capacity"] == "120" and values["capacity_1"] == "0"
    assert values["registration_opens_at"] == "2017-02-01T09:00"
    values.update(capacity_1="5", slogan="Nowe hasło", report_threshold="4", gdpr_dpo_contact="iod@example.pl")
    with session_scope(seeded_engine) as session:
        promoted = congress_settings.save(session=session, actor=organiser, values=values)
    assert promoted == 1
    assert statuses(seeded_engine, waiting.token) == [("confirmed", 0)]
    with Session(seeded_engine) as session:
        assert session.exec(select(Edition.slogan)).one() == "Nowe hasło"
        assert session.exec(select(DiscussionGroup.capacity).where(DiscussionGroup.number == 1)).one() == 5
        stored = {s.key: s.value for s in session.exec(select(SiteSetting))}
    assert stored["report_threshold"] == "4" and stored["gdpr_dpo_contact"] == "iod@example.pl"


def test_bad_values_change_nothing(seeded_engine):
    organiser = make_user(seeded_engine)
    with Session(seeded_engine) as session:
        values = congress_settings.current_values(session, organiser)
    values.update(name="", venue_capacity="dużo", registration_closes_at="2017-01-01T00:00", report_threshold="0")
    with pytest.raises(congress_settings.SettingsError) as excinfo, session_scope(seeded_engine) as session:
        congress_settings.save(session=session, actor=organiser, values=values)
    assert set(excinfo.value.errors) == {"name", "venue_capacity", "registration_closes_at", "report_threshold"}
    with Session(seeded_engine) as session:
        assert session.exec(select(Edition.venue_capacity)).one() == 120


def test_only_organisers(seeded_engine):
    facilitator = make_user(seeded_engine, username="mod", role=auth.FACILITATOR, group=1)
    with pytest.raises(auth.PermissionDenied), Session(seeded_engine) as session:
        congress_settings.current_values(session, facilitator)
    with pytest.raises(auth.PermissionDenied), session_scope(seeded_engine) as session:
        congress_settings.save(session=session, actor=None, values={})


def test_unchanged_places_do_not_undo_a_change_made_meanwhile(seeded_engine):
    organiser = make_user(seeded_engine)
    with Session(seeded_engine) as session:
        loaded = congress_settings.current_values(session, organiser)
    capacity(seeded_engine, 2, 44)  # another organiser raises group II on the participants page
    edited = {**loaded, "slogan": "Inne hasło"}
    with session_scope(seeded_engine) as session:
        congress_settings.save(session=session, actor=organiser, values=edited, previous=loaded)
    with Session(seeded_engine) as session:
        assert session.exec(select(DiscussionGroup.capacity).where(DiscussionGroup.number == 2)).one() == 44
