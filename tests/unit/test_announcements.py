from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session

from kongres_app.db import session_scope
from kongres_app.services import announcements, auth
from tests.factories import make_user

T0 = datetime(2017, 3, 4, 9, 0, tzinfo=UTC)


def test_publish_expire_and_withdraw(seeded_engine):
    organiser = make_user(seeded_engine)
    with session_scope(seeded_engine) as session:
        first = announcements.publish(
            session=session, actor=organiser, text="  Sesja plenarna za 10 minut w sali A ", minutes=15, now=T0
        )
        announcements.publish(
            session=session, actor=organiser, text="Kawa w holu", minutes=60, now=T0 + timedelta(minutes=1)
        )
    with Session(seeded_engine) as session:
        shown = announcements.active(session, now=T0 + timedelta(minutes=5))
        assert [a.text for a in shown] == ["Kawa w holu", "Sesja plenarna za 10 minut w sali A"]
        assert [a.text for a in announcements.active(session, now=T0 + timedelta(minutes=20))] == ["Kawa w holu"]
    with session_scope(seeded_engine) as session:
        announcements.withdraw(session=session, actor=organiser, announcement_id=first.id)
    with Session(seeded_engine) as session:
        assert [a.text for a in announcements.active(session, now=T0 + timedelta(minutes=5))] == ["Kawa w holu"]


@pytest.mark.parametrize(
    ("text", "minutes", "fragment"), [("", 10, "Wpisz"), ("x" * 201, 10, "200"), ("Ok", 0, "1 minuty")]
)
def test_bad_announcements(seeded_engine, text, minutes, fragment):
    organiser = make_user(seeded_engine)
    with pytest.raises(announcements.AnnouncementError, match=fragment), session_scope(seeded_engine) as session:
        announcements.publish(session=session, actor=organiser, text=text, minutes=minutes, now=T0)


def test_only_organisers_announce(seeded_engine):
    facilitator = make_user(seeded_engine, username="mod", role=auth.FACILITATOR, group=1)
    for actor in (None, facilitator):
        with pytest.raises(auth.PermissionDenied), session_scope(seeded_engine) as session:
            announcements.publish(session=session, actor=actor, text="Hack", minutes=5, now=T0)
    with Session(seeded_engine) as session:
        assert announcements.active(session, now=T0) == []
