"""Ports for the servers tests start are chosen where the kernel hands out none by itself,
in a block of their own for each test process, and never twice."""

import socket

from bench import ports


def _kernel_range() -> tuple[int, int]:
    low, high = ports.KERNEL_RANGE.read_text().split()
    return int(low), int(high)


def test_a_port_is_free_and_outside_the_kernels_own_range():
    port = ports.free_port()
    low, high = _kernel_range()
    assert not low <= port <= high
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))  # nothing listens there


def test_each_test_process_has_a_block_of_its_own(monkeypatch):
    chosen = {}
    for worker in ("gw0", "gw1"):
        monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
        chosen[worker] = {ports.free_port() for _ in range(20)}
    for found in chosen.values():
        assert max(found) - min(found) < ports.BLOCK_SIZE
    assert max(chosen["gw0"]) < min(chosen["gw1"])


def test_no_port_is_handed_out_twice():
    found = [ports.free_port() for _ in range(200)]
    assert len(set(found)) == len(found)
