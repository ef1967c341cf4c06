"""Stored article pages for anonymous readers, served before Flask's request handling.

A published article is rendered once, when it is published (see blog/publishing.py). An
anonymous reader without a session needs nothing per request but that stored page and its
approved comments: one database row. This WSGI layer answers such requests with one query
on a pooled driver connection and the HTTP validators (blog/public/stored_answers.py), and
hands every other request to the Flask app unchanged.
"""

import re
from collections.abc import Callable, Iterable
from datetime import datetime

from flask import Flask
from sqlalchemy import bindparam, select

from blog.models import Page, Revision
from blog.public.stored_answers import DriverQuery, moment, stored_answer
from blog.publishing import COMMENTS_MARK
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
        self.query = DriverQuery(app, STORED_ARTICLE)

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
        found = self.query.first(slug=match.group(1))
        if found is None:  # Flask answers the 404 with its error page
            return self.next_app(environ, start_response)
        revision_id, rendered_at, reader_html, comments_html, comments_changed_at = found
        validators = article_validators(
            revision_id, [moment(rendered_at), moment(comments_changed_at)], "reader"
        )
        return stored_answer(
            environ,
            start_response,
            validators,
            "Cookie, HX-Request",
            "text/html; charset=utf-8",
            lambda: reader_html.replace(COMMENTS_MARK, comments_html, 1).encode(),
        )


def init_app(app: Flask) -> None:
    app.wsgi_app = StoredPages(app)
