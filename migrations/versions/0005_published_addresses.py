"""A published page's address moves only when it is published, its former addresses lead to
it, and deleted pages wait in a Trash.

- pages.published_slug: the address readers use, the slug the page had when last published
  (pages.slug becomes the draft's slug). Filled from the slug of every page that has been
  published, which is where readers find it today.
- former_addresses: old slugs of a page, each redirecting to its address. Filled with the
  slug a page was last published under where its slug was changed since (until now that
  moved the live page at once): the stored page's comment form still posts there, and links
  to it lead to the page again.
- pages.deleted_at: set while the page is in the Trash.

On SQLite the unique constraint rebuilds the pages table (batch mode, keeping AUTOINCREMENT
from migration 0003; env.py turns foreign keys off around the rebuild).

Revision ID: 0005_published_addresses
Revises: 0004_page_details_version
Create Date: 2026-11-29

"""

import json
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0005_published_addresses"
down_revision = "0004_page_details_version"
branch_labels = None
depends_on = None

# Keep what migration 0003 gave the table when batch mode rebuilds it on SQLite.
PAGES_TABLE = {"sqlite_autoincrement": True}


def upgrade():
    op.create_table(
        "former_addresses",
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("moved_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["page_id"],
            ["pages.id"],
            name=op.f("fk_former_addresses_page_id_pages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_former_addresses")),
    )
    with op.batch_alter_table("former_addresses") as batch:
        batch.create_index(batch.f("ix_former_addresses_page_id"), ["page_id"], unique=False)

    with op.batch_alter_table("pages", table_kwargs=PAGES_TABLE) as batch:
        batch.add_column(sa.Column("published_slug", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("deleted_at", sa.DateTime(), nullable=True))
        batch.create_unique_constraint(batch.f("uq_pages_published_slug"), ["published_slug"])
    op.execute("UPDATE pages SET published_slug = slug WHERE published_revision_id IS NOT NULL")
    _keep_slugs_published_under()


def _keep_slugs_published_under() -> None:
    """A former address for each page whose slug changed since it was last published, when
    no page's slug is that one now."""
    connection = op.get_bind()
    published = connection.execute(
        sa.text(
            "SELECT pages.id, pages.slug, revisions.content FROM pages"
            " JOIN revisions ON revisions.id = pages.published_revision_id"
        )
    ).all()
    held = set(connection.execute(sa.text("SELECT slug FROM pages")).scalars())
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    former = []
    for page_id, slug, content in published:
        document = json.loads(content) if isinstance(content, str) else content
        old = document.get("slug") if isinstance(document, dict) else None
        if isinstance(old, str) and old and old != slug and old not in held:
            held.add(old)
            former.append({"slug": old, "page_id": page_id, "moved_at": now})
    if former:
        table = sa.table(
            "former_addresses",
            sa.column("slug", sa.String),
            sa.column("page_id", sa.Integer),
            sa.column("moved_at", sa.DateTime),
        )
        op.bulk_insert(table, former)


def downgrade():
    # Readers found a page at its draft's slug before this migration: give each published
    # page its address back as its slug, unless another page's draft holds it meanwhile.
    op.execute(
        "UPDATE pages SET slug = published_slug WHERE published_slug IS NOT NULL"
        " AND published_slug <> slug AND status = 'published'"
        " AND NOT EXISTS (SELECT 1 FROM pages AS other WHERE other.slug = pages.published_slug)"
    )
    with op.batch_alter_table("pages", table_kwargs=PAGES_TABLE) as batch:
        batch.drop_constraint(batch.f("uq_pages_published_slug"), type_="unique")
        batch.drop_column("deleted_at")
        batch.drop_column("published_slug")
    with op.batch_alter_table("former_addresses") as batch:
        batch.drop_index(batch.f("ix_former_addresses_page_id"))
    op.drop_table("former_addresses")
