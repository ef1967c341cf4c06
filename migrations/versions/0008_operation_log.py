"""An operation log per page: each change to a page's content, with what it touched before
and after, so that the person who made it can undo and redo it after a reload.

Revision ID: 0008_operation_log
Revises: 0007_media_visibility
Create Date: 2026-11-29

"""

import sqlalchemy as sa
from alembic import op

revision = "0008_operation_log"
down_revision = "0007_media_visibility"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "operations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("undone", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["page_id"], ["pages.id"], name=op.f("fk_operations_page_id_pages"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["users.id"],
            name=op.f("fk_operations_person_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operations")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_operations_page_person", "operations", ["page_id", "person_id", "id"], unique=False
    )


def downgrade():
    op.drop_index("ix_operations_page_person", table_name="operations")
    op.drop_table("operations")
