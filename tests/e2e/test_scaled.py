"""Scale-out: PostgreSQL + Redis + two workers. Browsers whose websockets are served by different
worker processes (proved by the pid each worker logs for the websocket it accepts) still see each other live, and a
worker killed with SIGKILL is replaced while its browsers reconnect and lose nothing.

These tests start their own app (module scope) and run before the rest of the browser tests (see
``conftest.py``), so that the two apps never build the frontend in ``.web`` at the same time.
"""

from __future__ import annotations

import os
import re
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import psutil
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, WebSocket, expect
from sqlalchemy.engine import Engine
from sqlmodel import select

from kongres_app import local_services
from kongres_app.db import make_engine, session_scope
from kongres_app.models import Note
from kongres_app.serving import WORKER_HEADER, WORKER_LOG_PREFIX
from kongres_app.testing import AppProcess, app_environment, free_port, local_servers, prepare_database
from tests.e2e.journeys import join
from tests.factories import registered_delegate_code

pytestmark = [pytest.mark.e2e, pytest.mark.scaled]
WORKERS = 2


@dataclass
class ScaledApp:
    url: str
    engine: Engine
    app: AppProcess

    def workers(self) -> set[int]:
        assert self.app.proc is not None
        return {child.pid for child in psutil.Process(self.app.proc.pid).children()}


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ScaledApp]:
    if not local_services.available():
        pytest.skip("PostgreSQL/Redis are not installed: `make test` installs Debian's packages when run as root.")
    logs = tmp_path_factory.mktemp("scaled")
    with local_servers("kongres-scaled-") as servers:
        env = app_environment(
            logs / "unused.db",
            free_port(),
            REFLEX_DB_URL=servers["REFLEX_DB_URL"],
            REFLEX_REDIS_URL=servers["REFLEX_REDIS_URL"],
            GRANIAN_WORKERS=str(WORKERS),
            KONGRES_WORKER_HEADER="1",
        )
        prepare_database(env)
        engine = make_engine(env["REFLEX_DB_URL"])
        app = AppProcess(env, logs / "app.log")
        with app as url:
            yield ScaledApp(url, engine, app)
        engine.dispose()


class Tab:
    """A page whose websocket is traced to the worker process that accepted it (the app logs
    ``kongres-worker <pid> websocket token=<token>`` with ``KONGRES_WORKER_HEADER=1``)."""

    def __init__(self, context: BrowserContext, log: Path):
        self.context, self.log = context, log
        self.page: Page = context.new_page()
        self.tokens: list[str] = []
        self.page.on("websocket", self._socket)

    def _socket(self, socket: WebSocket) -> None:
        token = parse_qs(urlsplit(socket.url).query).get("token")
        if token:
            self.tokens.append(token[0])

    def _workers_seen(self) -> list[int]:
        pattern = re.compile(rf"{WORKER_LOG_PREFIX} (\d+) websocket token=(\S+)")
        tokens = set(self.tokens)
        return [int(m[1]) for m in pattern.finditer(self.log.read_text(errors="replace")) if m[2] in tokens]

    def worker(self, *, not_in: frozenset[int] = frozenset(), timeout_s: float = 30) -> int:
        """The pid of the worker that accepted this tab's latest websocket (one not in ``not_in``)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            seen = self._workers_seen()
            if seen and seen[-1] not in not_in:
                return seen[-1]
            self.page.wait_for_timeout(100)
        raise AssertionError(f"No websocket accepted by a worker outside {set(not_in)}; saw {self._workers_seen()}")


def open_board(browser: Browser, scaled: ScaledApp, *, avoid_worker: int | None = None) -> Tab:
    """A tab on /grupy/2; with ``avoid_worker``, new tabs until the kernel gives it the other worker."""
    for _ in range(30):
        tab = Tab(browser.new_context(base_url=scaled.url), scaled.app.log)
        tab.page.goto("/grupy/2")
        expect(tab.page.get_by_role("heading", level=1)).to_be_visible()
        if avoid_worker is None or tab.worker() != avoid_worker:
            return tab
        tab.context.close()
    raise AssertionError(f"30 new tabs all landed on worker {avoid_worker}")


def post(page: Page, text: str) -> None:
    page.get_by_role("textbox", name="Treść (wymagane)").fill(text)
    page.get_by_role("button", name="Dodaj notatkę").click()


@pytest.fixture
def two_workers(scaled: ScaledApp, browser: Browser) -> Iterator[tuple[Tab, Tab]]:
    a = open_board(browser, scaled)
    b = open_board(browser, scaled, avoid_worker=a.worker())
    assert a.worker() != b.worker() and {a.worker(), b.worker()} <= scaled.workers()
    for tab in (a, b):
        join(tab.page, registered_delegate_code(scaled.engine, 2))
    yield a, b
    for tab in (a, b):
        tab.context.close()


def test_two_browsers_on_different_workers_see_each_other_live(two_workers: tuple[Tab, Tab], scaled: ScaledApp):
    a, b = two_workers
    post(a.page, "Notatka z pierwszego procesu")
    expect(b.page.locator(".note-text", has_text="Notatka z pierwszego procesu")).to_be_visible()
    post(b.page, "Odpowiedź z drugiego procesu")
    card_in_a = a.page.locator(".note-item", has=a.page.locator(".note-text", has_text="Odpowiedź z drugiego"))
    expect(card_in_a).to_be_visible()
    card_in_a.get_by_role("button", name="Popieram (liczba poparć: 0)").click()
    card_in_b = b.page.locator(".note-item", has=b.page.locator(".note-text", has_text="Odpowiedź z drugiego"))
    expect(card_in_b.get_by_role("button", name="Popieram (liczba poparć: 1)")).to_be_visible()
    # Plain HTTP is spread too: the header names the process that answered.
    served_by = {int(httpx.get(scaled.url + "/ping", timeout=5).headers[WORKER_HEADER.decode()]) for _ in range(40)}
    assert served_by <= scaled.workers()


def test_a_worker_killed_mid_session_is_replaced_and_nothing_is_lost(two_workers: tuple[Tab, Tab], scaled: ScaledApp):
    a, b = two_workers
    post(a.page, "Zapisane przed awarią")
    expect(b.page.locator(".note-text", has_text="Zapisane przed awarią")).to_be_visible()
    victim = a.worker()

    os.kill(victim, signal.SIGKILL)

    # A's socket.io client reconnects by itself, to a live worker.
    a.worker(not_in=frozenset({victim}), timeout_s=60)
    deadline = time.monotonic() + 60
    while len(scaled.workers() - {victim}) < WORKERS and time.monotonic() < deadline:
        time.sleep(0.5)
    assert victim not in scaled.workers() and len(scaled.workers()) == WORKERS, "the killed worker was not replaced"
    assert httpx.get(scaled.url + "/_health", timeout=5).json()["status"] is True

    # Nothing posted before is lost: in the database, on A's page, and after a reload.
    with session_scope(scaled.engine) as session:
        assert session.exec(select(Note).where(Note.text == "Zapisane przed awarią")).one()
    expect(a.page.locator(".note-text", has_text="Zapisane przed awarią")).to_be_visible()
    a.page.reload()
    expect(a.page.locator(".note-text", has_text="Zapisane przed awarią")).to_be_visible()
    expect(a.page.get_by_text("Piszesz jako")).to_be_visible()  # still joined after the crash

    # And the board is live across workers again.
    post(a.page, "Zapisane po awarii")
    expect(b.page.locator(".note-text", has_text="Zapisane po awarii")).to_be_visible()
    post(b.page, "Odpowiedź po awarii")
    expect(a.page.locator(".note-text", has_text="Odpowiedź po awarii")).to_be_visible()
