"""Pages carry a version of their details (title, slug, summary, tags), so that a save from a
stale details form is refused instead of undoing someone else's change.

Revision ID: 0004_page_details_version
Revises: 0003_ids_never_reused
Create Date: 2026-11-29

"""

import sqlalchemy as sa
from alembic import op

revision = "0004_page_details_version"
down_revision = "0003_ids_never_reused"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("pages") as batch:
        batch.add_column(
            sa.Column("details_version", sa.Integer(), nullable=False, server_default="1")
        )


def downgrade():
    with op.batch_alter_table("pages") as batch:
        batch.drop_column("details_version")
