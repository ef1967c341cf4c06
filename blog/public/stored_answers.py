"""What the stored-answer layers share (blog/public/stored_pages.py, stored_list_answers.py):
one prepared query run on a pooled driver connection, and an answer with its validators and
a 304 when the client already holds it. This is the site's hot path: it stays this close to
the driver."""

from collections.abc import Callable
from datetime import datetime

from flask import Flask
from sqlalchemy import Select
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
        self.engine = self.compiled = self.sql = None  # prepared on the first request

    def first(self, **values) -> tuple | None:
        """The first row the query gives for these bound values, or None."""
        if self.engine is None:
            with self.app.app_context():
                self.engine = db.engine
            self.compiled = self.query.compile(dialect=self.engine.dialect)
            self.sql = str(self.compiled)
        parameters = self.compiled.construct_params(values)
        if self.compiled.positiontup:
            parameters = tuple(parameters[name] for name in self.compiled.positiontup)
        connection = self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(self.sql, parameters)
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
