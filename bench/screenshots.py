"""`make screenshots`: the front page, an article and the editor of the demo site at desktop
and phone widths, as PNG files in docs/screenshots/ (the README shows them)."""

from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.demo_site import DEMO_ARTICLE, chromium_path, demo_server

FOLDER = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 390}
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _log_in(tab, password: str) -> None:
    tab.goto("/login")
    tab.get_by_label("Email").fill("admin@example.com")
    tab.get_by_label("Password").fill(password)
    tab.get_by_role("button", name="Log in").click()
    tab.wait_for_url("**/builder/")


LOAD_EVERY_PICTURE = """() => Promise.all([...document.images].map((picture) => {
  picture.loading = "eager";
  return picture.complete ? null : new Promise((done) => {
    picture.addEventListener("load", done); picture.addEventListener("error", done);
  });
}))"""


def _shoot(browser, base_url: str, password: str, width: int, kind: str) -> None:
    context = browser.new_context(
        base_url=base_url, viewport={"width": width, "height": 900}, color_scheme="light"
    )
    tab = context.new_page()
    for name, path in (("front-page", "/"), ("article", DEMO_ARTICLE)):
        tab.goto(path)
        # A whole-page picture shows what a reader scrolls to: pictures that load lazily,
        # as they come into view, are loaded first.
        tab.evaluate(LOAD_EVERY_PICTURE)
        tab.screenshot(path=FOLDER / f"{name}-{kind}.png", full_page=True)
    _log_in(tab, password)
    tab.get_by_role("link", name="Field notes from a rainy allotment").click()
    tab.wait_for_load_state("load")
    tab.screenshot(path=FOLDER / f"editor-{kind}.png", full_page=True)
    context.close()


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    server, password = demo_server()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=FLAGS)
            for kind, width in WIDTHS.items():
                _shoot(browser, f"http://127.0.0.1:{server.port}", password, width, kind)
            browser.close()
    finally:
        server.stop()
    for path in sorted(FOLDER.glob("*.png")):
        print(f"{path.relative_to(FOLDER.parent.parent)}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
