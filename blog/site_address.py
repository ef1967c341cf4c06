"""The site's own address: absolute links come from BLOG_BASE_URL, never from the Host a
request names, and in production a request naming an unknown host is refused.

Werkzeug does the host checking (`get_host` against Flask's TRUSTED_HOSTS, which
blog.config fills from BLOG_BASE_URL and BLOG_ALLOWED_HOSTS). It is done here, in front of
the stored pages and of Flask, because Flask checks the host only when it routes: after its
before-request steps (CSRF, rate limits) and too late for an error page, whose links need
a host to be built for.
"""

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, current_app
from werkzeug.exceptions import SecurityError
from werkzeug.wsgi import get_host

from blog.security_headers import security_headers

UNKNOWN_HOST = b"This site does not answer to that host name.\n"


def absolute_url(endpoint: str, **values: Any) -> str:
    """The absolute URL of an endpoint (`public.article`, slug=...) at BLOG_BASE_URL: the
    same in every request whatever its Host, and outside requests (commands) too."""
    base = urlsplit(current_app.config["BLOG_BASE_URL"])
    adapter = current_app.url_map.bind(
        base.netloc, script_name=base.path or "/", url_scheme=base.scheme
    )
    return adapter.build(endpoint, values, force_external=True)


class KnownHostsOnly:
    """WSGI middleware: with TRUSTED_HOSTS set (production), a request whose host is not
    one of them gets a short plain 400 before anything else looks at it."""

    def __init__(self, app: Flask):
        self.config = app.config
        self.next_app: Callable = app.wsgi_app

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        trusted = self.config["TRUSTED_HOSTS"]
        if trusted:
            try:
                get_host(environ, trusted)
            except SecurityError:
                start_response(
                    "400 Bad Request",
                    [
                        ("Content-Type", "text/plain; charset=utf-8"),
                        ("Content-Length", str(len(UNKNOWN_HOST))),
                        *security_headers(https=False),
                    ],
                )
                return [UNKNOWN_HOST]
        return self.next_app(environ, start_response)


def init_app(app: Flask) -> None:
    """Offer absolute_url to templates; put the host check in front of every response
    (call it after the stored pages are installed, before the proxy fix)."""
    app.jinja_env.globals["absolute_url"] = absolute_url
    app.wsgi_app = KnownHostsOnly(app)
