"""Site settings: title, description, language, navigation links, footer text and a default
social image, edited by admins in the browser (no row until the first save: until then the
site shows BLOG_TITLE).

Revision ID: 0013_site_settings
Revises: 0011_stored_lists
Create Date: 2026-11-29

"""

import sqlalchemy as sa
from alembic import op

revision = "0013_site_settings"
down_revision = "0012_block_previews"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "site_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("navigation", sa.JSON(), nullable=False),
        sa.Column("footer", sa.String(length=500), nullable=False),
        sa.Column("social_image_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("saved_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["social_image_id"],
            ["media.id"],
            name=op.f("fk_site_settings_social_image_id_media"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["saved_by_id"],
            ["users.id"],
            name=op.f("fk_site_settings_saved_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_settings")),
    )


def downgrade():
    op.drop_table("site_settings")
