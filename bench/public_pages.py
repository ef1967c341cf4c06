"""Requests/s of every public page readers poll, each beside its floor: a bare Flask route
returning the same bytes (bench/bare_app.py) under the same gunicorn settings, both logging
each request, measured in one run that alternates the two servers page by page. A 304 (the
client sends the page's ETag) is measured for each page too.

Twelve published 40-block articles tagged "bench", on SQLite. BENCH_SECONDS (default 5) and
BENCH_ROUNDS (default 2) set how long each measurement runs and how often it is repeated.
"""

import json
import os
import re
import shutil
import subprocess
import urllib.request
from pathlib import Path

from bench.server import BenchServer

WORKERS, CONNECTIONS = 2, 4
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
PAGES = {
    "article": "/article-1",
    "front page": "/",
    "tag page": "/tags/bench",
    "feed": "/feed.xml",
    "sitemap": "/sitemap.xml",
}


def server_cpu_seconds(server: BenchServer) -> float:
    """CPU time used so far by the server's gunicorn master and workers (Linux /proc)."""
    master = server.process.pid
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    ticks = 0
    for pid in [master, *children]:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def measure(server: BenchServer, path: str, etag: str | None = None) -> tuple[float, float]:
    """Run wrk against one URL (with If-None-Match when given): requests/s, and the server's
    CPU milliseconds per request (which other load on the machine disturbs less)."""
    headers = ["-H", f"If-None-Match: {etag}"] if etag else []
    before = server_cpu_seconds(server)
    done = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS}s", *headers]
        + [f"http://127.0.0.1:{server.port}{path}"],
        check=True,
        capture_output=True,
        text=True,
    )
    cpu = server_cpu_seconds(server) - before
    count = int(re.search(r"(\d+) requests in", done.stdout).group(1))
    if "Non-2xx" in done.stdout and not etag:
        raise RuntimeError(f"{path} did not answer 200:\n{done.stdout}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))
    return rate, cpu * 1000 / count


def _capture(blog: BenchServer) -> dict[str, list[str]]:
    """Each page's content type, body (in a file) and ETag as the blog serves them."""
    index = {}
    for name, path in PAGES.items():
        with urllib.request.urlopen(f"http://127.0.0.1:{blog.port}{path}") as answer:
            body_file = blog.folder / f"{name.replace(' ', '-')}.body"
            body_file.write_bytes(answer.read())
            index[path] = [answer.headers["Content-Type"], str(body_file), answer.headers["ETag"]]
    return index


def _measure(blog: BenchServer, bare: BenchServer, index: dict) -> dict[tuple, list]:
    """(page, 200 or 304, blog or bare) -> (requests/s, CPU ms per request) of each round."""
    results: dict[tuple, list] = {}
    for _ in range(ROUNDS):
        for name, path in PAGES.items():
            for status, etag in (("200", None), ("304", index[path][2])):
                # Bare first, then the blog, page by page: drift in the machine's load
                # touches both alike.
                for server_name, server in (("bare", bare), ("blog", blog)):
                    measure(server, path, etag)  # warm-up
                    results.setdefault((name, status, server_name), []).append(
                        measure(server, path, etag)
                    )
    return results


def main() -> None:
    if not shutil.which("wrk"):
        print("Public pages: skipped, wrk is not installed (apt-get install wrk).")
        return
    blog = BenchServer(workers=WORKERS)
    blog.flask("db", "upgrade")
    blog.python("-m", "bench.published_site", "12")
    bare = BenchServer(workers=WORKERS)
    try:
        blog.start()
        index_file = blog.folder / "bodies.json"
        index = _capture(blog)
        index_file.write_text(json.dumps(index))
        bare.env["BENCH_BODIES"] = str(index_file)
        bare.start("bench.bare_app:app")
        results = _measure(blog, bare, index)
    finally:
        blog.stop()
        bare.stop()
    print(
        f"\nPublic pages, 12 published 40-block articles (gunicorn {WORKERS} sync workers, "
        f"wrk {CONNECTIONS} connections, {ROUNDS} x {SECONDS} s each, request log on in both):"
    )
    print("The ratios are the floor's figure over the blog's (1.0: as cheap as the floor;")
    print("target at least 0.8). CPU is the server's own, per request, summed over its workers.")
    print(
        "| page | answer | bytes | blog req/s | floor req/s | ratio "
        "| blog CPU ms | floor CPU ms | CPU ratio |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, path in PAGES.items():
        size = os.path.getsize(index[path][1])
        for status in ("200", "304"):
            blog_rate, blog_cpu = _mean(results[(name, status, "blog")])
            bare_rate, bare_cpu = _mean(results[(name, status, "bare")])
            shown = size if status == "200" else 0
            print(
                f"| {name} | {status} | {shown:,} | {blog_rate:,.0f} | {bare_rate:,.0f} "
                f"| {blog_rate / bare_rate:.2f} | {blog_cpu:.2f} | {bare_cpu:.2f} "
                f"| {bare_cpu / blog_cpu:.2f} |"
            )


def _mean(rounds: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(r for r, _ in rounds) / len(rounds), sum(c for _, c in rounds) / len(rounds)


if __name__ == "__main__":
    main()
