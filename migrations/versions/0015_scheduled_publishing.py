"""Scheduled publishing: a page's "Publish at" time, one per page, deleted when it goes live.

Revision ID: 0015_scheduled_publishing
Revises: 0011_stored_lists
Create Date: 2026-11-29

"""

import sqlalchemy as sa
from alembic import op

revision = "0015_scheduled_publishing"
down_revision = "0014_page_kinds"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "publishing_schedules",
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("publish_at", sa.DateTime(), nullable=False),
        sa.Column("scheduled_by_id", sa.Integer(), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["page_id"],
            ["pages.id"],
            name=op.f("fk_publishing_schedules_page_id_pages"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["scheduled_by_id"],
            ["users.id"],
            name=op.f("fk_publishing_schedules_scheduled_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("page_id", name=op.f("pk_publishing_schedules")),
    )
    # Every process asks for the earliest time now and then (blog/schedule_check.py).
    with op.batch_alter_table("publishing_schedules", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_publishing_schedules_publish_at"), ["publish_at"], unique=False
        )


def downgrade():
    with op.batch_alter_table("publishing_schedules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_publishing_schedules_publish_at"))
    op.drop_table("publishing_schedules")
