"""grant competitions: tasks of the same kind and their costs (art. 13 ust. 2 pkt 7), the BIP announcement

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 13:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('grant_competition', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('same_kind_tasks', sqlmodel.sql.sqltypes.AutoString(length=3000), nullable=False, server_default='')
        )
        batch_op.add_column(
            sa.Column('bip_url', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False, server_default='')
        )


def downgrade() -> None:
    with op.batch_alter_table('grant_competition', schema=None) as batch_op:
        batch_op.drop_column('bip_url')
        batch_op.drop_column('same_kind_tasks')
