"""The same rules on PostgreSQL: migrations, no overbooking under concurrency, boards and search."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from alembic import command
from alembic.config import Config
from sqlmodel import Session, func, select

from kongres_app.db import make_engine, session_scope
from kongres_app.models import Delegate, Registration
from kongres_app.services import auth, boards, organiser
from kongres_app.services import registration as reg
from kongres_app.services.registration_views import registration_view
from kongres_app.services.stats import public_stats
from kongres_app.settings import PROJECT_ROOT
from tests.factories import OPEN, org

THREADS = 16
REQUESTS = 64


def test_migrations_go_up_and_down(pg_url):
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.attributes["db_url"] = pg_url
    cfg.attributes["configure_logger"] = False
    command.downgrade(cfg, "base")
    command.upgrade(cfg, "head")


def test_concurrent_registrations_never_overbook_on_postgresql(pg_engine, pg_url):
    with session_scope(pg_engine) as session:
        reg.set_group_capacity(session=session, group_number=1, capacity=20, now=OPEN)
    payloads = [org(1) for _ in range(REQUESTS)]
    engines = [make_engine(pg_url) for _ in range(THREADS)]
    start = threading.Barrier(THREADS)
    errors: list[Exception] = []

    def worker(index: int) -> None:
        start.wait()
        for data in payloads[index::THREADS]:
            try:
                with session_scope(engines[index]) as session:
                    reg.register(session=session, data=data, now=OPEN)
            except Exception as exc:  # any failure is a lost registration
                errors.append(exc)

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(worker, range(THREADS)))
    for engine in engines:
        engine.dispose()
    assert errors == []
    with Session(pg_engine) as session:
        assert session.exec(select(func.count()).select_from(Registration)).one() == REQUESTS
        by_status = dict(session.exec(select(Delegate.status, func.count()).group_by(Delegate.status)).all())
        stats = public_stats(session)
    assert by_status == {"confirmed": 20, "waiting": REQUESTS - 20}
    assert stats["groups"][0]["confirmed"] == 20


def test_boards_and_participant_search_on_postgresql(pg_engine):
    with session_scope(pg_engine) as session:
        done = reg.register(session=session, data=org(1, name="Fundacja Postgres"), now=OPEN)
    with Session(pg_engine) as session:
        code = registration_view(session, done.token).delegates[0].code
    with session_scope(pg_engine) as session:
        _token, who = boards.join(session=session, code=code)
        note = boards.post_note(
            session=session, participant=who, board=1, kind="pytanie", text="Czy są granty?", anonymous=True
        )
    with session_scope(pg_engine) as session:
        assert boards.toggle_vote(session=session, participant=who, note_id=note.id)
    with Session(pg_engine) as session:
        view = boards.board_view(session, 1)
        assert [(n.text, n.votes, n.author) for n in view.notes] == [("Czy są granty?", 1, "anonimowo")]
    with session_scope(pg_engine) as session:
        staff = auth.create_user(
            session=session,
            username="ala",
            display_name="Ala",
            password="bardzo-tajne-haslo-1",
            role=auth.ORGANISER,
            now=datetime(2017, 2, 1, tzinfo=UTC),
        )
    with Session(pg_engine) as session:
        rows, total = organiser.participants(session, staff, organiser.ParticipantFilter(search="postgres"))
    assert total == 1 and rows[0].org_name == "Fundacja Postgres"
