"""The real app, started once per test session in production mode on a free port,
with its own migrated and seeded SQLite database; Playwright drives Debian's Chromium."""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

import httpx
import pytest
from aiosmtpd.controller import Controller
from sqlalchemy.engine import Engine

from kongres_app.db import make_engine
from kongres_app.settings import PROJECT_ROOT

CHROMIUM = "/usr/bin/chromium"
START_TIMEOUT_S = 420


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"The app exited with {proc.returncode}:\n{log.read_text()[-4000:]}")
        try:
            # The frontend is served by the same process once the build is done.
            backend_up = httpx.get(f"{url}/ping", timeout=2).status_code == 200
            if backend_up and httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise RuntimeError(f"The app did not start in {START_TIMEOUT_S} s:\n{log.read_text()[-4000:]}")


class Mailbox:
    """A real SMTP server (aiosmtpd) on loopback that keeps what it receives."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.port = 0

    async def handle_DATA(self, _server, _session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=default_policy))
        return "250 OK"

    def wait_for(self, to: str, timeout: float = 15) -> EmailMessage:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in reversed(self.messages):
                if to in message["To"]:
                    return message
            time.sleep(0.2)
        raise AssertionError(f"No mail to {to} within {timeout} s; got {[m['To'] for m in self.messages]}")


@pytest.fixture(scope="session")
def mailbox() -> Iterator[Mailbox]:
    box = Mailbox()
    box.port = _free_port()
    controller = Controller(box, hostname="127.0.0.1", port=box.port)
    controller.start()
    yield box
    controller.stop()


@pytest.fixture(scope="session")
def app_env(tmp_path_factory, mailbox) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("app")
    env = dict(os.environ)
    tools = PROJECT_ROOT / ".tools" / "node_modules" / ".bin"
    if not (tools / "bun").exists():
        pytest.fail("Bun is not installed in .tools/: run `make test`, which installs it.")
    env["PATH"] = f"{tools}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.update(
        REFLEX_DB_URL=f"sqlite:///{tmp / 'kongres-e2e.db'}",
        PORT=str(_free_port()),
        TELEMETRY_ENABLED="false",
        REFLEX_CHECK_LATEST_VERSION="false",
        REFLEX_USE_SYSTEM_BUN="1",
    )
    env.pop("REFLEX_REDIS_URL", None)
    env["KONGRES_SMTP_URL"] = f"smtp://127.0.0.1:{mailbox.port}"
    env["KONGRES_PUBLIC_URL"] = f"http://127.0.0.1:{env['PORT']}"
    return env


@pytest.fixture(scope="session")
def app_engine(app_env) -> Iterator[Engine]:
    """The app's own database, for arranging what only organisers could do through a UI."""
    engine = make_engine(app_env["REFLEX_DB_URL"])
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def app_url(app_env, tmp_path_factory) -> Iterator[str]:
    port = app_env["PORT"]
    cli = [sys.executable, "-m", "kongres_app.cli"]
    subprocess.run([*cli, "setup"], env=app_env, cwd=PROJECT_ROOT, check=True)
    # The 2017 edition's registration is long closed; open it for the browser tests.
    today = date.today()
    window = ["--opens", str(today - timedelta(days=30)), "--closes", str(today + timedelta(days=30))]
    subprocess.run([*cli, "registration-window", *window], env=app_env, cwd=PROJECT_ROOT, check=True)
    log = tmp_path_factory.mktemp("logs") / "app.log"
    reflex = str(Path(sys.executable).parent / "reflex")
    with log.open("w") as out:
        proc = subprocess.Popen(
            [reflex, "run", "--env", "prod", "--frontend-port", port, "--backend-port", port],
            cwd=PROJECT_ROOT,
            env=app_env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, proc, log)
        yield url
    finally:
        _stop(proc)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


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
