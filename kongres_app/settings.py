"""Configuration read from the environment.

Pure parsing (no I/O besides reading the mapping) so it can be unit-tested and
imported by ``rxconfig.py``, the CLI and Alembic alike.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from limits import parse
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = PROJECT_ROOT / "data" / "kongres.db"
DEFAULT_FIRST_SCREEN_FILE = PROJECT_ROOT / "data" / "first_screen.json"
DEFAULT_PORT = 3000
SUPPORTED_DB_BACKENDS = ("sqlite", "postgresql")


class ConfigError(ValueError):
    """A setting from the environment is unusable; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    db_url: str
    port: int
    redis_url: str | None
    smtp_url: str | None
    timezone: str
    public_url: str
    mail_from: str
    worker_header: bool = False
    needs_retention_days: int = 30  # accessibility needs (health data) are erased this long after the congress
    privacy_every_s: int = 60  # how often the privacy job runs
    refresh_minutes: int = 15  # how often campaign figures are fetched from their sources
    allow_private_sources: bool = False  # progress sources on private/loopback addresses (tests only)
    # Registration flood guard ("5 per 10 minutes", the ``limits`` library's notation) and e-mail confirmation.
    registration_limit_address: str = "5 per 10 minutes"
    registration_limit_email: str = "3 per hour"
    confirm_hours: int = 48  # 0: registrations hold places at once (and are flagged for review)
    first_screen_file: Path = DEFAULT_FIRST_SCREEN_FILE  # the public pages' content in the first HTML

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path | None:
        """The database file for a file-backed SQLite URL, else None."""
        if not self.is_sqlite:
            return None
        database = make_url(self.db_url).database
        if not database or database == ":memory:":
            return None
        return Path(database)


def default_db_url() -> str:
    return f"sqlite:///{DEFAULT_DB_PATH}"


def parse_db_url(raw: str) -> str:
    """Validate a SQLAlchemy database URL and return it normalised."""
    try:
        url: URL = make_url(raw)
    except ArgumentError as exc:
        raise ConfigError(
            f"REFLEX_DB_URL nie jest poprawnym adresem bazy danych ({raw!r}). "
            "Oczekiwano np. sqlite:////pelna/sciezka/kongres.db albo "
            "postgresql+psycopg://uzytkownik:haslo@host/baza."
        ) from exc
    backend = url.get_backend_name()
    if backend not in SUPPORTED_DB_BACKENDS:
        raise ConfigError(
            f"REFLEX_DB_URL wskazuje nieobsługiwaną bazę {backend!r}; obsługiwane: {', '.join(SUPPORTED_DB_BACKENDS)}."
        )
    file_db = backend == "sqlite" and url.database not in (None, "", ":memory:")
    if file_db and not Path(str(url.database)).is_absolute():
        raise ConfigError(
            "REFLEX_DB_URL musi podać SQLite pełną ścieżkę (cztery ukośniki: "
            f"sqlite:////sciezka/kongres.db), a podano {raw!r}: ścieżka względna "
            "zależałaby od katalogu, z którego uruchomiono aplikację."
        )
    return raw


def parse_port(raw: str) -> int:
    try:
        port = int(raw)
    except ValueError as exc:
        raise ConfigError(f"PORT musi być liczbą, a podano {raw!r}.") from exc
    if not 1 <= port <= 65535:
        raise ConfigError(f"PORT musi być z zakresu 1–65535, a podano {port}.")
    return port


def _optional(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def parse_rate_limit(name: str, raw: str) -> str:
    """A rate limit in the ``limits`` notation ("5 per 10 minutes", "3/hour"), validated at start."""
    try:
        parse(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} musi mieć postać np. „5 per 10 minutes”, a podano {raw!r}.") from exc
    return raw


def parse_hours(name: str, raw: str) -> int:
    if not raw.isdigit() or int(raw) > 24 * 30:
        raise ConfigError(f"{name} musi być liczbą godzin od 0 do 720, a podano {raw!r}.")
    return int(raw)


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build the settings from ``env`` (defaults to ``os.environ``)."""
    env = os.environ if env is None else env
    redis_url = _optional(env, "REFLEX_REDIS_URL")
    if redis_url and not redis_url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError(f"REFLEX_REDIS_URL musi zaczynać się od redis://, a podano {redis_url!r}.")
    smtp_url = _optional(env, "KONGRES_SMTP_URL")
    if smtp_url and not smtp_url.startswith(("smtp://", "smtps://")):
        raise ConfigError(f"KONGRES_SMTP_URL musi zaczynać się od smtp:// lub smtps://, a podano {smtp_url!r}.")
    port = parse_port(_optional(env, "PORT") or str(DEFAULT_PORT))
    return Settings(
        db_url=parse_db_url(_optional(env, "REFLEX_DB_URL") or default_db_url()),
        port=port,
        redis_url=redis_url,
        smtp_url=smtp_url,
        timezone=_optional(env, "KONGRES_TIMEZONE") or "Europe/Warsaw",
        public_url=(_optional(env, "KONGRES_PUBLIC_URL") or f"http://localhost:{port}").rstrip("/"),
        mail_from=_optional(env, "KONGRES_MAIL_FROM") or "Kongres NGO <kongres@localhost>",
        worker_header=_flag(env, "KONGRES_WORKER_HEADER"),
        needs_retention_days=_days(env, "KONGRES_NEEDS_RETENTION_DAYS", 30),
        privacy_every_s=max(1, _days(env, "KONGRES_PRIVACY_EVERY_S", 60)),
        refresh_minutes=max(1, _days(env, "KONGRES_REFRESH_MINUTES", 15)),
        allow_private_sources=_flag(env, "KONGRES_ALLOW_PRIVATE_SOURCES"),
        registration_limit_address=parse_rate_limit(
            "KONGRES_REGISTRATION_LIMIT_ADDRESS",
            _optional(env, "KONGRES_REGISTRATION_LIMIT_ADDRESS") or "5 per 10 minutes",
        ),
        registration_limit_email=parse_rate_limit(
            "KONGRES_REGISTRATION_LIMIT_EMAIL", _optional(env, "KONGRES_REGISTRATION_LIMIT_EMAIL") or "3 per hour"
        ),
        confirm_hours=parse_hours("KONGRES_CONFIRM_HOURS", _optional(env, "KONGRES_CONFIRM_HOURS") or "48"),
        first_screen_file=Path(_optional(env, "KONGRES_FIRST_SCREEN_FILE") or DEFAULT_FIRST_SCREEN_FILE),
    )


def _flag(env: Mapping[str, str], name: str) -> bool:
    return (_optional(env, name) or "").lower() in ("1", "true", "tak", "yes")


def _days(env: Mapping[str, str], name: str, default: int) -> int:
    """A whole number setting (days, minutes or seconds) from 0 to 36500."""
    raw = _optional(env, name)
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) > 36500:
        raise ConfigError(f"{name} to liczba całkowita od 0 do 36500, a podano {raw!r}.")
    return int(raw)
