"""The demo site (`flask demo`) under gunicorn, for the tools that look at it as a browser
does: `make screenshots` and `make lighthouse`."""

import re
import shutil

from bench.server import BenchServer

DEMO_ARTICLE = "/field-notes"


def chromium_path() -> str:
    """Debian's Chromium, as the browser tests use it."""
    path = shutil.which("chromium")
    if path is None:
        raise SystemExit("Chromium is not installed (apt-get install chromium)")
    return path


def demo_server() -> tuple[BenchServer, str]:
    """A started server holding the demo pages, and the demo admin's password."""
    server = BenchServer()
    server.flask("db", "upgrade")
    printed = server.flask("demo")
    password = re.search(r"Demo login: \S+ / (\S+)", printed)[1]
    return server.start(), password
