"""A throw-away PostgreSQL cluster for the test run, started from the server binaries found
on this machine, or the server named by TEST_DATABASE_URL."""

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.ports import free_port


class PostgresUnavailable(RuntimeError):
    """No server binaries and no TEST_DATABASE_URL: PostgreSQL tests cannot run."""


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


class ThrowAwayCluster:
    """initdb into a temporary folder, pg_ctl start on a free loopback port, stop and delete."""

    def __init__(self) -> None:
        self.initdb, self.pg_ctl = _binary("initdb"), _binary("pg_ctl")
        if not (self.initdb and self.pg_ctl):
            raise PostgresUnavailable("no initdb/pg_ctl on PATH or under /usr/lib/postgresql")
        self.folder = Path(tempfile.mkdtemp(prefix="blog-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        # PostgreSQL refuses to run as root; run it as an unprivileged account instead.
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            account = "postgres" if _has_account("postgres") else "nobody"
            shutil.chown(self.folder, user=account)
            self.prefix = ["runuser", "-u", account, "--"]

    def _run(self, *command: str) -> None:
        subprocess.run([*self.prefix, *command], check=True, capture_output=True, text=True)

    def start(self) -> str:
        """Start the cluster and return a URL to its `postgres` database."""
        self._run(self.initdb, "-D", str(self.data), "-U", "blog", "--auth=trust", "-E", "UTF8")
        # A throw-away cluster: nothing it holds must survive a crash of the machine.
        durability_off = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 {durability_off}"
        self._run(
            self.pg_ctl,
            "-D",
            str(self.data),
            "-o",
            options,
            "-w",
            "-l",
            str(self.folder / "server.log"),
            "start",
        )
        return f"postgresql+psycopg://blog@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            self._run(self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _has_account(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
