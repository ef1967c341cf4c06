"""The reverse proxy in front: its X-Forwarded-For, -Proto and -Host headers are believed
only on connections from its own addresses (BLOG_PROXY_ADDRESSES), BLOG_PROXY_HOPS deep.

Werkzeug's ProxyFix reads the headers; this only decides whose to read, as gunicorn's
`forwarded_allow_ips` does (blog/gunicorn_conf.py sets it from the same two variables).
Without that choice, anyone who reaches the app server directly could name their own
client address (and so dodge the login throttle) or claim HTTPS.
"""

import ipaddress
from collections.abc import Callable, Iterable

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


class BehindProxy:
    """WSGI middleware: ProxyFix for requests that come from the proxy, nothing for others."""

    def __init__(self, app: Flask):
        hops = app.config["PROXY_HOPS"]
        self.direct: Callable = app.wsgi_app
        self.forwarded = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
        self.proxies = [ipaddress.ip_network(address) for address in app.config["PROXY_ADDRESSES"]]

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        answer = self.forwarded if self.from_proxy(environ) else self.direct
        return answer(environ, start_response)

    def from_proxy(self, environ: dict) -> bool:
        """Whether the connection comes from one of the proxy's addresses. A connection
        without an address (a Unix socket, which only this machine can open) counts as the
        proxy's, as gunicorn counts it."""
        address = environ.get("REMOTE_ADDR") or ""
        if not address:
            return True
        try:
            peer = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(peer in network for network in self.proxies)


def init_app(app: Flask) -> None:
    """Install outermost, so that rate limits, HTTPS checks and the host check see the
    client, not the proxy. Nothing to do when no proxy stands in front."""
    if app.config["PROXY_HOPS"]:
        app.wsgi_app = BehindProxy(app)
