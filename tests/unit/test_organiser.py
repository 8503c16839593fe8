from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import Session, select

from kongres_app.db import session_scope
from kongres_app.models import Edition
from kongres_app.services import auth, organiser
from kongres_app.services import registration as reg
from kongres_app.services.registration_views import registration_view
from tests.factories import OPEN, call, capacity, org, register


def test_every_organiser_service_refuses_anonymous_and_facilitators(seeded_engine, staff):
    done = register(seeded_engine, org(1))
    delegate_id = registration_view(Session(seeded_engine), done.token).delegates[0].id
    actions = [
        (organiser.dashboard, ()),
        (organiser.participants, (organiser.ParticipantFilter(),)),
        (organiser.all_participants, ()),
        (organiser.move_delegate, (delegate_id, 2)),
        (organiser.cancel_delegate, (delegate_id,)),
        (organiser.set_needs_handled, (delegate_id, True)),
        (organiser.set_group_capacity, (1, 99)),
        (organiser.check_in, ("ABCD-2345",)),
    ]
    for actor in (None, staff["facilitator"]):
        for fn, args in actions:
            with pytest.raises(auth.PermissionDenied):
                call(seeded_engine, fn, actor, *args)
    view = registration_view(Session(seeded_engine), done.token)
    assert [(d.group_number, d.status) for d in view.delegates] == [(1, "confirmed")]  # nothing changed


def test_dashboard_counts_and_timeline(seeded_engine, staff):
    capacity(seeded_engine, 2, 1)
    register(seeded_engine, org(1, 2, gmina="piastow"))
    register(seeded_engine, org(2, gmina="raszyn"), now=datetime(2017, 2, 16, 9, tzinfo=UTC))
    d = call(seeded_engine, organiser.dashboard, staff["organiser"])
    assert (d.organisations, d.confirmed, d.waiting, d.checked_in) == (2, 2, 1, 0)
    assert [(g.number, g.confirmed, g.waiting, g.capacity) for g in d.groups][:2] == [(1, 1, 0, 30), (2, 1, 1, 1)]
    assert [(p.day, p.registrations, p.total) for p in d.timeline] == [("2017-02-15", 1, 1), ("2017-02-16", 1, 2)]
    assert len(d.recent) == 2 and d.recent[0].gmina == "Raszyn"


def test_dashboard_figures_leave_out_cancelled_registrations_and_delegates(seeded_engine, staff):
    staying = register(seeded_engine, org(1, 2, name="Zostaje"))
    register(seeded_engine, org(3, name="Bez zmian"), now=datetime(2017, 2, 16, 9, tzinfo=UTC))
    leaving = register(seeded_engine, org(4, name="Rezygnuje"), now=datetime(2017, 2, 16, 10, tzinfo=UTC))
    second_delegate = registration_view(Session(seeded_engine), staying.token).delegates[1].id
    with session_scope(seeded_engine) as session:
        reg.cancel_delegate(session=session, token=staying.token, delegate_id=second_delegate, now=OPEN)
    with session_scope(seeded_engine) as session:
        reg.cancel_registration(session=session, token=leaving.token, now=OPEN)
    d = call(seeded_engine, organiser.dashboard, staff["organiser"])
    assert (d.organisations, d.confirmed, d.waiting) == (2, 2, 0)
    # The chart ends where the tile stands: the cancelled registration is not on it, on any day.
    assert [(p.day, p.registrations, p.total) for p in d.timeline] == [("2017-02-15", 1, 1), ("2017-02-16", 1, 2)]
    assert d.timeline[-1].total == d.organisations
    assert [(r.org_name, r.delegates) for r in d.recent] == [("Bez zmian", 1), ("Zostaje", 1)]
    assert sum(r.delegates for r in d.recent) == d.confirmed + d.waiting


def test_participants_search_filter_sort_and_paging(seeded_engine, staff):
    for i in range(30):
        register(seeded_engine, org(1 + i % 4, name=f"Org {i:02d}", gmina="nadarzyn" if i % 2 else "brwinow"))
    actor = staff["organiser"]
    rows, total = call(seeded_engine, organiser.participants, actor, organiser.ParticipantFilter())
    assert total == 30 and len(rows) == organiser.PAGE_SIZE
    rows, _ = call(seeded_engine, organiser.participants, actor, organiser.ParticipantFilter(page=2))
    assert len(rows) == 5
    rows, total = call(
        seeded_engine, organiser.participants, actor, organiser.ParticipantFilter(group="2", gmina="nadarzyn")
    )
    assert total == 8 and {r.group_number for r in rows} == {2} and {r.gmina for r in rows} == {"Nadarzyn"}
    rows, total = call(seeded_engine, organiser.participants, actor, organiser.ParticipantFilter(search="org 07"))
    assert total == 1 and rows[0].org_name == "Org 07"
    rows, _ = call(
        seeded_engine, organiser.participants, actor, organiser.ParticipantFilter(sort="organizacja", descending=True)
    )
    assert rows[0].org_name == "Org 29"


def test_move_cancel_capacity_and_needs(seeded_engine, staff):
    actor = staff["organiser"]
    capacity(seeded_engine, 3, 1)
    a = register(seeded_engine, org(3))
    b = register(seeded_engine, org(3))
    a_id = registration_view(Session(seeded_engine), a.token).delegates[0].id
    promoted = call(seeded_engine, organiser.move_delegate, actor, a_id, 4)
    assert len(promoted) == 1
    assert registration_view(Session(seeded_engine), b.token).delegates[0].status == "confirmed"
    call(seeded_engine, organiser.set_needs_handled, actor, a_id, True)
    rows = call(seeded_engine, organiser.all_participants, actor)
    assert next(r for r in rows if r.delegate_id == a_id).needs_handled
    call(seeded_engine, organiser.cancel_delegate, actor, a_id)
    assert registration_view(Session(seeded_engine), a.token).cancelled


def test_check_in_once_then_already(seeded_engine, staff):
    actor = staff["organiser"]
    capacity(seeded_engine, 4, 0)
    confirmed = registration_view(Session(seeded_engine), register(seeded_engine, org(1)).token).delegates[0]
    waiting = registration_view(Session(seeded_engine), register(seeded_engine, org(4)).token).delegates[0]
    at = datetime(2017, 3, 4, 8, 42, tzinfo=UTC)
    first = call(seeded_engine, organiser.check_in, actor, confirmed.code.lower(), now=at)
    assert first.outcome == "ok" and first.full_name == confirmed.full_name
    again = call(seeded_engine, organiser.check_in, actor, confirmed.code_display)
    assert again.outcome == "already" and again.message == "Obecność potwierdzono już o 09:42."
    assert call(seeded_engine, organiser.check_in, actor, "ZZZZ-ZZZZ").outcome == "unknown"
    assert call(seeded_engine, organiser.check_in, actor, "hello").outcome == "invalid"
    assert call(seeded_engine, organiser.check_in, actor, waiting.code).outcome == "waiting"
    assert call(seeded_engine, organiser.dashboard, actor).checked_in == 1


def test_check_in_refuses_a_code_from_another_edition(seeded_engine, staff):
    delegate = registration_view(Session(seeded_engine), register(seeded_engine, org(1)).token).delegates[0]
    with session_scope(seeded_engine) as session:
        for old in session.exec(select(Edition)).all():
            old.is_current = False
            session.add(old)
        opens = datetime(2018, 1, 15, 8, tzinfo=UTC)
        session.add(
            Edition(
                slug="kongres-2018",
                name="III Kongres Organizacji Pozarządowych",
                short_name="III Kongres NGO",
                slogan="",
                event_date=date(2018, 3, 3),
                venue_name="Sala",
                registration_opens_at=opens,
                registration_closes_at=opens + timedelta(days=40),
                venue_capacity=100,
                is_current=True,
            )
        )
    result = call(seeded_engine, organiser.check_in, staff["organiser"], delegate.code)
    assert result.outcome == "wrong_edition"
    assert result.message == "Ten kod jest z innej edycji: II Kongres NGO."
    assert result.full_name == delegate.full_name
    assert call(seeded_engine, organiser.dashboard, staff["organiser"]).checked_in == 0


def test_a_code_still_in_front_of_the_camera_counts_once():
    window = organiser.REPEAT_SCAN_WINDOW_S
    assert not organiser.is_repeat_scan("", 0.0, "ABCD2345", 100.0)  # nothing seen yet
    assert organiser.is_repeat_scan("ABCD2345", 100.0, "abcd-2345", 100.0 + window - 0.1)
    assert not organiser.is_repeat_scan("ABCD2345", 100.0, "ABCD2345", 100.0 + window)
    assert not organiser.is_repeat_scan("ABCD2345", 100.0, "EFGH6789", 100.5)  # the next person


def test_export_rows_have_polish_headers(seeded_engine, staff):
    register(seeded_engine, org(1, name="Fundacja Eksportowa"))
    rows = organiser.export_rows(call(seeded_engine, organiser.all_participants, staff["organiser"]))
    assert rows[0][:4] == ["Imię i nazwisko", "Organizacja", "Gmina", "Grupa"]
    assert rows[1][1] == "Fundacja Eksportowa" and rows[1][8] == "nie"
