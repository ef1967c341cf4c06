"""What the stored-answer layers share (blog/public/stored_pages.py, stored_list_answers.py):
one prepared query run on a pooled driver connection, and an answer with its validators and
a 304 when the client already holds it. This is the site's hot path: it stays this close to
the driver."""

from collections.abc import Callable
from datetime import datetime

from flask import Flask
from sqlalchemy import Engine, Select
from sqlalchemy.engine import Compiled
from werkzeug.http import http_date, is_resource_modified

from blog.extensions import db
from blog.security_headers import security_headers


def moment(value: datetime | str | None) -> datetime | None:
    """A timestamp as the driver gives it (SQLite: text) as a datetime."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


class DriverQuery:
    """A select compiled once for the app's database and run straight on the driver."""

    def __init__(self, app: Flask, query: Select):
        self.app, self.query = app, query
        # (engine, compiled query, its SQL), made by the first request. Several threads may
        # make it at once; each sets it whole, so none sees it half made.
        self.prepared: tuple[Engine, Compiled, str] | None = None

    def _prepare(self) -> tuple[Engine, Compiled, str]:
        with self.app.app_context():
            engine = db.engine
        compiled = self.query.compile(dialect=engine.dialect)
        self.prepared = (engine, compiled, str(compiled))
        return self.prepared

    def first(self, **values) -> tuple | None:
        """The first row the query gives for these bound values, or None."""
        engine, compiled, sql = self.prepared or self._prepare()
        parameters = compiled.construct_params(values)
        if compiled.positiontup:
            parameters = tuple(parameters[name] for name in compiled.positiontup)
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(sql, parameters)
            return cursor.fetchone()
        finally:
            connection.close()  # back to the pool, rolled back


def stored_answer(
    environ: dict,
    start_response: Callable,
    validators: tuple[str, datetime],
    vary: str | None,
    content_type: str,
    body: Callable[[], bytes],
) -> list[bytes]:
    """Answer with a stored body (made by `body` only when it is sent): ETag, Last-Modified,
    revalidated by every cache, and 304 to a client that holds it."""
    etag, last = validators
    headers = [
        ("ETag", etag),
        ("Last-Modified", http_date(last)),
        ("Cache-Control", "public, no-cache"),
        *([("Vary", vary)] if vary else []),
        *security_headers(environ.get("wsgi.url_scheme") == "https"),
    ]
    if _client_holds(environ, etag, last):
        start_response("304 Not Modified", headers)
        return []
    content = body()
    headers += [("Content-Type", content_type), ("Content-Length", str(len(content)))]
    start_response("200 OK", headers)
    return [] if environ["REQUEST_METHOD"] == "HEAD" else [content]


def _client_holds(environ: dict, etag: str, last: datetime) -> bool:
    """Whether the client's copy is current. A client usually sends back the ETag it was
    given, alone: that is compared as it is, before parsing headers in general."""
    held = environ.get("HTTP_IF_NONE_MATCH")
    if held == etag:
        return True
    if held is None and "HTTP_IF_MODIFIED_SINCE" not in environ:
        return False
    return not is_resource_modified(environ, etag=etag.strip('"'), last_modified=last)
