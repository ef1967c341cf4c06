"""Media carries whether it is public: pictures that no published revision has shown are
served only to people working on drafts. Every picture a revision already names is public.

Revision ID: 0007_media_visibility
Revises: 0006_login_sessions
Create Date: 2026-11-29

"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0007_media_visibility"
down_revision = "0006_login_sessions"
branch_labels = None
depends_on = None


def _pictures(content) -> set[str]:
    """The SHA-256 names the image blocks of a revision's content hold."""
    if isinstance(content, str):
        content = json.loads(content)
    names = set()
    for row in content.get("rows", []):
        for column in row.get("columns", []):
            for block in column:
                name = block.get("data", {}).get("media")
                if block.get("type") == "image" and isinstance(name, str) and name:
                    names.add(name)
    return names


def upgrade():
    # A plain ADD COLUMN: batch mode would rebuild the table on SQLite without AUTOINCREMENT.
    op.add_column(
        "media", sa.Column("public", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    connection = op.get_bind()
    revisions = sa.table("revisions", sa.column("content", sa.JSON))
    media = sa.table("media", sa.column("sha256", sa.String), sa.column("public", sa.Boolean))
    shown = set()
    for (content,) in connection.execute(sa.select(revisions.c.content)):
        shown |= _pictures(content)
    for name in sorted(shown):
        connection.execute(media.update().where(media.c.sha256 == name).values(public=True))


def downgrade():
    with op.batch_alter_table("media") as batch:
        batch.drop_column("public")
