"""Alembic environment: migrate the database of the Flask app that runs the command."""

import logging

from alembic import context
from flask import current_app

from blog.search import is_search_object

logger = logging.getLogger("alembic.env")
config = context.config
database = current_app.extensions["migrate"].db
config.set_main_option(
    "sqlalchemy.url", database.engine.url.render_as_string(hide_password=False).replace("%", "%%")
)


def include_object(item, name, type_, reflected, compare_to) -> bool:
    """Leave the full-text search objects (migration 0002, not in the models) out of
    autogenerate's comparison."""
    return not is_search_object(name)


def run_migrations_offline() -> None:
    """Emit SQL to stdout instead of running it (`flask db upgrade --sql`)."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=database.metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations on a live connection, in one transaction where the backend can."""

    def skip_empty_autogenerate(context, revision, directives):
        # `flask db migrate` with no model change should not write an empty file.
        if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
            directives[:] = []
            logger.info("No changes in the models; no migration written.")

    options = current_app.extensions["migrate"].configure_args
    options.setdefault("process_revision_directives", skip_empty_autogenerate)
    options.setdefault("include_object", include_object)
    with database.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _foreign_keys(connection, enforced=False)
        context.configure(connection=connection, target_metadata=database.metadata, **options)
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                _check_foreign_keys(connection)
        if sqlite:
            _foreign_keys(connection, enforced=True)


def _foreign_keys(connection, enforced: bool) -> None:
    """SQLite: turn foreign key enforcement on or off (outside a transaction, where SQLite
    ignores the pragma). Off while migrating, as SQLite's own procedure for changing a table
    asks: rebuilding a table drops the old one, which would otherwise cascade."""
    connection.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if enforced else 'OFF'}")
    now = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
    # End SQLAlchemy's own transaction, so that alembic begins (and commits) its own.
    connection.commit()
    if now != int(enforced):
        raise RuntimeError("SQLite did not change foreign key enforcement; nothing was migrated")


def _check_foreign_keys(connection) -> None:
    """Refuse to commit a migration that left a row pointing at nothing."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"the migration broke foreign keys: {broken[:10]}")


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
