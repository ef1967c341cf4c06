"""Stored article pages for anonymous readers, served before Flask's request handling.

A published article is rendered once, when it is published (see blog/publishing.py). An
anonymous reader without a session needs nothing per request but that stored page and its
approved comments: one database row. This WSGI layer answers such requests with one query
on a pooled driver connection and the HTTP validators, and hands every other request to the
Flask app unchanged. It is the site's hot path, so it stays this close to the driver.
"""

import re
from collections.abc import Callable, Iterable
from datetime import datetime

from flask import Flask
from sqlalchemy import bindparam, select
from werkzeug.http import http_date, is_resource_modified

from blog.extensions import db
from blog.models import Page, Revision
from blog.publishing import COMMENTS_MARK
from blog.security_headers import security_headers
from blog.slugs import RESERVED_SLUGS

# The address a reader is sent to after posting a comment: Flask shows the thanks.
THANKS_QUERY = "comment="
SLUG_PATH = re.compile(r"/([a-z0-9]+(?:-[a-z0-9]+)*)")

STORED_ARTICLE = (
    select(
        Revision.id,
        Revision.rendered_at,
        Revision.reader_html,
        Page.comments_html,
        Page.comments_changed_at,
    )
    .join(Page, Page.published_revision_id == Revision.id)
    .where(
        Page.published_slug == bindparam("slug"),
        Page.status == "published",
        Page.deleted_at.is_(None),
    )
)


def _moment(value: datetime | str | None) -> datetime | None:
    """A timestamp as the driver gives it (SQLite: text) as a datetime."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def article_validators(revision_id: int, changed: list, viewer: str) -> tuple[str, datetime]:
    """The ETag (which revision, when it was rendered and its comments last changed, for
    whom) and the Last-Modified time of an article page."""
    last = max(moment for moment in changed if moment is not None)
    return f'"r{revision_id}-c{int(last.timestamp() * 1e6)}-{viewer}"', last


class StoredPages:
    """WSGI middleware: anonymous GET /<slug> answered from the stored page, or passed on
    (and so is every miss: Flask redirects a former address or answers 404)."""

    def __init__(self, app: Flask):
        self.app = app
        self.next_app: Callable = app.wsgi_app
        self.session_cookie = app.config["SESSION_COOKIE_NAME"] + "="
        self.engine = self.compiled = self.sql = None  # prepared on the first request

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        match = SLUG_PATH.fullmatch(environ.get("PATH_INFO", ""))
        if (
            match is None
            or match.group(1) in RESERVED_SLUGS
            or environ["REQUEST_METHOD"] not in ("GET", "HEAD")
            or self.session_cookie in environ.get("HTTP_COOKIE", "")
            or THANKS_QUERY in environ.get("QUERY_STRING", "")
        ):
            return self.next_app(environ, start_response)
        found = self.stored_article(match.group(1))
        if found is None:  # Flask answers the 404 with its error page
            return self.next_app(environ, start_response)
        return self.respond(found, environ, start_response)

    def stored_article(self, slug: str) -> tuple | None:
        """(revision id, rendered at, stored page, comments HTML, comments changed at)."""
        if self.engine is None:
            with self.app.app_context():
                self.engine = db.engine
            self.compiled = STORED_ARTICLE.compile(dialect=self.engine.dialect)
            self.sql = str(self.compiled)
        parameters = self.compiled.construct_params({"slug": slug})
        if self.compiled.positiontup:
            parameters = tuple(parameters[name] for name in self.compiled.positiontup)
        connection = self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(self.sql, parameters)
            return cursor.fetchone()
        finally:
            connection.close()  # back to the pool, rolled back

    def respond(self, found: tuple, environ: dict, start_response: Callable) -> list[bytes]:
        revision_id, rendered_at, reader_html, comments_html, comments_changed_at = found
        etag, last = article_validators(
            revision_id, [_moment(rendered_at), _moment(comments_changed_at)], "reader"
        )
        headers = [
            ("ETag", etag),
            ("Last-Modified", http_date(last)),
            ("Cache-Control", "public, no-cache"),
            ("Vary", "Cookie, HX-Request"),
            *security_headers(environ.get("wsgi.url_scheme") == "https"),
        ]
        conditional = "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ
        if conditional and not is_resource_modified(
            environ, etag=etag.strip('"'), last_modified=last
        ):
            start_response("304 Not Modified", headers)
            return []
        body = reader_html.replace(COMMENTS_MARK, comments_html, 1).encode()
        headers += [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(body))),
        ]
        start_response("200 OK", headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]


def init_app(app: Flask) -> None:
    app.wsgi_app = StoredPages(app)
