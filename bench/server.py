"""A throw-away blog served by gunicorn on loopback, and a client that counts bytes."""

import http.client
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.ports import free_port

ROOT = Path(__file__).resolve().parent.parent


class BenchServer:
    """gunicorn serving create_app() on a fresh SQLite database in a temporary folder."""

    def __init__(self, workers: int = 1):
        self.folder = Path(tempfile.mkdtemp(prefix="blog-bench-"))
        self.port = free_port()
        self.workers = workers
        self.env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{self.folder / 'bench.sqlite3'}",
            "BLOG_SECRET_KEY": secrets.token_hex(16),
            "BLOG_MEDIA_DIR": str(self.folder / "media"),
            "BLOG_RATELIMIT_STORAGE_URI": "memory://",
        }
        self.process: subprocess.Popen | None = None

    def python(self, *args: str) -> str:
        """Run Python with this server's environment; return what it printed."""
        done = subprocess.run(
            [sys.executable, *args],
            env=self.env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    def flask(self, *args: str) -> str:
        return self.python("-m", "flask", "--app", "blog", *args)

    def start(self, app: str = "blog:create_app()") -> "BenchServer":
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(self.workers),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--log-level",
            "warning",
            app,
        ]
        # The request log stays on, as in production, and goes to a file beside the database.
        log = (self.folder / "requests.log").open("w")
        self.process = subprocess.Popen(command, env=self.env, cwd=ROOT, stderr=log)
        for _ in range(300):
            try:
                # Any answer at all: a worker has booted (the socket is bound before that).
                probe = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                probe.request("HEAD", "/healthz")
                probe.getresponse().read()
                probe.close()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


class CountingClient:
    """HTTP/1.1 on one kept-alive connection; records the bytes of the last exchange."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port)
        self.cookies: dict[str, str] = {}
        self.csrf_token = ""
        self.request_bytes = self.response_bytes = 0

    def request(
        self, method: str, path: str, form: dict | None = None, headers: dict | None = None
    ) -> tuple[int, str]:
        body = urlencode(form or {}, doseq=True).encode() if form is not None else b""
        all_headers = {"Host": "127.0.0.1", **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if form is not None:
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
            all_headers["Content-Length"] = str(len(body))
        self.connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in all_headers.items():
            self.connection.putheader(name, value)
        self.connection.endheaders(body)
        head = (
            f"{method} {path} HTTP/1.1\r\n"
            + "".join(f"{k}: {v}\r\n" for k, v in all_headers.items())
            + "\r\n"
        )
        self.request_bytes = len(head.encode()) + len(body)
        response = self.connection.getresponse()
        content = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        status_line = f"HTTP/1.1 {response.status} {response.reason}\r\n"
        header_text = "".join(f"{k}: {v}\r\n" for k, v in response.getheaders()) + "\r\n"
        self.response_bytes = len(status_line) + len(header_text.encode()) + len(content)
        return response.status, content.decode()

    def log_in(self, email: str, password: str) -> None:
        _, html = self.request("GET", "/login")
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
        status, _ = self.request(
            "POST", "/login", {"csrf_token": token, "email": email, "password": password}
        )
        if status != 303:
            raise RuntimeError(f"bench login failed with {status}")
        _, html = self.request("GET", "/builder/")
        self.csrf_token = re.search(r'"X-CSRFToken": "([^"]+)"', html).group(1)
