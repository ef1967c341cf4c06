"""One block save on pages of 10, 100 and 1,000 blocks: bytes each way and server time."""

import statistics
import time

from bench.seed import BENCH_EMAIL, BENCH_PASSWORD
from bench.server import BenchServer, CountingClient

SIZES = (10, 100, 1000)
SAVES = 300
WARM_UP = 20


def save_once(client: CountingClient, block_id: int, version: int) -> float:
    """Save the block as htmx would; the round trip in milliseconds."""
    headers = {
        "HX-Request": "true",
        "HX-Target": f"block-{block_id}",
        "X-CSRFToken": client.csrf_token,
    }
    form = {"version": version, "markdown": f"Edited text, save number {version}."}
    started = time.perf_counter()
    status, _ = client.request("POST", f"/builder/blocks/{block_id}", form, headers)
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise RuntimeError(f"save answered {status}")
    return elapsed


def main() -> None:
    server = BenchServer()
    server.flask("db", "upgrade")
    seeded = server.python("-m", "bench.seed", *map(str, SIZES))
    blocks = dict(tuple(map(int, line.split())) for line in seeded.splitlines() if line)
    server.start()
    try:
        client = CountingClient(server.port)
        client.log_in(BENCH_EMAIL, BENCH_PASSWORD)
        print(f"One block save, {SAVES} saves each (gunicorn, 1 worker, SQLite):")
        print(
            f"{'blocks':>7} {'request B':>10} {'response B':>11} {'median ms':>10} "
            f"{'p90 ms':>8} {'vs 10':>6}"
        )
        timings = {size: [] for size in SIZES}
        sizes = {size: (0, 0) for size in SIZES}
        # Round-robin over the sizes, so drift in the machine's load touches all alike.
        for version in range(1, WARM_UP + SAVES + 1):
            for size in SIZES:
                elapsed = save_once(client, blocks[size], version)
                sizes[size] = (client.request_bytes, client.response_bytes)
                if version > WARM_UP:
                    timings[size].append(elapsed)
        baseline = None
        for size in SIZES:
            (sent, received), median = sizes[size], statistics.median(timings[size])
            p90 = statistics.quantiles(timings[size], n=10)[-1]
            baseline = baseline or median
            print(
                f"{size:>7} {sent:>10} {received:>11} {median:>10.2f} {p90:>8.2f} "
                f"{median / baseline:>6.2f}"
            )
    finally:
        server.stop()
