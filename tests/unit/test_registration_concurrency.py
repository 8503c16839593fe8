"""Many people pressing "Wyślij" at once: no group overbooked, no registration lost (file-backed SQLite)."""

import threading
from concurrent.futures import ThreadPoolExecutor

from sqlmodel import Session, func, select

from kongres_app.db import make_engine, session_scope
from kongres_app.models import Delegate, Registration
from kongres_app.services import registration as reg
from tests.factories import OPEN, capacity, org

THREADS = 24
REQUESTS = 96


def test_hammering_one_group_never_overbooks_or_loses(seeded_engine, db_url):
    capacity(seeded_engine, 1, 20)
    payloads = [org(1) for _ in range(REQUESTS)]
    start = threading.Barrier(THREADS)
    engines = [make_engine(db_url) for _ in range(THREADS)]  # one connection pool per "worker"
    errors: list[Exception] = []

    def worker(index: int) -> int:
        start.wait()
        done = 0
        for data in payloads[index::THREADS]:
            try:
                with session_scope(engines[index]) as session:
                    reg.register(session=session, data=data, now=OPEN)
                done += 1
            except Exception as exc:
                errors.append(exc)
        return done

    with ThreadPoolExecutor(THREADS) as pool:
        stored = sum(pool.map(worker, range(THREADS)))
    for engine in engines:
        engine.dispose()

    assert errors == []
    assert stored == REQUESTS
    with Session(seeded_engine) as session:
        assert session.exec(select(func.count()).select_from(Registration)).one() == REQUESTS
        by_status = dict(session.exec(select(Delegate.status, func.count()).group_by(Delegate.status)).all())
        codes = session.exec(select(func.count(func.distinct(Delegate.code)))).one()
    assert by_status == {"confirmed": 20, "waiting": REQUESTS - 20}
    assert codes == REQUESTS


def test_concurrent_cancellations_promote_exactly_the_freed_places(seeded_engine, db_url):
    capacity(seeded_engine, 2, 10)
    tokens = []
    for _ in range(30):
        with session_scope(seeded_engine) as session:
            tokens.append(reg.register(session=session, data=org(2), now=OPEN).token)
    engines = [make_engine(db_url) for _ in range(8)]

    def cancel(i: int) -> None:
        with session_scope(engines[i % 8]) as session:
            reg.cancel_registration(session=session, token=tokens[i], now=OPEN)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(cancel, range(10)))  # every confirmed one cancels at once
    for engine in engines:
        engine.dispose()
    with Session(seeded_engine) as session:
        by_status = dict(session.exec(select(Delegate.status, func.count()).group_by(Delegate.status)).all())
    assert by_status == {"cancelled": 10, "confirmed": 10, "waiting": 10}
