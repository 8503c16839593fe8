from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar
from sqlmodel import Session

from kongres_app.db import session_scope
from kongres_app.services import auth, grants
from tests.unit.test_auth import make_user

NOW = datetime(2026, 11, 28, 10, tzinfo=UTC)


def good(**overrides) -> grants.GrantInput:
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
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


def test_validation_reports_every_field():
    _, errors = grants.validate(grants.GrantInput())
    assert {
        "title",
        "public_task",
        "funds_pln",
        "award_rules",
        "execution_terms",
        "offer_deadline",
        "selection_procedure",
        "offers_url",
    } <= set(errors)
    values, errors = grants.validate(good())
    assert errors == {} and values["funds_pln"] == 50000
    # 15:00 in Warsaw in winter is 14:00 UTC.
    assert values["offer_deadline"] == datetime(2026, 12, 30, 14, tzinfo=UTC)


def test_publish_list_days_left_and_short_notice_warning(seeded_engine):
    organiser = make_user(seeded_engine)
    with session_scope(seeded_engine) as session:
        long_one = grants.create(session=session, actor=organiser, data=good(), now=NOW)
        short_one = grants.create(
            session=session,
            actor=organiser,
            data=good(title="Konkurs z krótkim terminem", offer_deadline="2026-12-10"),
            now=NOW,
        )
    with session_scope(seeded_engine) as session:
        assert grants.public_list(session, now=NOW) == []  # nothing before publication
        grants.publish(session=session, actor=organiser, grant_id=long_one.id, now=NOW)
        published_short = grants.publish(session=session, actor=organiser, grant_id=short_one.id, now=NOW)
        assert grants.short_notice(published_short)
    with Session(seeded_engine) as session:
        listed = grants.public_list(session, now=NOW)
    assert [g.title for g in listed] == ["Konkurs z krótkim terminem", "Wspieranie aktywności seniorów w 2027 roku"]
    assert listed[0].days_left == "zostało 12 dni" and listed[0].short_notice
    assert listed[1].days_left == "zostało 32 dni" and not listed[1].short_notice
    with Session(seeded_engine) as session:
        after = grants.public_list(session, now=NOW + timedelta(days=40))
    assert [g.is_open for g in after] == [False, False] and after[0].days_left == "nabór zakończony"


def test_reminder_ics_has_the_deadline_and_alarms(seeded_engine):
    organiser = make_user(seeded_engine)
    with session_scope(seeded_engine) as session:
        grant = grants.create(session=session, actor=organiser, data=good(), now=NOW)
        assert grants.reminder_ics(session, grant.id) is None  # not published yet
        grants.publish(session=session, actor=organiser, grant_id=grant.id, now=NOW)
    with Session(seeded_engine) as session:
        calendar = Calendar.from_ical(grants.reminder_ics(session, grant.id))
    event = next(iter(calendar.walk("VEVENT")))
    assert event.decoded("dtstart") == datetime(2026, 12, 30, 14, tzinfo=UTC)
    assert len(event.walk("VALARM")) == 2


def test_only_organisers_manage_competitions(seeded_engine):
    facilitator = make_user(seeded_engine, username="mod", role=auth.FACILITATOR, group=1)
    for actor in (None, facilitator):
        with pytest.raises(auth.PermissionDenied), session_scope(seeded_engine) as session:
            grants.create(session=session, actor=actor, data=good(), now=NOW)
        with pytest.raises(auth.PermissionDenied), Session(seeded_engine) as session:
            grants.all_for_organisers(session, actor)
