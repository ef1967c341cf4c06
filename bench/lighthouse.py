"""`make lighthouse`: Lighthouse's four scores (performance, accessibility, best practices,
SEO) for the demo site's front page and an article, as a phone on a slow network (its default)
and on a desktop, with every audit that kept a score below 100.

The site is measured as production serves it: gunicorn behind the shipped nginx example
(HTTPS, HTTP/2, gzip for HTML). Without nginx on the machine it measures gunicorn alone and
says so: then Lighthouse rightly finds the HTML uncompressed, since compressing responses is
the front server's job here (deploy/nginx.conf)."""

import json
import os
import subprocess
import sys

from bench.demo_site import DEMO_ARTICLE, chromium_path, demo_server
from bench.front_proxy import FrontProxy, nginx_path
from bench.server import ROOT

LIGHTHOUSE = ROOT / "scripts" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"front page": "/", "article": DEMO_ARTICLE}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --ignore-certificate-errors"
)
PRESETS = {"phone": [], "desktop": ["--preset=desktop"]}


def audit(url: str, preset: list[str]) -> dict:
    """Lighthouse's report (JSON) on one address."""
    done = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet"]
        + [f"--chrome-flags={CHROME_FLAGS}", *preset],
        env={**os.environ, "CHROME_PATH": chromium_path()},
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(done.stdout)


def findings(report: dict) -> list[str]:
    """The audits that count towards a category and did not pass."""
    counted = {ref["id"] for c in report["categories"].values() for ref in c["auditRefs"]}
    return [
        f"{result['id']}: {result['title']} ({result.get('displayValue', '')})"
        for result in report["audits"].values()
        if result["id"] in counted
        and result["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")
        and result["score"] is not None
        and result["score"] < 1
    ]


def main() -> None:
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: make lighthouse installs it")
    server, _ = demo_server()
    nginx = nginx_path()
    proxy = FrontProxy(server.port, server.folder).start(nginx) if nginx else None
    base = proxy.url if proxy else f"http://127.0.0.1:{server.port}"
    if proxy is None:
        print("nginx is not installed: measuring gunicorn alone (HTML uncompressed)")
    print(f"{'page':<12} {'as':<8} " + " ".join(f"{c:>15}" for c in CATEGORIES))
    try:
        for name, path in PAGES.items():
            for kind, preset in PRESETS.items():
                report = audit(base + path, preset)
                scores = [round(report["categories"][c]["score"] * 100) for c in CATEGORIES]
                print(f"{name:<12} {kind:<8} " + " ".join(f"{s:>15}" for s in scores))
                for finding in findings(report):
                    print(f"    {finding}")
    finally:
        if proxy:
            proxy.stop()
        server.stop()


if __name__ == "__main__":
    main()
