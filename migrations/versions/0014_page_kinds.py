"""Pages get a kind (post or page), a featured image, an SEO title and description and a
noindex switch, in the draft and in each revision; every page there is stays a post.

Revision ID: 0014_page_kinds
Revises: 0011_stored_lists
Create Date: 2026-11-29

"""

import sqlalchemy as sa
from alembic import op

revision = "0014_page_kinds"
down_revision = "0013_site_settings"
branch_labels = None
depends_on = None

SHARED = ("kind", "featured_image", "seo_title", "seo_description", "noindex")


def _columns(featured_image: sa.Column) -> list[sa.Column]:
    return [
        sa.Column("kind", sa.String(16), nullable=False, server_default="post"),
        featured_image,
        sa.Column("seo_title", sa.String(200), nullable=False, server_default=""),
        sa.Column("seo_description", sa.Text(), nullable=False, server_default=""),
        sa.Column("noindex", sa.Boolean(), nullable=False, server_default=sa.false()),
    ]


def upgrade():
    # Plain ADD COLUMNs: on SQLite a batch rebuild of `pages` would drop its AUTOINCREMENT.
    for column in _columns(sa.Column("featured_image", sa.String(64), nullable=True)):
        op.add_column("pages", column)
    op.add_column(
        "pages",
        sa.Column("featured_image_alt", sa.String(300), nullable=False, server_default=""),
    )
    for column in _columns(sa.Column("featured_image", sa.JSON(), nullable=True)):
        op.add_column("revisions", column)


def downgrade():
    with op.batch_alter_table("revisions") as batch:
        for name in SHARED:
            batch.drop_column(name)
    with op.batch_alter_table("pages") as batch:
        for name in (*SHARED, "featured_image_alt"):
            batch.drop_column(name)
