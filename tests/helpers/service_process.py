"""A server the test run starts on a free loopback port (the S3-protocol server, Redis), in a
process group of its own, stopped at the end of the run."""

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from bench.ports import free_port

# A server has this many tenths of a second to accept connections.
START_POLLS = 200


class ServiceProcess:
    """Start `command` (with "{port}" replaced by a free port); wait until the port accepts."""

    def __init__(self, command: list[str], log_path: Path):
        self.port = free_port()
        self.command = [part.replace("{port}", str(self.port)) for part in command]
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    def start(self) -> "ServiceProcess":
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                self.command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        for _ in range(START_POLLS):
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.command[0]} exited at start:\n{self.log()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.command[0]} did not listen on {self.port}:\n{self.log()}")

    def stop(self) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=10)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")
