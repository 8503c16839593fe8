"""registrations await e-mail confirmation or organisers' review; KRS conflicts

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 13:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.add_column(sa.Column("confirm_by", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("email_confirmed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("needs_review", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("reviewed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.create_index(batch_op.f("ix_registration_confirm_by"), ["confirm_by"], unique=False)
    op.create_table(
        "krs_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("edition_id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("krs", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("org_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("contact_name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("resolved_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("resolution", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.ForeignKeyConstraint(["edition_id"], ["edition.id"]),
        sa.ForeignKeyConstraint(["registration_id"], ["registration.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("krs_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_krs_conflict_edition_id"), ["edition_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_krs_conflict_registration_id"), ["registration_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("krs_conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_krs_conflict_registration_id"))
        batch_op.drop_index(batch_op.f("ix_krs_conflict_edition_id"))
    op.drop_table("krs_conflict")
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registration_confirm_by"))
        batch_op.drop_column("reviewed_at")
        batch_op.drop_column("needs_review")
        batch_op.drop_column("email_confirmed_at")
        batch_op.drop_column("confirm_by")
