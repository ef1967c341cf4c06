"""Requests/s of a published 40-block article under gunicorn, beside a bare Flask route
returning the same bytes with the same server settings, in the same run (wrk on loopback)."""

import re
import shutil
import subprocess
import urllib.request

from bench.server import BenchServer

WORKERS, CONNECTIONS, SECONDS, ROUNDS = 2, 8, 8, 3


def requests_per_second(port: int, path: str) -> float:
    """Run wrk against one URL and read its Requests/sec line."""
    done = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS}s", f"http://127.0.0.1:{port}{path}"],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))


def main() -> None:
    if not shutil.which("wrk"):
        print("Article view: skipped, wrk is not installed (apt-get install wrk).")
        return
    blog = BenchServer(workers=WORKERS)
    blog.flask("db", "upgrade")
    blog.python("-m", "bench.seed", "40")
    blog.python("-m", "bench.publish", "page-40")
    blog.start()
    body = urllib.request.urlopen(f"http://127.0.0.1:{blog.port}/page-40").read()
    body_file = blog.folder / "article.html"
    body_file.write_bytes(body)
    bare = BenchServer(workers=WORKERS)
    bare.env["BENCH_BODY_FILE"] = str(body_file)
    blog.stop()
    results: dict[str, list[float]] = {"blog": [], "bare": []}
    try:
        # Alternate the two servers, so drift in the machine's load touches both alike.
        for _ in range(ROUNDS):
            for name, server, app in (("bare", bare, "bench.bare_app:app"), ("blog", blog, None)):
                server.start(app) if app else server.start()
                requests_per_second(server.port, "/page-40")  # warm-up
                results[name].append(requests_per_second(server.port, "/page-40"))
                server.stop()
    finally:
        blog.stop()
        bare.stop()
    blog_rate = sum(results["blog"]) / ROUNDS
    bare_rate = sum(results["bare"]) / ROUNDS
    print(
        f"\nArticle view, 40 blocks, {len(body)} bytes (gunicorn {WORKERS} sync workers, "
        f"wrk {CONNECTIONS} connections, {ROUNDS} x {SECONDS} s each):"
    )
    print(f"  bare Flask route, same bytes: {bare_rate:9.0f} requests/s")
    print(f"  published article:            {blog_rate:9.0f} requests/s")
    print(f"  ratio (target at least 0.8):  {blog_rate / bare_rate:9.2f}")
