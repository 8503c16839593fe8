"""grant competitions: optional amounts may be unknown; legal basis of a short deadline

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 07:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AMOUNTS = ('granted_this_year_pln', 'granted_last_year_pln')


def upgrade() -> None:
    with op.batch_alter_table('grant_competition', schema=None) as batch_op:
        for name in AMOUNTS:
            batch_op.alter_column(name, existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(
            sa.Column(
                'short_notice_reason',
                sqlmodel.sql.sqltypes.AutoString(length=1000),
                nullable=False,
                server_default='',
            )
        )
    # Until now an empty field was stored as 0, so a stored 0 may mean "not given": show it as
    # "brak danych" rather than claim that nothing was granted. New entries keep 0 and empty apart.
    for name in AMOUNTS:
        op.execute(sa.text(f'UPDATE grant_competition SET {name} = NULL WHERE {name} = 0'))


def downgrade() -> None:
    for name in AMOUNTS:
        op.execute(sa.text(f'UPDATE grant_competition SET {name} = 0 WHERE {name} IS NULL'))
    with op.batch_alter_table('grant_competition', schema=None) as batch_op:
        batch_op.drop_column('short_notice_reason')
        for name in AMOUNTS:
            batch_op.alter_column(name, existing_type=sa.Integer(), nullable=False)
