"""The migrations and the tables agree: autogenerate against a migrated database finds nothing to do.

This fails when a table or column is added to ``kongres_app.models`` without a migration, and when a
module of the models package is no longer imported by ``kongres_app.models`` (its tables would vanish
from the metadata Alembic compares).
"""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import kongres_app.models  # noqa: F401  (registers every table, as alembic/env.py does)


def test_autogenerate_sees_no_change(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_every_table_is_on_the_metadata():
    assert {"edition", "registration", "delegate", "note", "campaign", "grant_competition", "audit_entry"} <= set(
        SQLModel.metadata.tables
    )
    assert len(SQLModel.metadata.tables) == 23
