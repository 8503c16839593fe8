from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar
from sqlmodel import Session

from kongres_app.db import session_scope
from kongres_app.services import auth, grants
from tests.factories import grant_input, make_user

NOW = datetime(2026, 11, 28, 10, tzinfo=UTC)  # 11:00 in Warsaw: the earliest deadline is 19 December
REASON = "Art. 13 ust. 1a ustawy: zadanie wymaga pilnej realizacji"


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
        "selection_date",
        "same_kind_tasks",
        "bip_url",
    } <= set(errors)
    values, errors = grants.validate(grant_input())
    assert errors == {} and values["funds_pln"] == 50000
    # 15:00 in Warsaw in winter is 14:00 UTC.
    assert values["offer_deadline"] == datetime(2026, 12, 30, 14, tzinfo=UTC)


def test_publish_list_days_left_and_short_notice_warning(seeded_engine):
    organiser = make_user(seeded_engine)
    with session_scope(seeded_engine) as session:
        long_one = grants.create(session=session, actor=organiser, data=grant_input(), now=NOW)
        short_one = grants.create(
            session=session,
            actor=organiser,
            data=grant_input(title="Konkurs z krótkim terminem", offer_deadline="2026-12-10"),
            now=NOW,
        )
    with session_scope(seeded_engine) as session:
        assert grants.public_list(session, now=NOW) == []  # nothing before publication
        grants.publish(session=session, actor=organiser, grant_id=long_one.id, now=NOW)
        published_short = grants.publish(
            session=session, actor=organiser, grant_id=short_one.id, reason=REASON, now=NOW
        )
        assert grants.short_notice(published_short)
    with Session(seeded_engine) as session:
        listed = grants.public_list(session, now=NOW)
    assert [g.title for g in listed] == ["Konkurs z krótkim terminem", "Wspieranie aktywności seniorów w 2027 roku"]
    assert listed[0].days_left == "zostało 12 dni" and listed[0].short_notice
    assert listed[1].days_left == "zostały 32 dni" and not listed[1].short_notice
    with Session(seeded_engine) as session:
        after = grants.public_list(session, now=NOW + timedelta(days=40))
    assert [g.is_open for g in after] == [False, False] and after[0].days_left == "nabór zakończony"


def test_reminder_ics_has_the_deadline_and_alarms(seeded_engine):
    organiser = make_user(seeded_engine)
    with session_scope(seeded_engine) as session:
        grant = grants.create(session=session, actor=organiser, data=grant_input(), now=NOW)
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
            grants.create(session=session, actor=actor, data=grant_input(), now=NOW)
        with pytest.raises(auth.PermissionDenied), Session(seeded_engine) as session:
            grants.all_for_organisers(session, actor)


@pytest.fixture
def organiser(seeded_engine):
    return make_user(seeded_engine)


def _draft(engine, organiser, deadline: str, now=NOW) -> int:
    with session_scope(engine) as session:
        return grants.create(session=session, actor=organiser, data=grant_input(offer_deadline=deadline), now=now).id


def _publish(engine, organiser, grant_id, now=NOW, **kwargs):
    with session_scope(engine) as session:
        grant = grants.publish(session=session, actor=organiser, grant_id=grant_id, now=now, **kwargs)
        return grant.published_at, grant.short_notice_reason


def _public(engine, now=NOW):
    with Session(engine) as session:
        return grants.public_list(session, now=now)


def test_a_deadline_20_days_after_publication_is_refused_naming_the_earliest_day(seeded_engine, organiser):
    grant_id = _draft(seeded_engine, organiser, "2026-12-18T23:59")
    for reason in (None, "", "  "):
        with pytest.raises(grants.GrantError) as refused:
            _publish(seeded_engine, organiser, grant_id, reason=reason)
        assert refused.value.field == "short_notice_reason"
        assert "najwcześniej 19 grudnia 2026\u00a0r." in refused.value.message
    assert _public(seeded_engine) == []  # nothing was published


def test_a_deadline_on_the_21st_day_is_allowed_even_early_that_day(seeded_engine, organiser):
    grant_id = _draft(seeded_engine, organiser, "2026-12-19T09:00")  # under 21 × 24 h after 11:00, yet the 21st day
    assert _publish(seeded_engine, organiser, grant_id) == (NOW, "")
    (shown,) = _public(seeded_engine)
    assert not shown.short_notice and shown.short_notice_reason == ""


def test_a_shorter_deadline_with_its_legal_basis_is_published_and_shows_it(seeded_engine, organiser):
    grant_id = _draft(seeded_engine, organiser, "2026-12-10T15:00")
    assert _publish(seeded_engine, organiser, grant_id, reason=f"  {REASON} ") == (NOW, REASON)
    (shown,) = _public(seeded_engine)
    assert shown.short_notice and shown.short_notice_reason == REASON
    with pytest.raises(grants.GrantError):  # too long a reason is refused, not cut
        _publish(seeded_engine, organiser, _draft(seeded_engine, organiser, "2026-12-10"), reason="x" * 1001)


def test_the_21_days_are_counted_on_the_editions_calendar(seeded_engine, organiser):
    # 23:30 UTC on 27 November is already 28 November in Warsaw: the 18th is day 20 there, day 21 in UTC.
    late = datetime(2026, 11, 27, 23, 30, tzinfo=UTC)
    grant_id = _draft(seeded_engine, organiser, "2026-12-18T12:00", now=late)
    with pytest.raises(grants.GrantError) as refused:
        _publish(seeded_engine, organiser, grant_id, now=late)
    assert (
        "przy publikacji 28 listopada 2026\u00a0r. termin może przypaść najwcześniej 19 grudnia 2026\u00a0r."
        in refused.value.message
    )
    assert _publish(seeded_engine, organiser, grant_id, now=late, tz="UTC")[0] == late  # a UTC edition: day 21
    assert grants.earliest_deadline(late) == date(2026, 12, 19)
    assert grants.earliest_deadline(late, "UTC") == date(2026, 12, 18)


def test_a_deadline_already_past_is_never_published(seeded_engine, organiser):
    grant_id = _draft(seeded_engine, organiser, "2026-11-27T12:00")
    with pytest.raises(grants.GrantError) as refused:
        _publish(seeded_engine, organiser, grant_id, reason=REASON)
    assert refused.value.field == "offer_deadline"


def test_empty_optional_amounts_are_unknown_not_zero(seeded_engine, organiser):
    values, errors = grants.validate(grant_input(granted_this_year_pln="", granted_last_year_pln="0"))
    assert errors == {} and values["granted_this_year_pln"] is None and values["granted_last_year_pln"] == 0
    with session_scope(seeded_engine) as session:
        grant = grants.create(
            session=session,
            actor=organiser,
            data=grant_input(granted_this_year_pln=" ", granted_last_year_pln="0"),
            now=NOW,
        )
        grants.publish(session=session, actor=organiser, grant_id=grant.id, now=NOW)
    (shown,) = _public(seeded_engine)
    assert (shown.granted_this_year, shown.granted_last_year) == ("brak danych", "0\u00a0zł")
    assert shown.funds == "50\u00a0000\u00a0zł"


def test_every_item_of_art_13_ust_2_is_required(seeded_engine, organiser):
    """pkt 6 (the date of choosing offers) and pkt 7 (tasks of the same kind and their costs) may not be left
    out, nor the link to the BIP announcement; a choice before the offers are in is refused."""
    for field in ("selection_date", "same_kind_tasks", "bip_url"):
        _, errors = grants.validate(grant_input(**{field: ""}))
        assert set(errors) == {field}, field
    _, errors = grants.validate(grant_input(selection_date="2026-12-29"))
    assert "przed terminem składania ofert" in errors["selection_date"]


def test_a_draft_saved_without_the_statutory_items_is_not_published(seeded_engine, organiser):
    with session_scope(seeded_engine) as session:
        grant = grants.create(session=session, actor=organiser, data=grant_input(), now=NOW)
        grant.same_kind_tasks, grant.bip_url = "", ""  # as a competition saved before they were required
        session.add(grant)
        session.flush()
        with pytest.raises(grants.GrantError) as refused:
            grants.publish(session=session, actor=organiser, grant_id=grant.id, now=NOW)
        assert "zadania tego samego rodzaju" in refused.value.message and "BIP" in refused.value.message
        assert grant.published_at is None


def test_the_public_view_carries_the_statutory_items(seeded_engine, organiser):
    with session_scope(seeded_engine) as session:
        grant = grants.create(session=session, actor=organiser, data=grant_input(), now=NOW)
        shown = grants.view(grant, NOW)
    assert shown.same_kind_tasks.startswith("2026: 4 zadania") and shown.bip_url.endswith("konkurs-1")
    assert shown.selection_date
