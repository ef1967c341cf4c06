"""Stored lists: the front page, tag pages, feed, sitemap and robots.txt rendered once when
what is published changes, for anonymous readers and feed readers.

Revision ID: 0011_stored_lists
Revises: 0010_comments_switch
Create Date: 2026-11-29

"""

import sqlalchemy as sa
from alembic import op

revision = "0011_stored_lists"
down_revision = "0010_comments_switch"
branch_labels = None
depends_on = None


def upgrade():
    # Empty until the next publish or `flask pages rerender`; meanwhile Flask renders lists.
    op.create_table(
        "stored_lists",
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("etag", sa.String(length=80), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("address", name=op.f("pk_stored_lists")),
    )


def downgrade():
    op.drop_table("stored_lists")
