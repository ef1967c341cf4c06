"""Browser fixtures: Debian's Chromium driven by Playwright against a live server."""

import os
import shutil

import pytest
from playwright.sync_api import expect

from helpers.live_server import LiveServer
from helpers.support import missing

EXPECTED_REFUSALS = (401, 409, 422)
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# What a person waits for may come late when both cores are busy with other tests: give
# every expectation room (they still pass the moment the page shows what they wait for).
expect.set_options(timeout=20_000)


@pytest.fixture
def database_url(sqlite_database):
    """Browser tests run on SQLite: they prove what a person sees and does, which does not
    depend on the database; the view, concurrency and crash tests cover both databases."""
    return sqlite_database


def _chromium_path() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    path = _chromium_path()
    if not path:
        missing("BLOG_REQUIRE_BROWSER", "Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def live_server(make_app):
    """The app with CSRF on, as in production, served over HTTP."""
    server = LiveServer(make_app()).start()
    yield server
    server.stop()


@pytest.fixture
def page(browser, live_server, request):
    """A fresh browser tab; fails the test on any console error (CSP violations included),
    but for the refusals a test expects (`@pytest.mark.refusals(404)` adds to the usual; a
    text argument allows console messages that contain it, such as a lost connection's)."""
    marker = request.node.get_closest_marker("refusals")
    refusals = EXPECTED_REFUSALS + (marker.args if marker else ())
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 1400}
    )
    tab = context.new_page()
    errors: list[str] = []

    def on_console(message) -> None:
        # Refusals the app answers on purpose (a wrong login, a conflict, a form with errors)
        # show up as failed loads; they are checked by the tests. Anything else is a fault.
        # Chromium logs "... status of 404 ...", and htmx "Response Status Error Code 404".
        expected = any(
            f"status of {code}" in message.text
            or f"Error Code {code} " in message.text
            or (isinstance(code, str) and code in message.text)
            for code in refusals
        )
        if message.type == "error" and not expected:
            errors.append(message.text)

    tab.on("console", on_console)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == [], f"the browser reported errors: {errors}"


@pytest.fixture
def open_tab(browser, live_server):
    """Opens another person's tab (keyword arguments go to the browser context); every tab
    it opened is closed after the test, even a failed one, before the server stops."""
    contexts = []

    def open_(**options):
        context = browser.new_context(base_url=live_server.url, **options)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def touch_page(open_tab):
    """A tab on a tablet's touch screen."""
    return open_tab(has_touch=True, is_mobile=True, viewport={"width": 820, "height": 1180})


@pytest.fixture
def no_js_page(browser, live_server):
    """A fresh tab with JavaScript turned off: every action is a plain form."""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    yield context.new_page()
    context.close()
