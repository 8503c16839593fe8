"""Shared fixtures: a real, migrated SQLite database in a temp dir."""

import asyncio
import os
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

# The public states' first-screen values come from a snapshot written before the app starts (make run): tests
# that build states in this process must not depend on whether someone ran the app in this checkout.
os.environ["KONGRES_FIRST_SCREEN_FILE"] = "/nonexistent/kongres-first-screen.json"

from kongres_app.db import make_engine, session_scope
from kongres_app.services.seed import load_edition, read_seed_file
from kongres_app.settings import PROJECT_ROOT
from kongres_app.testing import fill_legal_facts


def run_async(coroutine):
    """Run a coroutine in its own thread and loop: the browser tests' Playwright keeps a loop running here."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def migrate(db_url: str) -> None:
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.attributes["db_url"] = db_url
    cfg.attributes["configure_logger"] = False
    command.upgrade(cfg, "head")


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """One database migrated once per test session; each test gets a copy (migrating took a third of the
    unit suite's time)."""
    path = tmp_path_factory.mktemp("template") / "kongres-template.db"
    migrate(f"sqlite:///{path}")
    return path


@pytest.fixture
def db_url(tmp_path: Path, migrated_template: Path) -> str:
    path = tmp_path / "kongres-test.db"
    shutil.copyfile(migrated_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def seeded_engine(engine: Engine) -> Engine:
    with session_scope(engine) as session:
        load_edition(session=session, data=read_seed_file())
        fill_legal_facts(session)
    return engine
