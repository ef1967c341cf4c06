"""Noticing due schedules without cron: every process asks, on an incoming request (readers'
too, so a quiet site with readers publishes on time) and at most once every
SCHEDULE_CHECK_SECONDS, for the earliest "Publish at" time; when it has come, that request
publishes the due pages (blog/schedule.py) before it is answered.

The question runs on a connection of its own, outside the request's pool: it is one cheap
indexed query now and then, and it leaves the statements a request sends exactly what the
request itself needs.
"""

import logging
import threading
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from flask import Flask
from sqlalchemy import Engine, create_engine, func, select
from sqlalchemy.pool import NullPool

from blog.models import PublishingSchedule
from blog.schedule import clock, publish_due

log = logging.getLogger(__name__)
EARLIEST = select(func.min(PublishingSchedule.publish_at))


class DueSchedules:
    """WSGI middleware: before a request, now and then, publish the pages whose time has
    come. One thread per process checks at a time; the others go on at once."""

    def __init__(self, app: Flask):
        self.app = app
        self.next_app: Callable = app.wsgi_app
        self.checking = threading.Lock()
        self.last_check: datetime | None = None
        self.engine: Engine | None = None

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        self.check()
        return self.next_app(environ, start_response)

    def check(self) -> None:
        """Publish due pages, unless this process checked less than the interval ago."""
        now = clock(self.app)()
        every = timedelta(seconds=self.app.config.get("SCHEDULE_CHECK_SECONDS", 30))
        recent = self.last_check is not None and self.last_check <= now < self.last_check + every
        if recent or not self.checking.acquire(blocking=False):
            return
        try:
            self.last_check = now
            earliest = self._earliest_due_time()
            if earliest is not None and earliest <= now:
                with self.app.app_context():
                    publish_due(now)
        except Exception:
            # A reader's request is answered whatever happens here; the next check retries.
            log.exception("Checking for scheduled pages failed")
        finally:
            self.checking.release()

    def _earliest_due_time(self) -> datetime | None:
        if self.engine is None:
            self.engine = create_engine(
                self.app.config["SQLALCHEMY_DATABASE_URI"], poolclass=NullPool
            )
        with self.engine.connect() as connection:
            return connection.scalar(EARLIEST)


def init_app(app: Flask) -> None:
    """Wrap the app (outside the stored pages and lists, which answer readers early)."""
    app.wsgi_app = DueSchedules(app)
