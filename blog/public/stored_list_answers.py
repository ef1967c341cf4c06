"""Stored lists for anonymous readers, feed readers and crawlers, served before Flask: the
front page and its pages, tag pages, the feed, the sitemap and robots.txt, each one database
row (blog/public/stored_lists.py keeps them current). A request they cannot answer (someone
logged in, another query string, an address not stored) goes on to Flask unchanged."""

import re
from collections.abc import Callable, Iterable

from flask import Flask
from sqlalchemy import bindparam, case, select

from blog.models import StoredList
from blog.public.stored_answers import DriverQuery, moment, stored_answer

# The body is read only when the client does not already hold this very ETag (its usual
# If-None-Match): a feed reader's poll then costs less than the feed.
STORED_LIST = select(
    StoredList.content_type,
    case((StoredList.etag == bindparam("held"), None), else_=StoredList.body),
    StoredList.etag,
    StoredList.changed_at,
).where(StoredList.address == bindparam("address"))
# The front page and tag pages (tag slugs are transliterated: ASCII only); anything else,
# a hostile address too, goes on to Flask.
LIST_PATH = re.compile(r"/|/tags/[a-z0-9]+(?:-[a-z0-9]+)*")
# The lists' own query string: a page number past the first.
PAGE_NUMBER = re.compile(r"page=[1-9][0-9]{0,6}")
# Answers that are the same whoever asks (the HTML lists name who is logged in).
FOR_EVERYONE = {"/feed.xml", "/sitemap.xml", "/robots.txt"}


class StoredLists:
    """WSGI middleware: GET of a stored list's address answered from its stored row."""

    def __init__(self, app: Flask):
        self.next_app: Callable = app.wsgi_app
        self.session_cookie = app.config["SESSION_COOKIE_NAME"] + "="
        self.query = DriverQuery(app, STORED_LIST)

    def address(self, environ: dict) -> str | None:
        """The stored list's address this request asks for, if it may be answered so."""
        path, query = environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")
        if environ["REQUEST_METHOD"] not in ("GET", "HEAD"):
            return None
        if path in FOR_EVERYONE:
            return path if not query else None
        if not LIST_PATH.fullmatch(path):
            return None
        if self.session_cookie in environ.get("HTTP_COOKIE", ""):
            return None
        if not query:
            return path
        return f"{path}?{query}" if PAGE_NUMBER.fullmatch(query) else None

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        address = self.address(environ)
        if address is None:
            return self.next_app(environ, start_response)
        found = self.query.first(address=address, held=environ.get("HTTP_IF_NONE_MATCH", ""))
        if found is None:
            return self.next_app(environ, start_response)
        content_type, body, etag, changed_at = found
        vary = None if address in FOR_EVERYONE else "Cookie"
        # No body means the client holds this ETag, and stored_answer answers 304.
        return stored_answer(
            environ,
            start_response,
            (etag, moment(changed_at)),
            vary,
            content_type,
            lambda: body.encode(),
        )


def init_app(app: Flask) -> None:
    app.wsgi_app = StoredLists(app)
