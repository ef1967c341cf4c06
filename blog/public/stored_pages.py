"""Stored article pages for anonymous readers, served before Flask's request handling.

A published article is rendered once, when it is published (see blog/publishing.py). An
anonymous reader without a session needs nothing per request but that stored page and its
approved comments: one database row. This WSGI layer answers such requests with one query
and the HTTP validators, and hands every other request to the Flask app unchanged.
"""

import re
from collections.abc import Callable, Iterable

from flask import Flask
from sqlalchemy import bindparam, select
from werkzeug.http import http_date, is_resource_modified
from werkzeug.wrappers import Response

from blog.extensions import db
from blog.models import Page, Revision
from blog.publishing import COMMENTS_MARK
from blog.security_headers import security_headers
from blog.slugs import RESERVED_SLUGS

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
    .where(Page.slug == bindparam("slug"), Page.status == "published")
)


def article_validators(revision_id: int, changed: list, viewer: str) -> tuple[str, object]:
    """The ETag (which revision, when it was rendered and its comments last changed, for
    whom) and the Last-Modified time of an article page."""
    last = max(moment for moment in changed if moment is not None)
    return f'"r{revision_id}-c{int(last.timestamp() * 1e6)}-{viewer}"', last


class StoredPages:
    """WSGI middleware: anonymous GET /<slug> answered from the stored page, or passed on."""

    def __init__(self, app: Flask):
        self.app = app
        self.next_app: Callable = app.wsgi_app
        self.session_cookie = app.config["SESSION_COOKIE_NAME"] + "="
        self.engine = None  # the app's engine, looked up on the first request

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        match = SLUG_PATH.fullmatch(environ.get("PATH_INFO", ""))
        if (
            match is None
            or match.group(1) in RESERVED_SLUGS
            or environ["REQUEST_METHOD"] not in ("GET", "HEAD")
            or self.session_cookie in environ.get("HTTP_COOKIE", "")
        ):
            return self.next_app(environ, start_response)
        if self.engine is None:
            with self.app.app_context():
                self.engine = db.engine
        # A plain connection, not the ORM session: this is the hot path of the whole site.
        with self.engine.connect() as connection:
            found = connection.execute(STORED_ARTICLE, {"slug": match.group(1)}).first()
        if found is None:  # Flask answers the 404 with its error page
            return self.next_app(environ, start_response)
        return self.respond(found, environ)(environ, start_response)

    def respond(self, found, environ: dict) -> Response:
        etag, last = article_validators(
            found.id, [found.rendered_at, found.comments_changed_at], "reader"
        )
        headers = [
            ("ETag", etag),
            ("Last-Modified", http_date(last)),
            ("Cache-Control", "public, no-cache"),
            ("Vary", "Cookie, HX-Request"),
            *security_headers(environ.get("wsgi.url_scheme") == "https"),
        ]
        if not is_resource_modified(environ, etag=etag.strip('"'), last_modified=last):
            return Response(status=304, headers=headers)
        body = found.reader_html.replace(COMMENTS_MARK, found.comments_html, 1)
        return Response(body, headers=headers, content_type="text/html; charset=utf-8")


def init_app(app: Flask) -> None:
    app.wsgi_app = StoredPages(app)
