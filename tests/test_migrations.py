"""The migrations build exactly the schema the models describe, on every backend."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

from blog import create_app
from blog.extensions import db
from blog.models import Block, Page, User
from blog.search import is_search_object

TABLES_WITH_IDS = (
    "users",
    "tags",
    "media",
    "pages",
    "revisions",
    "rows",
    "blocks",
    "comments",
    "login_sessions",
    "operations",
    "checkpoints",
)


def _described_by_models(item, name, type_, reflected, compare_to) -> bool:
    return not is_search_object(name)


def test_migrated_schema_matches_the_models(app):
    # The database fixture is built by `flask db upgrade`; compare it with the models.
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": _described_by_models}
        )
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_migrated_schema_has_every_table(app):
    with app.app_context():
        tables = set(db.inspect(db.engine).get_table_names())
    assert set(db.metadata.tables) <= tables


def test_the_id_of_a_deleted_newest_page_is_never_given_again(app):
    with app.app_context():
        author = User(email="a@example.com", name="A", role="author")
        first = Page(title="First", slug="first", author=author)
        db.session.add(first)
        db.session.commit()
        deleted_id = first.id
        db.session.delete(first)
        db.session.commit()
        second = Page(title="Second", slug="second", author=author)
        db.session.add(second)
        db.session.commit()
        assert second.id != deleted_id


def test_rebuilding_sqlite_tables_for_autoincrement_keeps_every_row(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade(revision="0002_full_text_search")
        with db.engine.begin() as connection:
            for statement in OLD_SITE:
                connection.exec_driver_sql(statement)
        before = _row_counts()
        upgrade()
        assert _row_counts() == before
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            tables = dict(connection.exec_driver_sql("SELECT name, sql FROM sqlite_master").all())
        assert all("AUTOINCREMENT" in tables[name] for name in TABLES_WITH_IDS)
        # The block still belongs to its row, its page and its author.
        block = db.session.get(Block, 1)
        assert (block.row.page.slug, block.row.page.author.email) == ("kept", "old@example.com")
        db.engine.dispose()


# A site as migration 0002 left it: a page with a row, a block and a revision.
OLD_SITE = (
    "INSERT INTO users (id, email, name, password_hash, role, active, created_at, updated_at)"
    " VALUES (1, 'old@example.com', 'Old', '', 'editor', 1, '2026-01-01', '2026-01-01')",
    "INSERT INTO pages (id, title, slug, summary, author_id, status, created_at, updated_at,"
    " comments_html) VALUES (1, 'Kept', 'kept', '', 1, 'draft', '2026-01-01', '2026-01-01', '')",
    "INSERT INTO rows (id, page_id, position, layout) VALUES (1, 1, 0, '1')",
    'INSERT INTO blocks (id, row_id, "column", position, type, data, version, updated_at)'
    """ VALUES (1, 1, 0, 0, 'heading', '{"text": "Hi", "level": 2}', 1, '2026-01-01')""",
)


def _row_counts() -> dict[str, int]:
    """Rows in each table that migration 0002 had."""
    return {
        name: db.session.scalar(db.text(f"SELECT count(*) FROM {name}"))
        for name in TABLES_WITH_IDS
        if name not in ("login_sessions", "operations", "checkpoints")
    }


def test_pictures_that_revisions_already_show_become_public(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
    shown, unshown = "a" * 64, "b" * 64
    content = (
        '{"rows": [{"layout": "1", "columns": [[{"type": "image", "data": {"media": "%s"}}]]}]}'
    )
    with app.app_context():
        upgrade(revision="0006_login_sessions")
        with db.engine.begin() as connection:
            for statement in OLD_SITE[:2]:
                connection.exec_driver_sql(statement)
            for name in (shown, unshown):
                connection.exec_driver_sql(
                    "INSERT INTO media (sha256, content_type, width, height, size, alt,"
                    f" created_at) VALUES ('{name}', 'image/png', 1, 1, 1, '', '2026-01-01')"
                )
            connection.exec_driver_sql(
                "INSERT INTO revisions (page_id, number, created_at, content, title, summary,"
                " html, reader_html, search_text, reading_minutes, rendered_at)"
                f" VALUES (1, 1, '2026-01-01', '{content % shown}', 'Kept', '', '', '', '', 1,"
                " '2026-01-01')"
            )
        upgrade()
        public = dict(db.session.execute(db.text("SELECT sha256, public FROM media")).all())
        assert public == {shown: True, unshown: False}
        db.engine.dispose()


def test_a_page_moved_before_addresses_were_kept_is_found_at_its_published_slug(tmp_path):
    # Before migration 0005 a slug change moved a published page at once, and its stored
    # page kept posting comments to the slug it was published under.
    url = f"sqlite:///{tmp_path / 'moved.sqlite3'}"
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade(revision="0004_page_details_version")
        with db.engine.begin() as connection:
            for statement in MOVED_PAGE:
                connection.exec_driver_sql(statement)
        upgrade()
        db.engine.dispose()
    reader = app.test_client()

    assert reader.get("/leek-stew").status_code == 200
    assert reader.get("/leek-soup").headers["Location"] == "/leek-stew"
    posted = reader.post("/leek-soup/comments", data={"name": "Ada", "comment": "Lovely."})
    assert posted.status_code == 303


# A page published as "leek-soup", whose slug was then changed to "leek-stew".
MOVED_PAGE = (
    *OLD_SITE[:1],
    "INSERT INTO pages (id, title, slug, summary, author_id, status, created_at, updated_at,"
    " comments_html) VALUES (1, 'Soup', 'leek-stew', '', 1, 'published', '2026-01-01',"
    " '2026-01-01', '')",
    "INSERT INTO revisions (id, page_id, number, created_at, content, title, summary, html,"
    " reader_html, search_text, reading_minutes, rendered_at) VALUES (1, 1, 1, '2026-01-01',"
    """ '{"slug": "leek-soup", "title": "Soup", "rows": []}', 'Soup', '', '<p>Soup</p>',"""
    " '<p>Soup</p>', 'Soup', 1, '2026-01-01')",
    "UPDATE pages SET published_revision_id = 1, published_at = '2026-01-01' WHERE id = 1",
)
