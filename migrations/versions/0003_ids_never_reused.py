"""Ids are never reused on SQLite: every table with an id is rebuilt with AUTOINCREMENT.

Without it SQLite gives a new row the id of a just-deleted newest row, and a stale form that
names that id writes into someone else's new page or block. PostgreSQL's sequences never
reuse ids, so nothing changes there. The rebuild copies each table (alembic's batch mode);
env.py turns SQLite's foreign keys off around it, so that dropping an old table cascades
nothing, and checks every foreign key before committing.

Revision ID: 0003_ids_never_reused
Revises: 0002_full_text_search
Create Date: 2026-11-29

"""

from alembic import op

revision = "0003_ids_never_reused"
down_revision = "0002_full_text_search"
branch_labels = None
depends_on = None

TABLES_WITH_IDS = ("users", "tags", "media", "pages", "revisions", "rows", "blocks", "comments")


def _rebuild(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES_WITH_IDS:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass


def upgrade():
    _rebuild(autoincrement=True)


def downgrade():
    _rebuild(autoincrement=False)
