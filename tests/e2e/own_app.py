"""An app of a test module's own (mail off, the registration guard's production limits), beside the session's:
its own database, port and settings, one organiser account, and a browser tab on it.

Such modules are marked ``own_app`` (``conftest.py`` runs them first, so two apps never build ``.web`` at the
same time) and use ``browser`` rather than ``page``, which would start the session's app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page
from sqlalchemy.engine import Engine
from sqlmodel import Session

from kongres_app.db import make_engine, session_scope
from kongres_app.services import auth
from kongres_app.testing import AppProcess, app_environment, free_port, prepare_database
from tests.e2e.journeys import ORGANISER, PASSWORD


@dataclass
class OwnApp:
    url: str
    engine: Engine
    env: dict[str, str]


@contextmanager
def own_app(
    folder: Path, name: str, *, arrange: Callable[[Session], None] | None = None, **settings: str
) -> Iterator[OwnApp]:
    """Migrate and seed a database in ``folder``, add the organiser (and whatever ``arrange`` adds), start the
    app with ``settings`` over the test defaults; stop it afterwards."""
    env = app_environment(folder / f"kongres-{name}.db", free_port(), **settings)
    prepare_database(env)
    engine = make_engine(env["REFLEX_DB_URL"])
    try:
        with session_scope(engine) as session:
            auth.create_user(
                session=session, username=ORGANISER, display_name="Ola", password=PASSWORD, role=auth.ORGANISER
            )
            if arrange is not None:
                arrange(session)
        with AppProcess(env, folder / "app.log") as url:
            yield OwnApp(url, engine, env)
    finally:
        engine.dispose()


@contextmanager
def tab_on(browser: Browser, app: OwnApp) -> Iterator[Page]:
    """A fresh browser context (no cookies) with one page on ``app``."""
    context = browser.new_context(base_url=app.url)
    try:
        yield context.new_page()
    finally:
        context.close()
