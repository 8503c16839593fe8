"""Operator commands: ``python -m kongres_app.cli {check,migrate,seed,setup}``.

Messages are in Polish: the person running them is a county clerk or an NGO volunteer.
"""

from __future__ import annotations

import argparse
import errno
import socket
import sys
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from kongres_app.settings import PROJECT_ROOT, ConfigError, Settings, load_settings


class CliError(Exception):
    """A problem the operator must fix; printed without a traceback."""


def _settings() -> Settings:
    try:
        return load_settings()
    except ConfigError as exc:
        raise CliError(str(exc)) from exc


def check_port_free(port: int, host: str = "0.0.0.0") -> None:  # noqa: S104 (the app binds there)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise CliError(
                    f"Port {port} jest już zajęty przez inny program. Zatrzymaj go albo "
                    f"uruchom aplikację na innym porcie, np.: PORT=3001 make run"
                ) from exc
            raise CliError(f"Nie można użyć portu {port}: {exc.strerror}") from exc


def check_database(settings: Settings) -> None:
    from kongres_app.db import make_engine

    path = settings.sqlite_path
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CliError(f"Nie można utworzyć katalogu bazy danych {path.parent}: {exc}") from exc
    try:
        engine = make_engine(settings.db_url)
    except ModuleNotFoundError as exc:
        raise CliError(f"Brak sterownika bazy danych: {exc.name}. Zainstaluj go w .venv.") from exc
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).splitlines()[0]
        raise CliError(
            f"Nie można połączyć się z bazą danych z REFLEX_DB_URL ({_redacted(settings.db_url)}): {reason}"
        ) from exc
    finally:
        engine.dispose()


def _redacted(db_url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(db_url).render_as_string(hide_password=True)


def migrate(settings: Settings) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.attributes["db_url"] = settings.db_url
    cfg.attributes["configure_logger"] = False
    command.upgrade(cfg, "head")


def seed(settings: Settings, seed_file: Path | None = None) -> str:
    from kongres_app.db import make_engine, session_scope
    from kongres_app.services.campaigns import load_example_campaigns
    from kongres_app.services.seed import DEFAULT_SEED_FILE, load_edition, read_seed_file

    data = read_seed_file(seed_file or DEFAULT_SEED_FILE)
    engine = make_engine(settings.db_url)
    try:
        with session_scope(engine) as session:
            result = load_edition(session=session, data=data, tz=settings.timezone)
        with session_scope(engine) as session:
            examples = load_example_campaigns(session=session)
    finally:
        engine.dispose()
    if result.changed or examples:
        return (
            f"Wczytano dane kongresu {result.edition_slug} (dodano {result.added} rekordów, "
            f"przykładowych zbiórek: {examples})."
        )
    return f"Dane kongresu {result.edition_slug} są już w bazie: nic nie zmieniono."


def registration_window(settings: Settings, opens: str, closes: str) -> str:
    from datetime import datetime

    from kongres_app.db import make_engine, session_scope
    from kongres_app.services.clock import local_to_utc
    from kongres_app.services.polish import polish_datetime
    from kongres_app.services.registration import RegistrationError, set_registration_window

    try:
        opens_at = local_to_utc(datetime.fromisoformat(opens), settings.timezone)
        closes_at = local_to_utc(datetime.fromisoformat(closes), settings.timezone)
    except ValueError as exc:
        raise CliError(f"Podaj daty w formacie RRRR-MM-DD lub RRRR-MM-DDTGG:MM ({exc}).") from exc
    engine = make_engine(settings.db_url)
    try:
        with session_scope(engine) as session:
            edition = set_registration_window(session=session, opens_at=opens_at, closes_at=closes_at)
    except RegistrationError as exc:
        raise CliError(exc.message) from exc
    finally:
        engine.dispose()
    return (
        f"Rejestracja na {edition.short_name}: od {polish_datetime(opens_at, settings.timezone)} "
        f"do {polish_datetime(closes_at, settings.timezone)}."
    )


def create_organiser(settings: Settings, read_password=None) -> str:
    """Ask for the first organiser's login and password (twice, never on the command line)."""
    import getpass

    from kongres_app.db import make_engine, session_scope
    from kongres_app.services.auth import ORGANISER, AuthError, check_new_password, create_user

    read_password = read_password or getpass.getpass
    username = input("Login organizatora: ").strip()
    display_name = input("Imię i nazwisko (widoczne w dzienniku zmian): ").strip()
    password = read_password("Hasło (co najmniej 12 znaków): ")
    repeated = read_password("Powtórz hasło: ")
    engine = make_engine(settings.db_url)
    try:
        check_new_password(password, repeated)
        with session_scope(engine) as session:
            staff = create_user(
                session=session, username=username, display_name=display_name, password=password, role=ORGANISER
            )
    except AuthError as exc:
        raise CliError(exc.message) from exc
    finally:
        engine.dispose()
    return f"Utworzono konto organizatora „{staff.username}”. Zaloguj się na /organizator/logowanie."


def first_screen(settings: Settings) -> str:
    """Write what the public pages show in the server's first HTML (see ``kongres_app.first_screen``)."""
    import kongres_app.kongres_app  # noqa: F401  (every page's state registers its section on import)
    from kongres_app import first_screen as snapshot
    from kongres_app.db import make_engine, session_scope

    engine = make_engine(settings.db_url)
    try:
        with session_scope(engine) as session:
            path = snapshot.write(session, settings.first_screen_file)
    finally:
        engine.dispose()
    return f"Zapisano treść stron publicznych do pierwszej odpowiedzi serwera: {path}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kongres_app.cli", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="sprawdź konfigurację, bazę danych i port")
    check.add_argument("--port", action="store_true", help="sprawdź też, czy port jest wolny")
    sub.add_parser("migrate", help="zastosuj migracje bazy danych")
    seed_cmd = sub.add_parser("seed", help="wczytaj dane kongresu (bezpiecznie wielokrotnie)")
    seed_cmd.add_argument("--file", type=Path, default=None)
    window = sub.add_parser("registration-window", help="ustaw czas otwarcia i zamknięcia rejestracji")
    window.add_argument("--opens", required=True, help="czas lokalny, np. 2026-12-01T09:00")
    window.add_argument("--closes", required=True, help="czas lokalny, np. 2027-02-28T23:59")
    sub.add_parser("organiser", help="utwórz konto organizatora (pyta o hasło dwa razy)")
    sub.add_parser("first-screen", help="zapisz treść stron publicznych na start aplikacji (make run to robi)")
    setup = sub.add_parser("setup", help="check + migrate + seed")
    setup.add_argument("--port", action="store_true", help="sprawdź też, czy port jest wolny")
    args = parser.parse_args(argv)

    try:
        settings = _settings()
        if args.command in ("check", "setup"):
            check_database(settings)
            if args.port:
                check_port_free(settings.port)
        if args.command in ("migrate", "setup"):
            migrate(settings)
            print("Baza danych jest aktualna (migracje zastosowane).")
        if args.command in ("seed", "setup"):
            print(seed(settings, getattr(args, "file", None)))
        if args.command == "registration-window":
            print(registration_window(settings, args.opens, args.closes))
        if args.command == "first-screen":
            print(first_screen(settings))
        if args.command == "organiser":
            print(create_organiser(settings))
        if args.command == "check":
            print("Konfiguracja i baza danych w porządku.")
    except CliError as exc:
        print(f"BŁĄD: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
