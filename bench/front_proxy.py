"""nginx in front of a local gunicorn, configured by the shipped example (deploy/nginx.conf)
with a throw-away self-signed certificate: what readers of a production site are served,
HTTPS, HTTP/2 and compression included."""

import shutil
import socket
import subprocess
import time
from pathlib import Path

from bench.ports import free_port
from bench.server import ROOT

EXAMPLE = ROOT / "deploy" / "nginx.conf"
# nginx has this many tenths of a second to accept connections.
START_POLLS = 100


def nginx_path() -> str | None:
    """nginx on this machine, or None."""
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    return found if Path(found).exists() else None


class FrontProxy:
    """The example site, listening on a loopback port, passing requests to `app_port`."""

    def __init__(self, app_port: int, folder: Path):
        self.folder, self.port = folder, free_port()
        self.process: subprocess.Popen | None = None
        certificate, key = folder / "fullchain.pem", folder / "privkey.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
            + ["-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
            check=True,
            capture_output=True,
        )
        site = (
            EXAMPLE.read_text()
            .replace("/etc/ssl/blog/", f"{folder}/")
            .replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};")
            .replace("listen 443 ssl http2;", f"listen 127.0.0.1:{self.port} ssl http2;")
            .replace("listen [::]:443 ssl http2;", "")
            .replace("listen 80;", f"listen 127.0.0.1:{free_port()};")
            .replace("listen [::]:80;", "")
        )
        (folder / "site.conf").write_text(site)
        (folder / "nginx.conf").write_text(
            f"pid {folder}/nginx.pid;\nerror_log {folder}/error.log;\ndaemon off;\n"
            "events {}\n"
            f"http {{ access_log off; include {folder}/site.conf; }}\n"
        )

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def check(self, nginx: str) -> subprocess.CompletedProcess:
        """`nginx -t` on the site: what nginx says of the configuration, without serving."""
        config = self.folder / "nginx.conf"
        command = [nginx, "-t", "-p", str(self.folder), "-c", str(config)]
        return subprocess.run(command, capture_output=True, text=True)

    def start(self, nginx: str) -> "FrontProxy":
        config = self.folder / "nginx.conf"
        self.process = subprocess.Popen([nginx, "-p", str(self.folder), "-c", str(config)])
        for _ in range(START_POLLS):
            if self.process.poll() is not None:
                raise RuntimeError((self.folder / "error.log").read_text())
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("nginx did not start")

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
