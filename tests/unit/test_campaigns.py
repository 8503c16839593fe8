"""Crowdfunding showcase: figures as read, listing, JSON, URL safety, submission and moderation."""

from datetime import UTC, date, datetime, timedelta
from ipaddress import ip_address

import pytest
from sqlmodel import Session, select

from kongres_app.db import session_scope
from kongres_app.models import Campaign, CampaignSnapshot
from kongres_app.services import campaigns as cs
from kongres_app.services import registration as reg
from kongres_app.services.congress import current_edition
from kongres_app.services.polish import money
from kongres_app.services.progress import (
    ProgressError,
    address_refused,
    extract_figures,
    local_host_problem,
    url_problem,
)
from kongres_app.services.validation import DelegateInput, RegistrationInput, validate_registration
from tests.factories import CAMPAIGN_TODAY, campaign_input

NOW = datetime(2026, 3, 10, 11, 0, tzinfo=UTC)
REGISTRATION_OPEN = datetime(2017, 2, 15, 12, 0, tzinfo=UTC)
NBSP = "\u00a0"


@pytest.fixture
def engine_c(seeded_engine):
    return seeded_engine  # the showcase's tables come from the Alembic migrations


def add_campaign(engine, **values) -> int:
    with session_scope(engine) as session:
        edition = current_edition(session)
        n = session.exec(select(Campaign.id)).all()
        fields = {
            "edition_id": edition.id,
            "title": f"Zbiórka numer {len(n) + 1}",
            "org_name": "Stowarzyszenie Testowe",
            "category": "kultura",
            "gmina": "pruszkow",
            "blurb": "Krótki opis zbiórki.",
            "description": "Opis.",
            "goal_pln": 10000,
            "raised_pln": 5000,
            "supporters": 10,
            "starts_on": CAMPAIGN_TODAY - timedelta(days=10),
            "ends_on": CAMPAIGN_TODAY + timedelta(days=10),
            "platform": "zrzutka",
            "external_url": f"https://example.org/z/{len(n) + 1}",
            "status": cs.PUBLISHED,
            "created_at": NOW - timedelta(days=30 - len(n)),
            "updated_at": NOW,
        } | values
        campaign = Campaign(**fields)
        session.add(campaign)
        session.flush()
        return campaign.id


CARD_FIELDS = {
    "id": 1,
    "edition_id": 1,
    "title": "Tytuł",
    "org_name": "Org",
    "category": "zdrowie",
    "gmina": "raszyn",
    "blurb": "b",
    "goal_pln": 1000,
    "raised_pln": 0,
    "supporters": 0,
    "starts_on": CAMPAIGN_TODAY - timedelta(days=5),
    "ends_on": CAMPAIGN_TODAY + timedelta(days=5),
    "platform": "pomagam",
    "external_url": "https://example.org/",
    "status": cs.PUBLISHED,
    "created_at": NOW,
    "updated_at": NOW,
}


def card(**values) -> cs.CampaignCard:
    return cs.campaign_card(Campaign(**(CARD_FIELDS | values)), CAMPAIGN_TODAY)


# ----------------------------------------------------------------------------- arithmetic and labels


def test_percent_is_honest_about_no_goal_and_overfunding():
    assert cs.percent_funded(0, 0) is None
    assert cs.percent_funded(500, 0) is None
    assert cs.percent_funded(0, 1000) == 0
    assert cs.percent_funded(999, 1000) == 99  # rounded down: never shows 100% before the goal
    assert cs.percent_funded(1340, 1000) == 134


def test_days_left_and_time_label():
    assert cs.days_left(CAMPAIGN_TODAY, CAMPAIGN_TODAY) == 0
    assert (
        cs.time_label(cs.PUBLISHED, CAMPAIGN_TODAY - timedelta(days=3), CAMPAIGN_TODAY, CAMPAIGN_TODAY)
        == "Ostatni dzień"
    )
    assert (
        cs.time_label(cs.PUBLISHED, CAMPAIGN_TODAY, CAMPAIGN_TODAY + timedelta(days=1), CAMPAIGN_TODAY)
        == "Jeszcze 1 dzień"
    )
    assert (
        cs.time_label(cs.PUBLISHED, CAMPAIGN_TODAY, CAMPAIGN_TODAY + timedelta(days=22), CAMPAIGN_TODAY)
        == "Jeszcze 22 dni"
    )
    assert cs.days_left(CAMPAIGN_TODAY - timedelta(days=1), CAMPAIGN_TODAY) == -1
    assert (
        cs.time_label(
            cs.PUBLISHED, CAMPAIGN_TODAY - timedelta(days=9), CAMPAIGN_TODAY - timedelta(days=1), CAMPAIGN_TODAY
        )
        == "Zakończona"
    )
    assert cs.time_label(cs.ENDED, CAMPAIGN_TODAY, CAMPAIGN_TODAY + timedelta(days=9), CAMPAIGN_TODAY) == "Zakończona"
    assert cs.time_label(cs.PUBLISHED, date(2026, 5, 3), date(2026, 6, 1), CAMPAIGN_TODAY) == "Rusza 3 maja"


def test_money_and_plurals_in_polish():
    assert money(12345) == f"12{NBSP}345{NBSP}zł"
    assert money(1234567) == f"1{NBSP}234{NBSP}567{NBSP}zł"
    assert money(0) == f"0{NBSP}zł"
    assert [cs.supporters_label(n) for n in (1, 3, 5, 12, 22)] == [
        "1 osoba wspierająca",
        "3 osoby wspierające",
        "5 osób wspierających",
        "12 osób wspierających",
        "22 osoby wspierające",
    ]


def test_card_shows_overfunding_and_caps_only_the_bar():
    c = card(raised_pln=13400, goal_pln=10000)
    assert (c.percent, c.percent_label, c.bar_percent) == (134, "134%", 100)
    assert c.raised_label == f"13{NBSP}400{NBSP}zł"


def test_card_without_goal_has_no_percent():
    c = card(goal_pln=0, raised_pln=2350)
    assert (c.has_goal, c.percent_label, c.bar_percent, c.goal_label) == (False, "", 0, "")
    assert c.raised_label == f"2{NBSP}350{NBSP}zł"


def test_card_with_hidden_amounts_shows_percent_and_supporters_only():
    c = card(hide_amounts=True, goal_pln=40000, raised_pln=25600, supporters=212)
    assert (c.raised_pln, c.goal_pln, c.raised_label, c.goal_label) == (0, 0, "", "")
    assert (c.percent_label, c.supporters_label) == ("64%", "212 osób wspierających")
    own = cs.campaign_card(
        Campaign(**(CARD_FIELDS | {"hide_amounts": True, "goal_pln": 40000, "raised_pln": 25600})),
        CAMPAIGN_TODAY,
        private=True,
    )
    assert (own.show_amounts, own.amounts_hidden, own.raised_label) == (True, True, f"25{NBSP}600{NBSP}zł")


def test_ended_published_card_reads_as_ended():
    c = card(starts_on=CAMPAIGN_TODAY - timedelta(days=30), ends_on=CAMPAIGN_TODAY - timedelta(days=1))
    assert (c.ended, c.status, c.days_left, c.time_label) == (True, cs.ENDED, 0, "Zakończona")


# ----------------------------------------------------------------------------- listing


@pytest.fixture
def showcase(engine_c):
    ids = {
        "seniorzy": add_campaign(
            engine_c,
            title="Obiady dla seniorów",
            category="pomoc_spoleczna",
            gmina="piastow",
            raised_pln=11000,
            goal_pln=20000,
            supporters=160,
            ends_on=CAMPAIGN_TODAY + timedelta(days=20),
        ),
        "pilkarki": add_campaign(
            engine_c,
            title="Stroje dla piłkarek",
            category="sport_turystyka",
            gmina="brwinow",
            platform="pomagam",
            raised_pln=12060,
            goal_pln=9000,
            supporters=140,
            ends_on=CAMPAIGN_TODAY + timedelta(days=3),
        ),
        "laka": add_campaign(
            engine_c,
            title="ŁĄKA kwietna",
            category="ekologia",
            org_name="Fundacja Zielony Zakątek",
            raised_pln=2350,
            goal_pln=0,
            supporters=38,
            ends_on=CAMPAIGN_TODAY + timedelta(days=60),
        ),
        "rehabilitacja": add_campaign(
            engine_c,
            title="Rehabilitacja dzieci",
            category="zdrowie",
            hide_amounts=True,
            raised_pln=25600,
            goal_pln=40000,
            supporters=212,
            ends_on=CAMPAIGN_TODAY + timedelta(days=40),
        ),
        "archiwum": add_campaign(
            engine_c,
            title="Archiwum fotografii",
            raised_pln=15900,
            goal_pln=15000,
            supporters=97,
            ends_on=CAMPAIGN_TODAY - timedelta(days=2),
        ),
        "zgloszona": add_campaign(engine_c, title="Czeka na akceptację", status=cs.SUBMITTED),
        "odrzucona": add_campaign(engine_c, title="Odrzucona zbiórka", status=cs.REJECTED),
    }
    return engine_c, ids


def titles(engine, **kwargs) -> list[str]:
    with Session(engine) as session:
        return [c.title for c in cs.list_campaigns(session=session, today=CAMPAIGN_TODAY, **kwargs).cards]


def test_public_list_hides_submitted_and_rejected_and_sorts_by_ending_soon(showcase):
    engine, _ = showcase
    assert titles(engine) == [
        "Stroje dla piłkarek",
        "Obiady dla seniorów",
        "Rehabilitacja dzieci",
        "ŁĄKA kwietna",
        "Archiwum fotografii",  # ended: last
    ]


def test_other_sorts(showcase):
    engine, _ = showcase
    assert titles(engine, sort="procent") == [
        "Stroje dla piłkarek",  # 134%
        "Archiwum fotografii",  # 106%
        "Rehabilitacja dzieci",  # 64%
        "Obiady dla seniorów",  # 55%
        "ŁĄKA kwietna",  # no goal: last
    ]
    assert titles(engine, sort="wspierajacy")[:2] == ["Rehabilitacja dzieci", "Obiady dla seniorów"]
    assert titles(engine, sort="najnowsze")[0] == "Archiwum fotografii"
    assert titles(engine, sort="bez-sensu") == titles(engine)


def test_filters(showcase):
    engine, _ = showcase
    f = cs.CampaignFilters
    assert titles(engine, filters=f(category="ekologia")) == ["ŁĄKA kwietna"]
    assert titles(engine, filters=f(gmina="brwinow")) == ["Stroje dla piłkarek"]
    assert titles(engine, filters=f(platform="pomagam")) == ["Stroje dla piłkarek"]
    assert titles(engine, filters=f(status=cs.ENDED)) == ["Archiwum fotografii"]
    assert "Archiwum fotografii" not in titles(engine, filters=f(status=cs.RUNNING))
    assert titles(engine, filters=f(status=cs.SUBMITTED)) == []  # not public
    assert titles(engine, filters=f(status=cs.SUBMITTED), public=False) == ["Czeka na akceptację"]


def test_text_search_ignores_case_and_polish_letters(showcase):
    engine, _ = showcase
    f = cs.CampaignFilters
    assert titles(engine, filters=f(query="laka")) == ["ŁĄKA kwietna"]
    assert titles(engine, filters=f(query="  zielony   ZAKĄTEK ")) == ["ŁĄKA kwietna"]  # organisation
    assert titles(engine, filters=f(query="krótki opis piłkarek")) == ["Stroje dla piłkarek"]  # words across fields
    assert titles(engine, filters=f(query="piłkarek rowery")) == []  # every word must match
    assert len(titles(engine, filters=f(query="krótki"))) == 5  # the blurb


def test_totals_leave_hidden_amounts_out(showcase):
    engine, _ = showcase
    with Session(engine) as session:
        totals = cs.list_campaigns(session=session, today=CAMPAIGN_TODAY).totals
    assert totals.campaigns == 5
    assert totals.raised_pln == 11000 + 12060 + 2350 + 15900  # not the 25 600 of the hidden one
    assert totals.supporters == 160 + 140 + 38 + 212 + 97
    assert totals.hidden == 1
    assert totals.campaigns_label == "5 zbiórek"


def test_public_json(showcase):
    engine, ids = showcase
    with Session(engine) as session:
        data = cs.public_campaigns_json(session, today=CAMPAIGN_TODAY)
    by_id = {c["id"]: c for c in data["campaigns"]}
    assert set(by_id) == {ids[k] for k in ("seniorzy", "pilkarki", "laka", "rehabilitacja", "archiwum")}
    hidden = by_id[ids["rehabilitacja"]]
    assert (hidden["raised_pln"], hidden["goal_pln"], hidden["percent"], hidden["supporters"]) == (None, None, 64, 212)
    no_goal = by_id[ids["laka"]]
    assert (no_goal["raised_pln"], no_goal["goal_pln"], no_goal["percent"]) == (2350, None, None)
    assert by_id[ids["pilkarki"]]["percent"] == 134
    assert by_id[ids["pilkarki"]]["category"] == {"code": "sport_turystyka", "label": "Sport i turystyka"}
    assert (by_id[ids["archiwum"]]["status"], by_id[ids["archiwum"]]["days_left"]) == ("zakonczona", 0)
    assert by_id[ids["seniorzy"]]["status"] == "trwa"
    assert data["totals"] == {"campaigns": 5, "raised_pln": 41310, "supporters": 647, "hidden_amounts": 1}


def test_detail_has_paragraphs_and_one_chart_point_a_day(showcase):
    engine, ids = showcase
    with session_scope(engine) as session:
        campaign = session.get(Campaign, ids["rehabilitacja"])
        campaign.description = "Pierwszy akapit\nw dwóch liniach.\n\n\nDrugi akapit."
        for taken_at, raised in ((NOW - timedelta(days=2), 100), (NOW - timedelta(hours=2), 200), (NOW, 25600)):
            session.add(
                CampaignSnapshot(
                    campaign_id=campaign.id,
                    taken_at=taken_at,
                    raised_pln=raised,
                    goal_pln=40000,
                    supporters=5,
                    source="manual",
                )
            )
    with Session(engine) as session:
        detail = cs.campaign_detail(session=session, campaign_id=ids["rehabilitacja"], today=CAMPAIGN_TODAY)
        assert cs.campaign_detail(session=session, campaign_id=ids["zgloszona"]) is None
        assert cs.campaign_detail(session=session, campaign_id=ids["zgloszona"], public=False) is not None
        private = cs.campaign_detail(
            session=session, campaign_id=ids["rehabilitacja"], today=CAMPAIGN_TODAY, public=False
        )
    assert [p.raised_pln for p in private.points] == [100, 25600]  # organisers see the amounts
    assert detail.paragraphs == ["Pierwszy akapit w dwóch liniach.", "Drugi akapit."]
    assert [(p.date_iso, p.percent, p.raised_pln) for p in detail.points] == [
        ("2026-03-08", 0, 0),
        ("2026-03-10", 64, 0),  # the day's last figures; amounts hidden, percent shown
    ]


# ----------------------------------------------------------------------------- JSON mapping and URLs


def test_json_mapping_accepts_synonyms_and_polish_numbers():
    figures = extract_figures({"Amount": "1 234,50", "target": "5 000 zł", "backers": "12"})
    assert (figures.raised_pln, figures.goal_pln, figures.supporters) == (1234, 5000, 12)
    nested = extract_figures({"status": "ok", "data": {"collected": 99.9, "donors": 3}})
    assert (nested.raised_pln, nested.goal_pln, nested.supporters) == (99, None, 3)
    assert extract_figures({"raised": "1,234.50", "goal": 2000}).raised_pln == 1234


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"goal": 100}, "brakuje zebranej kwoty"),
        ({"raised": "dużo"}, "nie zawiera liczby"),
        ({"raised": True}, "nie zawiera liczby"),
        ({"raised": -5}, "niemożliwą wartość"),
        ([1, 2, 3], "nie zawiera obiektu"),
    ],
)
def test_json_mapping_rejects_what_is_not_figures(payload, message):
    with pytest.raises(ProgressError, match=message):
        extract_figures(payload)


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://zrzutka.pl/abc", True),
        ("http://example.org/api/zbiorka.json", True),
        ("javascript:alert(1)", False),
        ("ftp://example.org/a", False),
        ("file:///etc/passwd", False),
        ("https://user:haslo@example.org/", False),
        ("http:///bez-hosta", False),
        ("zrzutka.pl/abc", False),
        ("https://example.org/" + "a" * 500, False),
    ],
)
def test_url_syntax(url, ok):
    assert (url_problem(url) is None) is ok


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("192.168.1.1", True),
        ("172.16.0.1", True),
        ("169.254.169.254", True),
        ("100.64.0.1", True),
        ("0.0.0.0", True),
        ("224.0.0.1", True),
        ("240.0.0.1", True),
        ("::1", True),
        ("fe80::1", True),
        ("fc00::1", True),
        ("::ffff:127.0.0.1", True),
        ("8.8.8.8", False),
        ("2001:4860:4860::8888", False),
    ],
)
def test_internal_addresses_are_refused(address, refused):
    assert address_refused(ip_address(address)) is refused


def test_form_refuses_plainly_local_source_addresses():
    assert local_host_problem("http://localhost:8000/x")
    assert local_host_problem("http://169.254.169.254/latest/meta-data/")
    assert local_host_problem("http://[::1]/x")
    assert local_host_problem("https://example.org/x") is None


# ----------------------------------------------------------------------------- validation


def test_valid_submission_is_cleaned():
    clean, errors = cs.validate_campaign(campaign_input(), today=CAMPAIGN_TODAY)
    assert errors == {}
    assert (clean.goal_pln, clean.raised_pln, clean.supporters) == (18000, 0, 3)
    assert (clean.starts_on, clean.ends_on) == (date(2026, 3, 1), date(2026, 3, 31))
    assert clean.external_url == "https://zrzutka.pl/obiady"
    assert clean.description == "Gotujemy i rozwozimy obiady.\n\nKażde 12 zł to jeden obiad dla seniora."


def test_empty_submission_names_every_missing_field_in_polish():
    _, errors = cs.validate_campaign(cs.CampaignInput(), today=CAMPAIGN_TODAY)
    assert set(errors) == {
        "title",
        "org_name",
        "category",
        "gmina",
        "blurb",
        "description",
        "starts_on",
        "ends_on",
        "platform",
        "external_url",
    }
    assert errors["title"] == "Podaj tytuł zbiórki."
    assert errors["category"] == "Wybierz kategorię zbiórki."


@pytest.mark.parametrize(
    ("values", "key", "fragment"),
    [
        ({"external_url": "javascript:alert(1)"}, "external_url", "http:// albo https://"),
        ({"progress_source_url": "http://127.0.0.1:8000/x"}, "progress_source_url", "sieć wewnętrzną"),
        ({"goal_pln": "12,50"}, "goal_pln", "bez groszy"),
        ({"goal_pln": "sporo"}, "goal_pln", "cyframi"),
        ({"supporters": "-4"}, "supporters", "Sprawdź"),
        ({"ends_on": "2026-02-20"}, "ends_on", "przed rozpoczęciem"),
        ({"starts_on": "2026-02-01", "ends_on": "2026-03-09"}, "ends_on", "już się zakończyła"),
        ({"ends_on": "31.02.2026"}, "ends_on", "Podaj datę"),
        ({"ends_on": "2036-01-01"}, "ends_on", "najpóźniej"),
        ({"title": "x" * 151}, "title", "najwyżej 150"),
        ({"blurb": "krótko"}, "blurb", "co najmniej 10"),
        ({"image_path": "../../etc/passwd"}, "image_path", "zdjęcia"),
        ({"image_path": "kampanie/" + "a" * 24 + ".png"}, "image_alt", "Opisz, co widać"),
        ({"image_path": "kampanie/" + "a" * 24 + ".png", "image_alt": "x" * 251}, "image_alt", "najwyżej 250"),
        ({"platform": "gofundme"}, "platform", "serwis"),
    ],
)
def test_invalid_fields(values, key, fragment):
    clean, errors = cs.validate_campaign(campaign_input(**values), today=CAMPAIGN_TODAY)
    assert clean is None
    assert fragment in errors[key], errors


def test_organisers_may_edit_an_ended_campaign():
    values = {"starts_on": "2026-02-01", "ends_on": "2026-03-01"}
    assert cs.validate_campaign(campaign_input(**values), today=CAMPAIGN_TODAY, editing=True)[1] == {}


# ----------------------------------------------------------------------------- submission and moderation


def registered(engine, n: int = 1) -> str:
    clean, errors = validate_registration(
        RegistrationInput(
            org_name=f"Stowarzyszenie Zbierające {n}",
            legal_form="stowarzyszenie",
            gmina="piastow",
            contact_name="Anna Kowalska",
            email=f"zbiorki{n}@example.pl",
            delegates=[DelegateInput("Jan Nowak", "", "1", "")],
            consent_rules=True,
        ),
        {1, 2, 3, 4},
    )
    assert not errors
    with session_scope(engine) as session:
        return reg.register(session=session, data=clean, now=REGISTRATION_OPEN).token


def submit(engine, token, **values) -> Campaign:
    clean, errors = cs.validate_campaign(campaign_input(**values), today=CAMPAIGN_TODAY)
    assert not errors
    with session_scope(engine) as session:
        return cs.submit_campaign(session=session, token=token, data=clean, now=NOW)


def test_submission_waits_for_approval_and_belongs_to_the_registration(engine_c):
    token = registered(engine_c)
    campaign = submit(engine_c, token)
    assert campaign.status == cs.SUBMITTED and not campaign.verified and not campaign.is_example
    assert titles(engine_c) == []
    with Session(engine_c) as session:
        mine = cs.campaigns_for_token(session=session, token=token, today=CAMPAIGN_TODAY)
        snapshots = session.exec(select(CampaignSnapshot)).all()
    assert [(c.title, c.status_label) for c in mine] == [("Obiady dla seniorów", "Zgłoszona – czeka na sprawdzenie")]
    assert [(s.raised_pln, s.goal_pln, s.source) for s in snapshots] == [(0, 18000, "manual")]


def test_submission_needs_a_valid_link_and_has_limits(engine_c):
    token = registered(engine_c)
    with pytest.raises(cs.CampaignError, match="nieprawidłowy"):
        submit(engine_c, "zly-klucz")
    submit(engine_c, token)
    with pytest.raises(cs.CampaignError, match="już zgłoszona") as exc:
        submit(engine_c, token)
    assert exc.value.field == "external_url"
    submit(engine_c, token, external_url="https://zrzutka.pl/2")
    submit(engine_c, token, external_url="https://zrzutka.pl/3")
    with pytest.raises(cs.CampaignError, match="najwyżej 3"):
        submit(engine_c, token, external_url="https://zrzutka.pl/4")


def test_cancelled_registration_cannot_submit(engine_c):
    token = registered(engine_c)
    with session_scope(engine_c) as session:
        reg.cancel_registration(session=session, token=token, now=REGISTRATION_OPEN)
    with pytest.raises(cs.CampaignError, match="anulowana"):
        submit(engine_c, token)


def test_approve_publishes_and_reject_needs_a_reason(engine_c):
    token = registered(engine_c)
    first = submit(engine_c, token)
    second = submit(engine_c, token, title="Druga zbiórka", external_url="https://zrzutka.pl/2")
    with session_scope(engine_c) as session:
        cs.approve_campaign(session=session, campaign_id=first.id, now=NOW)
    with pytest.raises(cs.CampaignError) as exc, session_scope(engine_c) as session:
        cs.reject_campaign(session=session, campaign_id=second.id, reason=" ok ")
    assert exc.value.field == "rejection_reason"
    with session_scope(engine_c) as session:
        cs.reject_campaign(session=session, campaign_id=second.id, reason="Link prowadzi do cudzej zbiórki.")
    with pytest.raises(cs.CampaignError, match="już opublikowano"), session_scope(engine_c) as session:
        cs.approve_campaign(session=session, campaign_id=first.id)
    assert titles(engine_c) == ["Obiady dla seniorów"]
    with Session(engine_c) as session:
        published = session.get(Campaign, first.id)
        assert (published.status, published.verified) == (cs.PUBLISHED, True)
        mine = {c.title: c for c in cs.campaigns_for_token(session=session, token=token, today=CAMPAIGN_TODAY)}
    assert mine["Druga zbiórka"].rejection_reason == "Link prowadzi do cudzej zbiórki."
    assert mine["Druga zbiórka"].status == cs.REJECTED


def test_edit_stores_changed_figures_as_a_snapshot(engine_c):
    campaign = submit(engine_c, registered(engine_c))
    clean, _ = cs.validate_campaign(
        campaign_input(raised_pln="4 500", title="Obiady dla seniorów z Piastowa"), today=CAMPAIGN_TODAY
    )
    with session_scope(engine_c) as session:
        cs.edit_campaign(session=session, campaign_id=campaign.id, data=clean, now=NOW + timedelta(days=1))
        cs.edit_campaign(session=session, campaign_id=campaign.id, data=clean, now=NOW + timedelta(days=2))
    with Session(engine_c) as session:
        edited = session.get(Campaign, campaign.id)
        snapshots = session.exec(select(CampaignSnapshot).order_by(CampaignSnapshot.id)).all()
    assert (edited.title, edited.raised_pln, edited.status) == ("Obiady dla seniorów z Piastowa", 4500, cs.SUBMITTED)
    assert [s.raised_pln for s in snapshots] == [0, 4500]  # the unchanged second edit adds none


def test_close_ended_campaigns(showcase):
    engine, ids = showcase
    with session_scope(engine) as session:
        assert cs.close_ended_campaigns(session=session, today=CAMPAIGN_TODAY, now=NOW) == 1
    with Session(engine) as session:
        assert session.get(Campaign, ids["archiwum"]).status == cs.ENDED
        assert session.get(Campaign, ids["seniorzy"]).status == cs.PUBLISHED


# ----------------------------------------------------------------------------- example data


def test_examples_load_once_and_are_clearly_marked(engine_c):
    with session_scope(engine_c) as session:
        assert cs.load_example_campaigns(session=session, today=CAMPAIGN_TODAY, now=NOW) == 6
    with session_scope(engine_c) as session:
        assert cs.load_example_campaigns(session=session, today=CAMPAIGN_TODAY, now=NOW) == 0
    with Session(engine_c) as session:
        rows = session.exec(select(Campaign)).all()
        listing = cs.list_campaigns(session=session, today=CAMPAIGN_TODAY)
        snapshots = session.exec(select(CampaignSnapshot)).all()
    assert len(rows) == 6
    for c in rows:
        assert c.is_example and c.title.startswith("[Przykład]") and "rzykład" in c.blurb
        assert c.external_url.startswith("https://example.org/")
        assert len(c.title) <= 150 and len(c.blurb) <= 200 and len(c.description) <= 5000
    assert {c.category for c in rows} <= set(cs.CATEGORIES)
    assert len(listing.cards) == 6 and listing.totals.hidden == 1
    assert sum(c.ended for c in listing.cards) == 1 and sum(not c.has_goal for c in listing.cards) == 1
    assert any(c.percent > 100 for c in listing.cards)
    assert len(snapshots) > 6 and all(s.taken_at <= NOW for s in snapshots)
