"""The figures the organisers' dashboard and the public ``/api/stats`` show come from one typed
``services.stats``; the API's JSON is byte for byte what it was when it was built from a dict."""

import json
from datetime import UTC, datetime, timedelta

import httpx
from sqlmodel import Session

from kongres_app import api, routes
from kongres_app.api import build_api
from kongres_app.db import session_scope
from kongres_app.services import auth, organiser, stats
from kongres_app.services import registration as reg
from kongres_app.services.registration_views import registration_view
from kongres_app.services.validation import DelegateInput, RegistrationInput, validate_registration
from tests.conftest import run_async

OPEN = datetime(2017, 2, 15, 12, 0, tzinfo=UTC)


def get_stats() -> httpx.Response:
    """``GET /api/stats`` from the app's own Starlette routes, in process."""

    async def get() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=build_api()), base_url="http://kongres") as c:
            return await c.get(routes.API_STATS)

    return run_async(get())


def _register(engine, name: str, gmina: str, groups: list[int], **options) -> reg.Registered:
    clean, errors = validate_registration(
        RegistrationInput(
            org_name=name,
            legal_form="stowarzyszenie",
            gmina=gmina,
            contact_name="Anna Kowalska",
            email=f"{name.split()[-1].lower()}@example.pl",
            delegates=[DelegateInput(f"Osoba {name.split()[-1]} {i}", "", str(g), "") for i, g in enumerate(groups)],
            consent_rules=True,
        ),
        {1, 2, 3, 4},
    )
    assert not errors, errors
    with session_scope(engine) as session:
        return reg.register(session=session, data=clean, now=OPEN, **options)


def arrange(engine) -> auth.Staff:
    """Places, a waiting list, a cancellation, one awaiting its e-mail confirmation and a check-in."""
    with session_scope(engine) as session:
        staff = auth.create_user(
            session=session, username="organizator", display_name="Ola", password="haslo-org-2017", role=auth.ORGANISER
        )
        reg.set_group_capacity(session=session, group_number=3, capacity=1, now=OPEN)
    first = _register(engine, "Fundacja Alfa", "piastow", [1, 2, 3])
    _register(engine, "Stowarzyszenie Beta", "raszyn", [3, 3, 4])  # group III is full: two wait
    gone = _register(engine, "Koło Gamma", "nadarzyn", [1])
    with session_scope(engine) as session:
        reg.cancel_registration(session=session, token=gone.token, now=OPEN)
    _register(engine, "Klub Delta", "piastow", [2], confirm_within=timedelta(days=99999))  # not counted yet
    with Session(engine) as session:
        view = registration_view(session, first.token)
    with session_scope(engine) as session:
        assert view is not None and organiser.check_in(session, staff, view.delegates[0].code).outcome == "ok"
    return staff


# What ``/api/stats`` sent for ``arrange``'s database when it was built from a dict
# (``registration_views.public_stats`` before ``services.stats``), copied from its output.
BEFORE = {
    "edition": "kongres-2017",
    "registration_status": "closed",
    "organisations": 2,
    "delegates": {"confirmed": 4, "waiting": 2},
    "venue": {"capacity": 120, "confirmed": 4},
    "groups": [
        {"number": 1, "roman": "I", "name": "Organizacje pomocowe", "capacity": 30, "confirmed": 1, "waiting": 0},
        {
            "number": 2,
            "roman": "II",
            "name": "Organizacje społeczno-obywatelskie",
            "capacity": 30,
            "confirmed": 1,
            "waiting": 0,
        },
        {
            "number": 3,
            "roman": "III",
            "name": "Organizacje patriotyczne i obronne",
            "capacity": 1,
            "confirmed": 1,
            "waiting": 2,
        },
        {
            "number": 4,
            "roman": "IV",
            "name": "Organizacje młodzieżowe, sportowe i turystyczne",
            "capacity": 30,
            "confirmed": 1,
            "waiting": 0,
        },
    ],
    "gminas": [
        {"gmina": "pruszkow", "name": "Pruszków (miasto)", "organisations": 0, "delegates_confirmed": 0},
        {"gmina": "piastow", "name": "Piastów (miasto)", "organisations": 1, "delegates_confirmed": 3},
        {"gmina": "brwinow", "name": "Brwinów", "organisations": 0, "delegates_confirmed": 0},
        {"gmina": "michalowice", "name": "Michałowice", "organisations": 0, "delegates_confirmed": 0},
        {"gmina": "nadarzyn", "name": "Nadarzyn", "organisations": 0, "delegates_confirmed": 0},
        {"gmina": "raszyn", "name": "Raszyn", "organisations": 1, "delegates_confirmed": 1},
        {"gmina": "spoza", "name": "Spoza powiatu", "organisations": 0, "delegates_confirmed": 0},
    ],
}


def test_the_api_sends_the_same_json_as_before(seeded_engine, monkeypatch):
    arrange(seeded_engine)
    monkeypatch.setattr(api, "session_scope", lambda: session_scope(seeded_engine))
    response = get_stats()
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-cache"
    # Byte for byte: the keys in the same order, Polish letters unescaped, compact separators.
    assert response.content == json.dumps(BEFORE, ensure_ascii=False, separators=(",", ":")).encode()


def test_the_dashboard_shows_the_typed_figures(seeded_engine):
    staff = arrange(seeded_engine)
    with Session(seeded_engine) as session:
        figures = stats.congress_stats(session)
        board = organiser.dashboard(session, staff)
    assert figures is not None and figures.public_json() == BEFORE
    assert (figures.organisations, figures.confirmed, figures.waiting, figures.checked_in) == (2, 4, 2, 1)
    assert (board.organisations, board.confirmed, board.waiting, board.venue_capacity, board.checked_in) == (
        2,
        4,
        2,
        120,
        1,
    )
    assert [(t.label, t.confirmed, t.waiting, t.percent, t.places_label) for t in board.groups] == [
        ("Grupa I", 1, 0, 3, "zajęte 1 z 30 miejsc"),
        ("Grupa II", 1, 0, 3, "zajęte 1 z 30 miejsc"),
        ("Grupa III", 1, 2, 100, "zajęte 1 z 1 miejsca"),
        ("Grupa IV", 1, 0, 3, "zajęte 1 z 30 miejsc"),
    ]
    assert board.gminas[1] == ["Piastów (miasto)", "1", "3"] and board.gminas[5] == ["Raszyn", "1", "1"]


def test_without_an_edition_the_api_says_so(engine, monkeypatch):
    with Session(engine) as session:
        assert stats.congress_stats(session) is None and stats.public_stats(session) == {}
    monkeypatch.setattr(api, "session_scope", lambda: session_scope(engine))
    response = get_stats()
    assert response.status_code == 404 and response.json() == {"error": "Brak danych kongresu."}
