"""Counting the SQL statements that reach the database driver, whichever way they are sent:
through SQLAlchemy or straight on a pooled driver connection (the stored-pages fast path)."""

import sqlite3
from contextlib import contextmanager

from sqlalchemy import event


def _is_sqlite(connection) -> bool:
    return isinstance(connection, sqlite3.Connection)


@contextmanager
def statements_sent(engine):
    """Yield a list that collects every statement executed while the block runs."""
    sent: list[str] = []
    counting = []

    def start(dbapi_connection, _record, _proxy):
        if _is_sqlite(dbapi_connection):
            # SQLite reports each statement its engine runs.
            dbapi_connection.set_trace_callback(sent.append)
        else:
            # psycopg makes every cursor through this factory: count what they execute.
            plain = dbapi_connection.cursor_factory

            class CountingCursor(plain):
                def execute(self, query, *args, **kwargs):
                    sent.append(str(query))
                    return super().execute(query, *args, **kwargs)

            dbapi_connection.cursor_factory = CountingCursor
            counting.append((dbapi_connection, plain))

    def stop(dbapi_connection, _record):
        if _is_sqlite(dbapi_connection):
            dbapi_connection.set_trace_callback(None)

    event.listen(engine.pool, "checkout", start)
    event.listen(engine.pool, "checkin", stop)
    try:
        yield sent
    finally:
        event.remove(engine.pool, "checkout", start)
        event.remove(engine.pool, "checkin", stop)
        for dbapi_connection, plain in counting:
            dbapi_connection.cursor_factory = plain
