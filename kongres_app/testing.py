"""Start the real app in production mode for browser tests and benchmarks (its own port and database)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import httpx
from sqlmodel import Session, select

from kongres_app.db import make_engine, require_id, session_scope
from kongres_app.models import SiteSetting
from kongres_app.services.congress import current_edition
from kongres_app.settings import PROJECT_ROOT

START_TIMEOUT_S = 420


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def local_servers(prefix: str) -> Iterator[dict[str, str]]:
    """A throwaway local PostgreSQL and Redis (Debian's packages): yields ``REFLEX_DB_URL`` and
    ``REFLEX_REDIS_URL`` (plus ``REDIS_PID``); stops both and removes their data afterwards."""
    from kongres_app import local_services

    folder = Path(tempfile.mkdtemp(prefix=prefix))  # not a root-only temp dir: PostgreSQL's user must reach it
    redis_port = free_port()
    try:
        urls = {
            "REFLEX_DB_URL": local_services.start_postgres(folder, free_port()),
            "REFLEX_REDIS_URL": local_services.start_redis(folder / "redis", redis_port),
        }
        yield {**urls, "REDIS_PID": (folder / "redis" / "redis.pid").read_text().strip()}
    finally:
        local_services.stop_redis(redis_port)
        local_services.stop_postgres(folder)
        shutil.rmtree(folder, ignore_errors=True)


def app_environment(db_path: Path, port: int, **extra: str) -> dict[str, str]:
    tools = PROJECT_ROOT / ".tools" / "node_modules" / ".bin"
    if not (tools / "bun").exists():
        raise RuntimeError("Bun is not installed in .tools/: run `make test` or `make bench`, which install it.")
    env = dict(os.environ)
    env["PATH"] = f"{tools}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.update(
        REFLEX_DB_URL=f"sqlite:///{db_path}",
        PORT=str(port),
        TELEMETRY_ENABLED="false",
        REFLEX_CHECK_LATEST_VERSION="false",
        REFLEX_USE_SYSTEM_BUN="1",
        KONGRES_PUBLIC_URL=f"http://127.0.0.1:{port}",
        KONGRES_PRIVACY_EVERY_S="2",  # the art. 14 mails go out within seconds, not a minute
        # The seed's congress was in 2017: keep the needs typed in tests instead of erasing them at once.
        KONGRES_NEEDS_RETENTION_DAYS="36500",
        # Every test and benchmark client is 127.0.0.1: the flood guard and the e-mail confirmation have their
        # own app in tests/e2e/test_registration_guard.py, which sets the production defaults.
        KONGRES_REGISTRATION_LIMIT_ADDRESS="100000 per minute",
        KONGRES_REGISTRATION_LIMIT_EMAIL="100000 per minute",
        KONGRES_CONFIRM_HOURS="0",
        KONGRES_FIRST_SCREEN_FILE=str(db_path.with_name(f"{db_path.stem}-first-screen.json")),
    )
    env.pop("REFLEX_REDIS_URL", None)
    env.pop("KONGRES_SMTP_URL", None)
    env.update(extra)
    return env


TEST_LEGAL_FACTS = {
    "gdpr_dpo_contact": "iod@powiat.example.pl",
    "gdpr_retention": "do zakończenia kongresu i jego rozliczenia, a potem 5 lat (kategoria archiwalna B5)",
    "gdpr_recipients": "dostawca hostingu aplikacji, na podstawie umowy powierzenia",
    "organiser_contact": "kongres@powiat.example.pl, tel. 22 000 00 00",
}


def fill_legal_facts(session: Session) -> None:
    """Stand-ins for the facts the seed leaves to the organiser: until they are filled, nobody may register."""
    edition = current_edition(session)
    if edition is None:
        return
    for key, value in TEST_LEGAL_FACTS.items():
        row = session.exec(
            select(SiteSetting).where(SiteSetting.edition_id == edition.id, SiteSetting.key == key)
        ).first()
        row = row or SiteSetting(edition_id=require_id(edition), key=key)
        row.value = value
        session.add(row)


def prepare_database(env: dict[str, str], *, open_registration: bool = True, legal_facts: bool = True) -> None:
    """Migrate and seed; open registration around today (the 2017 window is long closed) and fill in the
    information clause's facts the seed leaves as placeholders (``legal_facts``)."""
    cli = [sys.executable, "-m", "kongres_app.cli"]
    subprocess.run([*cli, "setup"], env=env, cwd=PROJECT_ROOT, check=True, stdout=subprocess.DEVNULL)
    if legal_facts:
        engine = make_engine(env["REFLEX_DB_URL"])
        with session_scope(engine) as session:
            fill_legal_facts(session)
        engine.dispose()
    if open_registration:
        today = date.today()
        window = ["--opens", str(today - timedelta(days=30)), "--closes", str(today + timedelta(days=30))]
        subprocess.run(
            [*cli, "registration-window", *window], env=env, cwd=PROJECT_ROOT, check=True, stdout=subprocess.DEVNULL
        )


class AppProcess:
    """``with AppProcess(env, log) as url: ...`` runs ``reflex run --env prod`` until the block ends."""

    def __init__(self, env: dict[str, str], log: Path):
        self.env, self.log = env, log
        self.proc: subprocess.Popen[bytes] | None = None
        self.url = f"http://127.0.0.1:{env['PORT']}"

    def __enter__(self) -> str:
        port = self.env["PORT"]
        reflex = str(Path(sys.executable).parent / "reflex")
        with self.log.open("w") as out:
            # As ``make run`` does: the public pages' content for the first HTML, as of now.
            subprocess.run(
                [sys.executable, "-m", "kongres_app.cli", "first-screen"],
                env=self.env,
                cwd=PROJECT_ROOT,
                check=True,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            self.proc = proc = subprocess.Popen(
                [reflex, "run", "--env", "prod", "--frontend-port", port, "--backend-port", port],
                cwd=PROJECT_ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            self._wait_until_up(proc)
        except BaseException:
            self.stop()
            raise
        return self.url

    @property
    def pid(self) -> int:
        """The ``reflex run`` process: the server's root (its workers are its children)."""
        if self.proc is None:
            raise RuntimeError("The app is not running.")
        return self.proc.pid

    def __exit__(self, *exc) -> None:
        self.stop()

    def _wait_until_up(self, proc: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"The app exited with {proc.returncode}:\n{self.log.read_text()[-4000:]}")
            try:
                backend_up = httpx.get(f"{self.url}/ping", timeout=2).status_code == 200
                if backend_up and httpx.get(self.url, timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(1)
        raise RuntimeError(f"The app did not start in {START_TIMEOUT_S} s:\n{self.log.read_text()[-4000:]}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
