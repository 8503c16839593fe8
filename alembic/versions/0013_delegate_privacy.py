"""delegates: own image consent, explicit consent to accessibility needs, art. 14 information sent

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 13:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('delegate', schema=None) as batch_op:
        batch_op.add_column(sa.Column('needs_consent_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('image_consent', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('image_consent_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('informed_at', sa.DateTime(), nullable=True))
    # Needs stored before the explicit consent existed were given by the contact person as a request to
    # arrange them; keep them (the organisers may already be arranging them) and date the consent at the
    # registration. The contact person's photo consent for others is not carried over: each person decides.
    op.execute(
        sa.text(
            "UPDATE delegate SET needs_consent_at = created_at WHERE accessibility_needs <> ''"
        )
    )


def downgrade() -> None:
    with op.batch_alter_table('delegate', schema=None) as batch_op:
        batch_op.drop_column('informed_at')
        batch_op.drop_column('image_consent_at')
        batch_op.drop_column('image_consent')
        batch_op.drop_column('needs_consent_at')
