from datetime import UTC, date, datetime

from sqlmodel import Session, func, select

from kongres_app.db import session_scope
from kongres_app.models import AgendaItem, DiscussionGroup, Edition, Milestone
from kongres_app.services.seed import load_edition, read_seed_file


def _counts(engine) -> dict[str, int]:
    with Session(engine) as session:
        return {
            model.__name__: session.exec(select(func.count()).select_from(model)).one()
            for model in (Edition, DiscussionGroup, AgendaItem, Milestone)
        }


def test_loader_stores_the_2017_edition_as_in_the_facts(engine):
    with session_scope(engine) as session:
        result = load_edition(session=session, data=read_seed_file())
    assert result.edition_slug == "kongres-2017" and result.changed

    with Session(engine) as session:
        edition = session.exec(select(Edition)).one()
        assert edition.name == "II Kongres Organizacji Pozarządowych Powiatu Pruszkowskiego"
        assert edition.slogan == "Powiat dla społecznie aktywnych"
        assert edition.event_date == date(2017, 3, 4)
        assert edition.venue_name == "Starostwo Powiatowe w Pruszkowie"
        assert edition.is_current
        # 09:00 in Warsaw in winter (CET, UTC+1) is 08:00 UTC.
        assert edition.registration_opens_at == datetime(2017, 2, 1, 8, 0, tzinfo=UTC)
        assert edition.registration_opens_at < edition.registration_closes_at
        groups = session.exec(select(DiscussionGroup).order_by(DiscussionGroup.number)).all()
        assert [g.number for g in groups] == [1, 2, 3, 4]
        assert [g.name for g in groups] == [
            "Organizacje pomocowe",
            "Organizacje społeczno-obywatelskie",
            "Organizacje patriotyczne i obronne",
            "Organizacje młodzieżowe, sportowe i turystyczne",
        ]
        assert all(g.capacity > 0 and g.edition_id == edition.id for g in groups)
        assert "kombatanckie" in groups[2].description
        agenda = session.exec(select(AgendaItem).order_by(AgendaItem.position)).all()
        assert [a.position for a in agenda] == [1, 2, 3, 4, 5]
        assert "grupach" in agenda[0].title and "Zbiórki społecznościowe" in agenda[4].title
        milestones = session.exec(select(Milestone).order_by(Milestone.position)).all()
        assert [m.title for m in milestones] == [
            "Akademia Społecznie Aktywnych",
            "Piknik Organizacji Pozarządowych",
            "Centrum Dialogu Społecznego",
        ]


def test_loading_twice_changes_nothing(engine):
    data = read_seed_file()
    with session_scope(engine) as session:
        first = load_edition(session=session, data=data)
    counts = _counts(engine)
    with session_scope(engine) as session:
        second = load_edition(session=session, data=data)
    assert first.added == 22
    assert second.added == 0 and not second.changed
    assert _counts(engine) == counts == {"Edition": 1, "DiscussionGroup": 4, "AgendaItem": 5, "Milestone": 3}


def test_reloading_keeps_what_organisers_edited(engine):
    data = read_seed_file()
    with session_scope(engine) as session:
        load_edition(session=session, data=data)
    with session_scope(engine) as session:
        group = session.exec(select(DiscussionGroup).where(DiscussionGroup.number == 1)).one()
        group.capacity = 55
        session.add(group)
    with session_scope(engine) as session:
        load_edition(session=session, data=data)
    with Session(engine) as session:
        group = session.exec(select(DiscussionGroup).where(DiscussionGroup.number == 1)).one()
        assert group.capacity == 55


def test_missing_rows_are_restored(engine):
    data = read_seed_file()
    with session_scope(engine) as session:
        load_edition(session=session, data=data)
    with session_scope(engine) as session:
        session.delete(session.exec(select(Milestone).where(Milestone.position == 2)).one())
    with session_scope(engine) as session:
        result = load_edition(session=session, data=data)
    assert result.added == 1
    assert _counts(engine)["Milestone"] == 3


def test_a_new_current_edition_takes_over(engine):
    data = read_seed_file()
    with session_scope(engine) as session:
        load_edition(session=session, data=data)
    newer = {
        "edition": {**data["edition"], "slug": "kongres-2018", "event_date": "2018-03-03"},
        "groups": data["groups"],
    }
    with session_scope(engine) as session:
        load_edition(session=session, data=newer)
    with Session(engine) as session:
        current = session.exec(select(Edition).where(Edition.is_current)).all()
        assert [e.slug for e in current] == ["kongres-2018"]
