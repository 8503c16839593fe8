"""Registration burst: N concurrent registrations for fewer places, on a file-backed SQLite database.

Each request runs the real service (validation, write lock, duplicate checks, place assignment,
codes, management token) in its own database session, from a pool of worker threads with one
connection pool each, as the app's worker threads would. Prints throughput, latency percentiles
and the invariants: nothing overbooked, nothing lost.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlmodel import Session, func, select

from kongres_app import local_services
from kongres_app.db import make_engine, session_scope
from kongres_app.models import Delegate, DiscussionGroup, Registration
from kongres_app.services import registration as reg
from kongres_app.services.seed import load_edition, read_seed_file
from kongres_app.services.validation import DelegateInput, RegistrationInput, validate_registration
from kongres_app.settings import PROJECT_ROOT
from kongres_app.testing import fill_legal_facts, free_port

NOW = datetime(2017, 2, 15, 12, tzinfo=UTC)
WORKERS = 32


def _prepare(db_url: str, venue_places: int) -> None:
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.attributes["db_url"] = db_url
    cfg.attributes["configure_logger"] = False
    command.upgrade(cfg, "head")
    engine = make_engine(db_url)
    with session_scope(engine) as session:
        load_edition(session=session, data=read_seed_file())
        fill_legal_facts(session)
    with session_scope(engine) as session:
        reg.set_venue_capacity(session=session, capacity=venue_places, now=NOW)
    engine.dispose()


def _payload(i: int):
    clean, errors = validate_registration(
        RegistrationInput(
            org_name=f"Organizacja testowa {i}",
            legal_form="stowarzyszenie",
            gmina="pruszkow",
            contact_name="Osoba Kontaktowa",
            email=f"bench{i}@example.pl",
            delegates=[DelegateInput(f"Delegat {i}", "", str(1 + i % 4), "")],
            consent_rules=True,
        ),
        {1, 2, 3, 4},
    )
    assert not errors
    return clean


def run(requests: int, places: int, db_url: str | None = None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db_url = db_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        _prepare(db_url, places)
        payloads = [_payload(i) for i in range(requests)]
        engines = [make_engine(db_url) for _ in range(WORKERS)]
        barrier = threading.Barrier(WORKERS)
        latencies: list[float] = []
        failures: list[str] = []
        lock = threading.Lock()

        def worker(w: int) -> None:
            barrier.wait()
            for data in payloads[w::WORKERS]:
                t0 = time.perf_counter()
                try:
                    with session_scope(engines[w]) as session:
                        reg.register(session=session, data=data, now=NOW)
                except Exception as exc:
                    with lock:
                        failures.append(repr(exc))
                    continue
                with lock:
                    latencies.append(time.perf_counter() - t0)

        started = time.perf_counter()
        with ThreadPoolExecutor(WORKERS) as pool:
            list(pool.map(worker, range(WORKERS)))
        elapsed = time.perf_counter() - started

        with Session(engines[0]) as session:
            stored = session.exec(select(func.count()).select_from(Registration)).one()
            confirmed = dict(
                session.exec(
                    select(Delegate.group_id, func.count())
                    .where(Delegate.status == "confirmed")
                    .group_by(Delegate.group_id)
                ).all()
            )
            capacity = {g.id: g.capacity for g in session.exec(select(DiscussionGroup)).all()}
            waiting = session.exec(select(func.count()).select_from(Delegate).where(Delegate.status == "waiting")).one()
        for engine in engines:
            engine.dispose()

    overbooked = sum(max(0, n - capacity[g]) for g, n in confirmed.items()) + max(0, sum(confirmed.values()) - places)
    latencies.sort()
    return {
        "requests": requests,
        "places": places,
        "seconds": elapsed,
        "throughput": requests / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "max_ms": latencies[-1] * 1000,
        "confirmed": sum(confirmed.values()),
        "waiting": waiting,
        "overbooked": overbooked,
        "lost": requests - stored + len(failures),
    }


def _databases():
    yield "SQLite (file, WAL)", lambda: None
    if local_services.pg_bin() is None:
        print("(PostgreSQL not installed: skipped)")
        return
    folder = Path(tempfile.mkdtemp(prefix="kongres-pg-bench-"))
    url = local_services.start_postgres(folder, free_port())
    try:
        yield "PostgreSQL", lambda: _reset(url)
    finally:
        local_services.stop_postgres(folder)
        shutil.rmtree(folder, ignore_errors=True)


def _reset(url: str) -> str:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def main() -> None:
    print(f"Registration burst: {os.cpu_count()} cores, Python {platform.python_version()}, {WORKERS} worker threads")
    print(
        "| database | requests | places | total s | registrations/s | p50 ms | p95 ms | max ms | confirmed | waiting | overbooked | lost |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, fresh_url in _databases():
        for requests, places in ((300, 120), (1000, 120)):
            r = run(requests, places, fresh_url())
            print(
                f"| {name} | {r['requests']} | {r['places']} | {r['seconds']:.2f} | {r['throughput']:.0f} | {r['p50_ms']:.1f} | "
                f"{r['p95_ms']:.1f} | {r['max_ms']:.1f} | {r['confirmed']} | {r['waiting']} | {r['overbooked']} | {r['lost']} |"
            )
            if r["overbooked"] or r["lost"]:
                raise SystemExit("FAILED: overbooked or lost registrations")


if __name__ == "__main__":
    main()
