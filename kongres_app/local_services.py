"""Local PostgreSQL and Redis servers for tests and ``make run-scaled`` (Debian's packages, loopback only,
data under a folder of the project). ``python -m kongres_app.local_services start|stop DIR``.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

PG_USER = "postgres"
DB_NAME = "kongres"


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def available() -> bool:
    return pg_bin() is not None and shutil.which("redis-server") is not None


def _as_postgres(args: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root: run its tools as the package's own user.
    return ["runuser", "-u", PG_USER, "--", *args] if os.geteuid() == 0 else args


def _run(args: list[str]) -> None:
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def start_postgres(folder: Path, port: int) -> str:
    binaries = pg_bin()
    if binaries is None:
        raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql).")
    data = folder / "pg"
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(folder, PG_USER)
        folder.chmod(0o755)
    if not (data / "PG_VERSION").exists():
        _run(_as_postgres([str(binaries / "initdb"), "-D", str(data), "-U", PG_USER, "--auth=trust", "-E", "UTF8"]))
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    _run(
        _as_postgres(
            [str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "pg.log"), "-w", "start"]
        )
    )
    created = subprocess.run(
        _as_postgres([str(binaries / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", PG_USER, DB_NAME]),
        capture_output=True,
        text=True,
    )
    if created.returncode != 0 and "already exists" not in created.stderr:
        raise RuntimeError(created.stderr)
    return f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/{DB_NAME}"


def stop_postgres(folder: Path) -> None:
    binaries = pg_bin()
    if binaries and (folder / "pg" / "postmaster.pid").exists():
        subprocess.run(
            _as_postgres([str(binaries / "pg_ctl"), "-D", str(folder / "pg"), "-m", "fast", "stop"]), check=False
        )


def start_redis(folder: Path, port: int) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    _run(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(folder),
            "--daemonize",
            "yes",
            "--pidfile",
            str(folder / "redis.pid"),
            "--logfile",
            str(folder / "redis.log"),
            "--save",
            "",
        ]
    )
    for _ in range(50):
        if (
            subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True).stdout.strip()
            == "PONG"
        ):
            return f"redis://127.0.0.1:{port}/0"
        time.sleep(0.1)
    raise RuntimeError("Redis did not start.")


def stop_redis(port: int) -> None:
    subprocess.run(["redis-cli", "-p", str(port), "shutdown", "nosave"], check=False, capture_output=True)


def main(argv: list[str]) -> int:
    command, folder = argv[0], Path(argv[1]).resolve()
    pg_port, redis_port = (
        int(os.environ.get("KONGRES_PG_PORT", "5433")),
        int(os.environ.get("KONGRES_REDIS_PORT", "6380")),
    )
    if command == "start":
        print(f"REFLEX_DB_URL={start_postgres(folder, pg_port)}")
        print(f"REFLEX_REDIS_URL={start_redis(folder / 'redis', redis_port)}")
    elif command == "stop":
        stop_redis(redis_port)
        stop_postgres(folder)
    else:
        print("użycie: python -m kongres_app.local_services start|stop KATALOG", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
