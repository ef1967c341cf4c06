"""Blocks keep their rendered preview for the builder's canvas, and what it was made from.

Revision ID: 0012_block_previews
Revises: 0011_stored_lists
Create Date: 2026-11-29

"""

import sqlalchemy as sa
from alembic import op

revision = "0012_block_previews"
down_revision = "0011_stored_lists"
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMNs: on SQLite a batch rebuild of `blocks` would drop its AUTOINCREMENT.
    # Empty at first: the editor renders a block's preview when it finds none, and keeps it.
    op.add_column("blocks", sa.Column("preview_html", sa.Text(), nullable=True))
    op.add_column("blocks", sa.Column("preview_key", sa.String(length=80), nullable=True))


def downgrade():
    with op.batch_alter_table("blocks") as batch:
        batch.drop_column("preview_key")
        batch.drop_column("preview_html")
