"""The migrations build exactly the schema the models describe, on every backend."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from blog.extensions import db
from blog.search import is_search_object


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
