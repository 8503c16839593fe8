"""The real app, started once per test session in production mode on a free port,
with its own migrated and seeded SQLite database; Playwright drives Debian's Chromium."""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

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


@pytest.fixture(scope="session")
def app_env(tmp_path_factory) -> dict[str, str]:
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
    env.pop("KONGRES_SMTP_URL", None)
    return env


@pytest.fixture(scope="session")
def app_url(app_env, tmp_path_factory) -> Iterator[str]:
    port = app_env["PORT"]
    subprocess.run([sys.executable, "-m", "kongres_app.cli", "setup"], env=app_env, cwd=PROJECT_ROOT, check=True)
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


@pytest.fixture
def context_args_pl(browser_context_args):
    return {**browser_context_args, "locale": "pl-PL"}
