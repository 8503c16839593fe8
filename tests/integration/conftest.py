"""Real PostgreSQL for the integration tests: started once per session (Debian's server, loopback)."""

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from kongres_app import local_services
from kongres_app.db import make_engine, session_scope
from kongres_app.services.seed import load_edition, read_seed_file
from kongres_app.testing import fill_legal_facts, free_port
from tests.conftest import migrate


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    if local_services.pg_bin() is None:
        pytest.skip("PostgreSQL is not installed: `make test` installs Debian's postgresql when run as root.")
    folder = Path(tempfile.mkdtemp(prefix="kongres-pg-"))  # not under pytest's root-only tmp: postgres must reach it
    url = local_services.start_postgres(folder, free_port())
    yield url
    local_services.stop_postgres(folder)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """A clean, migrated database for each test."""
    engine = make_engine(pg_server)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    migrate(pg_server)
    return pg_server


@pytest.fixture
def pg_engine(pg_url: str):
    engine = make_engine(pg_url)
    with session_scope(engine) as session:
        load_edition(session=session, data=read_seed_file())
        fill_legal_facts(session)
    yield engine
    engine.dispose()
