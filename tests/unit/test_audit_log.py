"""The organisers' audit log view: actions and refusals apart, filters and paging in the query, bounds, access."""

from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session, select

from kongres_app.db import session_scope
from kongres_app.models import AuditEntry
from kongres_app.services import audit_log, auth
from kongres_app.services.audit_labels import action_label, describe_details, outcome_label
from kongres_app.services.audit_log import AuditFilter, AuditFilterError
from tests.factories import make_user


def refuse(engine, times: int, action: str = "read_dashboard") -> None:
    """Anonymous calls to an organiser's service, each refused and logged as it is in the app."""
    for _ in range(times):
        with pytest.raises(auth.PermissionDenied), session_scope(engine) as session:
            auth.require_organiser(session, None, action)


def page(engine, actor, **kwargs) -> audit_log.AuditPage:
    with session_scope(engine) as session:
        return audit_log.audit_page(session, actor, **kwargs)


def add_entry(engine, at: datetime, action: str, actor: str = "Ala Organizator", details: str = "", outcome="ok"):
    with session_scope(engine) as session:
        session.add(AuditEntry(at=at, actor=actor, action=action, details=details, outcome=outcome))


@pytest.fixture
def organiser(engine) -> auth.Staff:
    return make_user(engine)


@pytest.fixture
def flooded(engine, organiser) -> auth.Staff:
    """One real action, then 205 refused anonymous calls after it (more than the old view's 200 rows)."""
    with session_scope(engine) as session:
        auth.create_facilitator(
            session=session,
            actor=organiser,
            username="marek",
            display_name="Marek Moderator",
            password="haslo-moderatora-1",
            group_number=2,
        )
    refuse(engine, 205)
    return organiser


def test_an_action_stays_on_the_first_page_of_actions_after_205_refusals(engine, flooded):
    actions = page(engine, flooded)
    assert actions.total == 1 and actions.pages == 1
    (row,) = actions.rows
    assert row.action == "Dodanie konta moderatora" and row.actor == "Ala Organizator"
    assert row.details == "login: marek; grupa: 2" and row.outcome == "wykonano"
    assert actions.counts == {"ok": 1, "denied": 205}

    refusals = page(engine, flooded, outcome="denied")
    assert refusals.total == 205 and refusals.pages == 5 and len(refusals.rows) == 50
    assert {r.action for r in refusals.rows} == {"Wgląd w pulpit"}
    assert {r.actor for r in refusals.rows} == {"(osoba niezalogowana)"} and {r.outcome for r in refusals.rows} == {
        "odmowa"
    }


def test_pages_are_newest_first_and_kept_within_bounds(engine, organiser):
    for minute in range(7):
        add_entry(
            engine, datetime(2026, 11, 28, 10, minute, tzinfo=UTC), "check_in", details=f'{{"delegate": {minute}}}'
        )
    first = page(engine, organiser, page_size=3)
    assert first.pages == 3 and [r.details for r in first.rows] == [
        "uczestnik nr: 6",
        "uczestnik nr: 5",
        "uczestnik nr: 4",
    ]
    last = page(engine, organiser, page=3, page_size=3)
    assert [r.details for r in last.rows] == ["uczestnik nr: 0"]
    assert page(engine, organiser, page=999, page_size=3).page == 3  # past the end: the last page
    assert page(engine, organiser, page=-4, page_size=3).page == 1
    assert len(page(engine, organiser, page_size=0).rows) == 1  # at least one row per page

    refuse(engine, 120)
    assert len(page(engine, organiser, outcome="denied", page_size=10_000).rows) == audit_log.MAX_PAGE_SIZE
    assert len(page(engine, organiser, outcome="denied").rows) == audit_log.PAGE_SIZE == 50


def test_filters_by_who_action_days_and_details(engine, organiser):
    warsaw_midnight = datetime(2026, 11, 27, 23, 30, tzinfo=UTC)  # 28 November, 00:30 in Warsaw
    add_entry(engine, datetime(2026, 11, 26, 12, tzinfo=UTC), "save_settings", details='{"venue": 120}')
    add_entry(
        engine, warsaw_midnight, "hide_note", actor="Marek Moderator", details='{"note": 7, "reason": "spam 100%"}'
    )
    add_entry(engine, datetime(2026, 11, 28, 12, tzinfo=UTC), "check_in", details='{"delegate": 3}')
    refuse(engine, 3, "save_settings")

    def actions(**filters) -> list[str]:
        return [r.action for r in page(engine, organiser, filters=AuditFilter(**filters)).rows]

    assert actions() == ["Rejestracja wejścia", "Ukrycie notatki", "Zapisanie ustawień"]
    assert actions(action="save_settings") == ["Zapisanie ustawień"]
    assert actions(who="marek") == ["Ukrycie notatki"]  # part of the name, any case
    assert actions(who="ALA") == ["Rejestracja wejścia", "Zapisanie ustawień"]
    assert actions(date_from=date(2026, 11, 28)) == ["Rejestracja wejścia", "Ukrycie notatki"]  # local days
    assert actions(date_to=date(2026, 11, 27)) == ["Zapisanie ustawień"]
    assert actions(date_from=date(2026, 11, 28), date_to=date(2026, 11, 28), who="marek") == ["Ukrycie notatki"]
    assert actions(text="spam") == ["Ukrycie notatki"]
    assert actions(text="100%") == ["Ukrycie notatki"] and actions(text="0%") == ["Ukrycie notatki"]
    assert actions(text="%") == ["Ukrycie notatki"] and actions(text="_") == []  # wildcards are plain characters

    refused = page(
        engine, organiser, outcome="denied", filters=AuditFilter(who="niezalogowana", action="save_settings")
    )
    assert refused.total == 3 and refused.counts == {"ok": 0, "denied": 3}  # both counts under the filters
    assert page(engine, organiser, filters=AuditFilter(action="save_settings")).counts == {"ok": 1, "denied": 3}


def test_who_matches_the_login_too(engine, organiser):
    refuse(engine, 2)
    with session_scope(engine) as session:
        kasia = auth.create_user(
            session=session,
            username="kasia",
            display_name="Katarzyna Nowak",
            password="haslo-kasi-123",
            role="organiser",
        )
        auth.audit(session, kasia, "save_settings", {"promoted": 0})
        auth.audit(session, organiser, "check_in", {"delegate": 1})
    rows = page(engine, organiser, filters=AuditFilter(who="KASIA")).rows  # the login, not the name shown
    assert [(r.actor, r.action) for r in rows] == [("Katarzyna Nowak", "Zapisanie ustawień")]
    assert page(engine, organiser, outcome="denied", filters=AuditFilter(who="kasia")).total == 0


def test_filter_values_are_bounded_and_validated_on_the_server(engine, organiser):
    ok = audit_log.parse_filter({"who": "  Ala   Org ", "action": "login", "date_from": "2026-11-01", "text": "x"})
    assert ok == AuditFilter(who="Ala Org", action="login", date_from=date(2026, 11, 1), text="x")
    assert audit_log.parse_filter({}) == AuditFilter()
    bad = {
        "who": "a" * 121,
        "action": "drop_table",
        "date_from": "2026-13-01",
        "date_to": "jutro",
        "text": "b" * 101,
    }
    with pytest.raises(AuditFilterError) as refused:
        audit_log.parse_filter(bad)
    assert set(refused.value.errors) == {"who", "action", "date_from", "date_to", "text"}
    with pytest.raises(AuditFilterError) as reversed_days:
        audit_log.parse_filter({"date_from": "2026-11-28", "date_to": "2026-11-27"})
    assert reversed_days.value.errors == {"date_to": "Data końcowa nie może być wcześniejsza niż początkowa."}
    with pytest.raises(AuditFilterError):
        audit_log.parse_filter({"date_from": "1900-01-01"})
    assert audit_log.parse_filter({"who": "a" * 120, "text": "b" * 100})  # the limits themselves are fine

    # The query refuses the same, however the filter was built, and an unknown list.
    for filters in (AuditFilter(who="a" * 5000), AuditFilter(text="b" * 101), AuditFilter(action="x")):
        with pytest.raises(AuditFilterError):
            page(engine, organiser, filters=filters)
    with pytest.raises(AuditFilterError):
        page(engine, organiser, outcome="everything")


@pytest.mark.parametrize("role", ["anonymous", auth.FACILITATOR])
def test_only_organisers_read_the_log_and_a_refusal_is_logged(engine, role):
    make_user(engine)
    actor = None if role == "anonymous" else make_user(engine, "mod", auth.FACILITATOR, 1)
    with pytest.raises(auth.PermissionDenied):
        page(engine, actor)
    with Session(engine) as session:
        (entry,) = session.exec(select(AuditEntry).where(AuditEntry.outcome == "denied")).all()
    assert entry.action == "read_audit"
    assert entry.actor == ("(osoba niezalogowana)" if actor is None else "Ala Organizator")


def test_labels_outcomes_and_details_read_as_polish():
    assert action_label("save_settings") == "Zapisanie ustawień"
    assert action_label("new_thing") == "Inne działanie (new_thing)"
    assert outcome_label("ok") == "wykonano" and outcome_label("denied") == "odmowa"
    settings = '{"promoted": 2, "capacities": {"1": 30, "2": 25}, "venue": 120}'
    assert describe_details(settings) == (
        "miejsca dla osób z listy rezerwowej: 2; miejsca w grupach: 1 – 30, 2 – 25; miejsca na sali: 120"
    )
    assert describe_details('{"registration": 4, "revoke_old": true, "mailed": false}') == (
        "zgłoszenie nr: 4; unieważnić poprzednie linki: tak; wysłany e-mailem: nie"
    )
    assert describe_details("delegate=5 group=2") == "uczestnik nr: 5; grupa: 2"
    assert describe_details("user=ala") == "konto: ala"
    assert describe_details("") == ""
    assert describe_details("zwykły opis") == "zwykły opis"
    assert describe_details("{nie json") == "{nie json"  # text someone wrote stays as written
