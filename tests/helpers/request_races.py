"""Two requests at once, made deterministic: the first is held just before a chosen
statement (or its "COMMIT") while the second runs on a connection of its own; the first goes
on once the second has finished, or is waiting for a lock the first holds."""

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import sqlalchemy as sa
from sqlalchemy import create_engine, event

from blog.extensions import db

# Long enough for any request here; a test that reaches it has found a hang.
PATIENCE_SECONDS = 30

LOCK_WAITERS = sa.text(
    "SELECT count(*) FROM pg_stat_activity"
    " WHERE datname = current_database() AND wait_event_type = 'Lock'"
)


def _waits_for_a_lock(probe: sa.Engine) -> bool:
    """True when some connection to the database waits for a row or table lock (PostgreSQL;
    SQLite's writers wait inside the driver, where nothing can see them)."""
    if probe.dialect.name != "postgresql":
        return False
    with probe.connect() as connection:
        return connection.scalar(LOCK_WAITERS) > 0


def second_meets_first(app, before: Callable[[str], bool], first: Callable, second: Callable):
    """Run `first()` until the app is about to run a statement for which `before(sql)`
    holds ("COMMIT" for a commit), then `second()` in another thread; return both results,
    first's first. On SQLite, hold the first before its writes only: a second writer would
    wait for its lock where this cannot see it."""
    with app.app_context():
        engine = db.engine
    probe = create_engine(engine.url)
    first_thread, reached, release = [], threading.Event(), threading.Event()

    def hold(statement: str) -> None:
        if threading.get_ident() in first_thread and not reached.is_set() and before(statement):
            reached.set()
            release.wait(PATIENCE_SECONDS)

    def hold_statement(_connection, _cursor, statement, *_) -> None:
        hold(statement)

    def hold_commit(_connection) -> None:
        hold("COMMIT")

    def run_first():
        first_thread.append(threading.get_ident())
        return first()

    event.listen(engine, "before_cursor_execute", hold_statement)
    event.listen(engine, "commit", hold_commit)
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            held = pool.submit(run_first)
            assert reached.wait(PATIENCE_SECONDS), "the first request never ran that statement"
            meeting = pool.submit(second)
            deadline = time.monotonic() + PATIENCE_SECONDS
            while not meeting.done() and not _waits_for_a_lock(probe):
                assert time.monotonic() < deadline, "the second request neither ended nor waited"
                time.sleep(0.02)
            release.set()
            return held.result(PATIENCE_SECONDS), meeting.result(PATIENCE_SECONDS)
    finally:
        release.set()
        event.remove(engine, "before_cursor_execute", hold_statement)
        event.remove(engine, "commit", hold_commit)
        probe.dispose()
