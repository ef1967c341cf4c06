"""Draft checkpoints: the draft of a page as a document, kept while someone edits, before a
publish and before a restore, for History's Preview, Compare and Restore.

Revision ID: 0009_draft_checkpoints
Revises: 0008_operation_log
Create Date: 2026-11-29

"""

import sqlalchemy as sa
from alembic import op

revision = "0009_draft_checkpoints"
down_revision = "0008_operation_log"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "checkpoints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["page_id"], ["pages.id"], name=op.f("fk_checkpoints_page_id_pages"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["users.id"],
            name=op.f("fk_checkpoints_person_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkpoints")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_checkpoints_page_id", "checkpoints", ["page_id", "id"], unique=False)


def downgrade():
    op.drop_index("ix_checkpoints_page_id", table_name="checkpoints")
    op.drop_table("checkpoints")
