"""The real app, started once per test session in production mode on a free port,
with its own migrated and seeded SQLite database; Playwright drives Debian's Chromium."""

import time
from collections.abc import Iterator
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy.engine import Engine

from kongres_app.db import make_engine
from kongres_app.testing import AppProcess, app_environment, free_port, prepare_database
from tests.e2e.journeys import ensure_organiser

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that start their own app (scale-out, mail off) first: each such app builds ``.web`` and must be
    gone (module scope, one module each) before the session's app builds it again."""
    items.sort(key=lambda item: not (item.get_closest_marker("scaled") or item.get_closest_marker("own_app")))


class Mailbox:
    """A real SMTP server (aiosmtpd) on loopback that keeps what it receives."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.port = 0

    async def handle_DATA(self, _server, _session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=default_policy))
        return "250 OK"

    def wait_for(self, to: str, timeout: float = 15, subject: str = "") -> EmailMessage:
        """The newest message to ``to`` (whose subject contains ``subject``, if given)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in reversed(self.messages):
                if to in message["To"] and subject in message["Subject"]:
                    return message
            time.sleep(0.2)
        raise AssertionError(f"No mail to {to} within {timeout} s; got {[m['To'] for m in self.messages]}")


@pytest.fixture(scope="session")
def mailbox() -> Iterator[Mailbox]:
    box = Mailbox()
    box.port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=box.port)
    controller.start()
    yield box
    controller.stop()


@pytest.fixture(scope="session")
def app_env(tmp_path_factory, mailbox) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("app")
    (tmp / "tmp").mkdir()
    return app_environment(
        tmp / "kongres-e2e.db",
        free_port(),
        KONGRES_SMTP_URL=f"smtp://127.0.0.1:{mailbox.port}",
        KONGRES_ALLOW_PRIVATE_SOURCES="1",  # campaign sources served by the tests on loopback
        TMPDIR=str(tmp / "tmp"),  # the server's own temp dir, so tests can see what an upload leaves there
        REFLEX_UPLOADED_FILES_DIR=str(tmp / "uploaded_files"),
    )


@pytest.fixture(scope="session")
def app_engine(app_env) -> Iterator[Engine]:
    """The app's own database, for arranging what only organisers could do through a UI."""
    engine = make_engine(app_env["REFLEX_DB_URL"])
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def app_log(tmp_path_factory) -> Path:
    """Everything the session's app prints (its log)."""
    return tmp_path_factory.mktemp("logs") / "app.log"


@pytest.fixture(scope="session")
def app_url(app_env, app_log) -> Iterator[str]:
    prepare_database(app_env)
    with AppProcess(app_env, app_log) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(app_url: str) -> str:
    return app_url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium).")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="module")
def organiser_account(app_engine) -> str:
    """The session app's organiser login (one account, whichever module needs it first)."""
    return ensure_organiser(app_engine)
