"""The blog under gunicorn on loopback, in a process group of its own so that a test can
stop it or kill master and workers at once (kill -9); an editor that talks to it over HTTP
the way a browser with htmx does (its own login session and CSRF token); and the people and
page those editors work on, stored straight into the database."""

import http.client
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from werkzeug.security import generate_password_hash

from bench.ports import free_port
from blog.extensions import db
from blog.models import Block, Page, Row, User

from helpers.support import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
# Every wait is bounded: the server has this many tenths of a second to answer /healthz,
# and one request this many seconds to be answered.
START_POLLS = 200
REQUEST_TIMEOUT = 30
# A request cut off by a killed server ends in one of these, not in a status.
CUT_OFF = (OSError, http.client.HTTPException)
# Setup only: the real scrypt hash would cost a fifth of a second per person.
QUICK_HASH = "pbkdf2:sha256:1"


class GunicornServer:
    """`gunicorn 'blog:create_app()'` on a database, with production settings from the
    environment. Two workers of two threads each (gthread): requests meet both in separate
    processes (two connection pools, SQLite's file locks) and inside one process (threads
    sharing the engine's pool), with at most four in flight, which keeps runs short.

    With `shipped_settings`, gunicorn takes its settings from the shipped configuration
    (`-c python:blog.gunicorn_conf`), told through the environment where to listen and how
    many workers to run; `environment` adds to or overrides the variables it starts with."""

    def __init__(
        self,
        database_url: str,
        folder: Path,
        workers: int = 2,
        threads: int = 2,
        python: str = sys.executable,
        cwd: Path = ROOT,
        shipped_settings: bool = False,
        environment: dict[str, str] | None = None,
    ):
        """`python` and `cwd` choose which installation of the blog serves: by default the
        checkout's."""
        self.port = free_port()
        self.cwd = cwd
        self.url = f"127.0.0.1:{self.port}"
        self.log_path = folder / f"gunicorn-{self.port}.log"
        self.env = {
            **os.environ,
            "BLOG_ENV": "production",
            "BLOG_BASE_URL": f"http://{self.url}",
            "DATABASE_URL": database_url,
            "BLOG_MEDIA_DIR": str(folder / "media"),
            "BLOG_RATELIMIT_STORAGE_URI": "memory://",
        }
        if shipped_settings:
            settings = ["-c", "python:blog.gunicorn_conf"]
            self.env.update(BLOG_BIND=self.url, BLOG_WORKERS=str(workers))
            self.env.update(BLOG_THREADS=str(threads))
        else:
            settings = [
                f"--workers={workers}",
                "--worker-class=gthread",
                f"--threads={threads}",
                f"--bind={self.url}",
            ]
        self.env.update(environment or {})
        self.command = [
            python,
            "-m",
            "gunicorn",
            *settings,
            "--graceful-timeout=5",
            "--log-level=warning",
            "blog:create_app()",
        ]
        self.process: subprocess.Popen | None = None

    def start(self) -> "GunicornServer":
        """Start master and workers in a new session; return once /healthz answers 200."""
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                self.command,
                env=self.env,
                cwd=self.cwd,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        for _ in range(START_POLLS):
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited at start:\n{self.log()}")
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
            try:
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return self
            except CUT_OFF:
                pass
            finally:
                connection.close()
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer /healthz:\n{self.log()}")

    def get(self, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
        """One GET from loopback, read whole; the response's status, headers and body."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request("GET", path, headers={"Connection": "close", **(headers or {})})
            response = connection.getresponse()
            response.body = response.read()
            return response
        finally:
            connection.close()

    def kill(self) -> None:
        """kill -9 the whole process group, master and workers, as a crash would."""
        self._signal_group(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        """Stop (gunicorn's quick shutdown: nothing is in flight by now), then make sure
        nothing of the group is left."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        self._signal_group(signal.SIGKILL)
        self.process.wait(timeout=10)

    def _signal_group(self, signal_number: int) -> None:
        # The group's id is the master's pid (start_new_session made it the leader).
        try:
            os.killpg(self.process.pid, signal_number)
        except ProcessLookupError:
            pass

    def log(self) -> str:
        """What gunicorn and the app printed (tracebacks of 500s land here)."""
        return self.log_path.read_text(errors="replace")


class Editor:
    """A person in the builder. One new connection per request (`Connection: close`), so a
    keep-alive connection the server dropped is never mistaken for a refused edit."""

    def __init__(self, server: GunicornServer):
        self.server = server
        self.cookies: dict[str, str] = {}
        self.csrf_token = ""

    def request(
        self,
        method: str,
        path: str,
        form: dict | None = None,
        htmx: bool = False,
        encoded: tuple[bytes, str] | None = None,
    ) -> tuple[int, str]:
        """Send one request (as htmx does, with `htmx`); return the status and the body.
        `encoded` is a body already encoded, with its content type (a multipart upload).
        Raises a CUT_OFF error when the server is gone."""
        headers = {"Connection": "close"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if encoded is not None:
            body, headers["Content-Type"] = encoded
        if htmx:
            headers.update({"HX-Request": "true", "X-CSRFToken": self.csrf_token})
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.server.port, timeout=REQUEST_TIMEOUT
        )
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode()
        finally:
            connection.close()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return response.status, content

    def log_in(self, email: str, password: str = PASSWORD) -> None:
        """Log in through the form, then read the CSRF token htmx sends (`hx-headers`)."""
        _, html = self.request("GET", "/login")
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
        form = {"csrf_token": token, "email": email, "password": password}
        status, html = self.request("POST", "/login", form)
        assert status == 303, f"login of {email} answered {status}: {html[:500]}"
        _, html = self.request("GET", "/builder/")
        self.csrf_token = re.search(r'"X-CSRFToken": "([^"]+)"', html).group(1)

    def post(self, path: str, **fields) -> tuple[int, str]:
        """Post a builder form as htmx does (HX-Request, X-CSRFToken)."""
        return self.request("POST", path, fields, htmx=True)


def shown_version(html: str) -> int:
    """The version a block's form carries (what the next save will name)."""
    return int(re.search(r'name="version" value="(\d+)"', html).group(1))


def shown_columns(html: str) -> dict[tuple[int, int], list[int]]:
    """The columns an answer shows, (row id, column) -> the block ids in order. Columns are
    siblings, never nested, so each one's blocks are those up to the next column."""
    parts = re.split(r'<div id="column-(\d+)-(\d+)" class="builder-column"', html)
    return {
        (int(row_id), int(column)): [int(b) for b in re.findall(r'data-block-id="(\d+)"', part)]
        for row_id, column, part in zip(parts[1::3], parts[2::3], parts[3::3], strict=True)
    }


# What the editors work on


def add_editor(app, email: str) -> int:
    """Store an editor (password PASSWORD); returns their id."""
    with app.app_context():
        person = User(email=email, name=email.split("@")[0], role="editor")
        person.password_hash = generate_password_hash(PASSWORD, QUICK_HASH)
        db.session.add(person)
        db.session.commit()
        return person.id


@dataclass
class StoredPage:
    """The ids of a page stored by store_page; `columns[row id, column]` lists the block ids
    and `texts` each block's heading."""

    id: int
    rows: list[int]
    columns: dict[tuple[int, int], list[int]]
    texts: dict[int, str]


def store_page(app, author_id: int, rows: list[tuple[str, list[list[str]]]]) -> StoredPage:
    """A draft page of these rows, each (layout, [[heading text, ...] per column])."""
    with app.app_context():
        page = Page(title="Busy page", slug="busy-page", author_id=author_id)
        for position, (layout, columns) in enumerate(rows):
            row = Row(position=position, layout=layout)
            for column, texts in enumerate(columns):
                row.blocks.extend(
                    Block(
                        column=column,
                        position=place,
                        type="heading",
                        data={"text": words, "level": 2},
                    )
                    for place, words in enumerate(texts)
                )
            page.rows.append(row)
        db.session.add(page)
        db.session.commit()
        stored = StoredPage(page.id, [row.id for row in page.rows], {}, {})
        for row in page.rows:
            for block in row.blocks:
                stored.columns.setdefault((row.id, block.column), []).append(block.id)
                stored.texts[block.id] = block.data["text"]
        return stored
