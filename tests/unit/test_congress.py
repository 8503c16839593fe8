from datetime import UTC, datetime

from sqlmodel import Session

from kongres_app.services.congress import current_edition, edition_view, public_congress_json


def test_edition_view_formats_in_polish(seeded_engine):
    with Session(seeded_engine) as session:
        view = edition_view(session, now=datetime(2026, 1, 1, tzinfo=UTC))
    assert view is not None
    assert view.date_label == "sobota, 4 marca 2017\u00a0r."
    assert view.registration_closes_label == "2 marca 2017\u00a0r., godz.\u00a023:59"
    assert view.registration_status == "closed"
    assert [g.roman for g in view.groups] == ["I", "II", "III", "IV"]
    assert len(view.agenda) == 5 and len(view.milestones) == 3


def test_registration_status_follows_the_window(seeded_engine):
    with Session(seeded_engine) as session:
        edition = current_edition(session)
        assert edition is not None
        before = edition.registration_opens_at.replace(year=2016)
        during = edition.registration_opens_at.replace(day=15)
        assert edition_view(session, now=before).registration_status == "before"
        assert edition_view(session, now=during).registration_status == "open"
        assert edition_view(session, now=edition.registration_closes_at).registration_status == "closed"


def test_no_edition_gives_none(engine):
    with Session(engine) as session:
        assert edition_view(session) is None
        assert public_congress_json(session) is None


def test_public_json_has_edition_date_venue_and_groups_only(seeded_engine):
    with Session(seeded_engine) as session:
        data = public_congress_json(session)
    assert data is not None
    assert data["date"] == "2017-03-04"
    assert data["venue"]["name"] == "Starostwo Powiatowe w Pruszkowie"
    assert [g["roman"] for g in data["groups"]] == ["I", "II", "III", "IV"]
    assert data["edition"]["slogan"] == "Powiat dla społecznie aktywnych"
    assert "id" not in data["edition"] and all("id" not in g for g in data["groups"])
