"""One log line per request: method, path, status, duration and a request id.

WSGI middleware, so it also sees what the stored-pages layer answers before Flask runs. The
id is the request's X-Request-ID when a proxy in front set a sane one, else a new one, and
goes back in the answer's X-Request-ID so a person's report can be found in the log.

The query string is left out (search words are the reader's business) and so is the token
of a password link, which would let anyone who reads the log set that person's password.
`BLOG_LOG_FORMAT` chooses "text" (the default), "json" (one object per line, for a log
collector) or "off".
"""

import json
import logging
import re
import secrets
import sys
import time
from collections.abc import Callable, Iterable

from flask import Flask

LOG_FORMATS = ("text", "json", "off")
REQUEST_ID_HEADER = "X-Request-ID"
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_SECRET_PATHS = re.compile(r"^(/password/)[^/]+")

logger = logging.getLogger("blog.access")


class AccessLog:
    """WSGI middleware that logs each request once its answer has been produced."""

    def __init__(self, app: Callable, line: Callable[[dict], str]) -> None:
        self.app = app
        self.line = line

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        started = time.perf_counter()
        given = environ.get("HTTP_X_REQUEST_ID", "")
        request_id = given if _SANE_REQUEST_ID.fullmatch(given) else secrets.token_hex(8)
        status = []

        def start_with_id(status_line: str, headers: list, exc_info=None):
            status.append(int(status_line.split(" ", 1)[0]))
            headers = [(k, v) for k, v in headers if k.lower() != "x-request-id"]
            return start_response(
                status_line, [*headers, (REQUEST_ID_HEADER, request_id)], exc_info
            )

        answer = self.app(environ, start_with_id)
        logger.info(
            self.line(
                {
                    "request_id": request_id,
                    "method": environ.get("REQUEST_METHOD", ""),
                    "path": _SECRET_PATHS.sub(r"\1…", environ.get("PATH_INFO", "")),
                    "status": status[0] if status else 0,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                }
            )
        )
        return answer


def text_line(fields: dict) -> str:
    return (
        f"{fields['method']} {fields['path']} {fields['status']} "
        f"{fields['duration_ms']:.2f}ms id={fields['request_id']}"
    )


def json_line(fields: dict) -> str:
    return json.dumps({"event": "request", **fields}, ensure_ascii=False)


class _ToStandardError(logging.Handler):
    """Writes to whatever standard error is when the line is logged (gunicorn and test
    runners replace it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
        except (OSError, ValueError):
            self.handleError(record)


def init_app(app: Flask) -> None:
    """Install around everything but the proxy fix (call it just before proxy.init_app)."""
    log_format = app.config["LOG_FORMAT"]
    if log_format == "off":
        return
    if not logger.handlers:
        logger.addHandler(_ToStandardError())
        logger.setLevel(logging.INFO)
        logger.propagate = False
    app.wsgi_app = AccessLog(app.wsgi_app, json_line if log_format == "json" else text_line)
