"""Full-text search of published pages: an FTS5 table on SQLite, an expression index on
PostgreSQL. Neither is described by the models (see blog/search.py), so env.py and the
drift test leave them out of the comparison.

Revision ID: 0002_full_text_search
Revises: 0001_initial
Create Date: 2026-11-26

"""

from alembic import op

revision = "0002_full_text_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

# Must be the expression blog/search.py searches, for the index to be used.
POSTGRES_EXPRESSION = (
    "setweight(to_tsvector('english', title), 'A') || "
    "setweight(to_tsvector('english', search_text), 'D')"
)


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE revision_search USING fts5("
            "title, body, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
    else:
        op.execute(
            f"CREATE INDEX ix_revisions_search ON revisions USING gin (({POSTGRES_EXPRESSION}))"
        )


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE revision_search")
    else:
        op.execute("DROP INDEX ix_revisions_search")
