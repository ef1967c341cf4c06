"""Pages get "Comments on/off": on for every page there is.

Revision ID: 0010_comments_switch
Revises: 0009_draft_checkpoints
Create Date: 2026-11-29

"""

import sqlalchemy as sa
from alembic import op

revision = "0010_comments_switch"
down_revision = "0009_draft_checkpoints"
branch_labels = None
depends_on = None


def upgrade():
    # A plain ADD COLUMN: on SQLite a batch rebuild of `pages` would drop its AUTOINCREMENT.
    op.add_column(
        "pages",
        sa.Column("comments_open", sa.Boolean(), nullable=False, server_default=sa.true()),
    )


def downgrade():
    with op.batch_alter_table("pages") as batch:
        batch.drop_column("comments_open")
