"""The database engine, created lazily from the settings (no I/O at import time)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from kongres_app.settings import load_settings

SQLITE_BUSY_TIMEOUT_S = 30


def make_engine(db_url: str) -> Engine:
    """An engine tuned for the backend: SQLite gets WAL, a busy timeout and explicit write locks."""
    if not db_url.startswith("sqlite"):
        return create_engine(db_url, pool_pre_ping=True)

    engine = create_engine(
        db_url,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # pragma: no cover - driver hook
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin,
        # so services can ask for BEGIN IMMEDIATE (a write lock) where they need one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # pragma: no cover - driver hook
        conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))

    return engine


class _Row(Protocol):
    @property
    def id(self) -> int | None: ...


def require_id(row: _Row) -> int:
    """The primary key of a row loaded from the database or flushed into it.

    Models declare ``id: int | None`` because a new row has no key until it is flushed;
    past that point the key is always there, and this says so to the type checker.
    """
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id yet: flush it first")
    return row.id


@functools.cache
def get_engine() -> Engine:
    return make_engine(load_settings().db_url)


def lock_for_writing(session: Session) -> None:
    """Start the session's transaction holding the write lock, before it reads anything.

    SQLite: BEGIN IMMEDIATE (one writer at a time, readers go on). Other databases
    rely on row locks taken by the service (SELECT ... FOR UPDATE).
    Must be the first thing the session does in its transaction.
    """
    if session.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL: the services lock rows (SELECT ... FOR UPDATE) instead
    transaction = session.get_transaction()
    if transaction is not None and session.info.get("write_locked") is transaction:
        return  # already holding it in this transaction
    session.connection(execution_options={"sqlite_begin": "BEGIN IMMEDIATE"})
    session.info["write_locked"] = session.get_transaction()


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    with Session(engine or get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
