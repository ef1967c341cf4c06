"""Free loopback ports for the servers the benchmarks and tests start (gunicorn, nginx,
PostgreSQL, redis, the S3 stand-in).

A port chosen now is bound by its server only a moment later, after that server starts. A
port the kernel picked (bind to port 0) can be handed out again meanwhile, to a browser's
connection or to another test process's server. So ports are chosen below the kernel's own
range, where it hands out none, in a block of its own for each test process (pytest-xdist's
gw0, gw1, ...), and never twice in one process."""

import os
import random
import socket
from pathlib import Path

BLOCK_SIZE = 1000
BLOCKS = 10
KERNEL_RANGE = Path("/proc/sys/net/ipv4/ip_local_port_range")

_handed_out: set[int] = set()


def free_port() -> int:
    """A loopback port nothing listens on, not handed out before by this process."""
    block = _own_block()
    if block is None:  # the kernel's range leaves no room below it: let it choose
        return _bound_port(0)
    for port in random.sample(block, len(block)):
        if port not in _handed_out and _bound_port(port) == port:
            _handed_out.add(port)
            return port
    raise RuntimeError(f"no free port left in {block}")


def _own_block() -> range | None:
    kernel_low = int(KERNEL_RANGE.read_text().split()[0]) if KERNEL_RANGE.exists() else 32768
    first = kernel_low - BLOCK_SIZE * BLOCKS
    if first < 1024:
        return None
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    start = first + BLOCK_SIZE * (int(worker or 0) % BLOCKS)
    return range(start, start + BLOCK_SIZE)


def _bound_port(port: int) -> int | None:
    """Bind `port` (0: any) on loopback and let it go; the port bound, or None if taken."""
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return None
        return sock.getsockname()[1]
