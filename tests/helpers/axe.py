"""axe-core, vendored (tests/helpers/vendor/, its licence beside it), run in a browser tab:
the accessibility problems it finds on what the tab shows."""

from pathlib import Path

from playwright.sync_api import Page

VENDOR = Path(__file__).resolve().parent / "vendor"
AXE_SCRIPT = sorted(VENDOR.glob("axe-core-*.min.js"))[-1]

# Each problem as its rule, its summary and the elements it was found on.
_RUN = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map(v => ({
    rule: v.id, help: v.help, elements: v.nodes.map(node => node.target.join(" "))
  }));
}"""


def axe_violations(page: Page) -> list[dict]:
    """What axe-core reports on the page as it is now (loaded through the DevTools protocol,
    which the page's CSP does not govern, so the page's own rules stay as they are)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    return page.evaluate(_RUN)
