"""Every kind of reader page passes the checks a careful reviewer runs: the Nu HTML checker
finds no error, axe-core no accessibility problem at desktop and phone widths, and no page is
wider than its window. The pages are listed once, in helpers/reader_site.py."""

import urllib.error
import urllib.request

import pytest

from helpers.axe import axe_violations
from helpers.html_checker import html_errors
from helpers.reader_pages import page_width
from helpers.reader_site import READER_PAGES, publish_reader_site

WIDTHS = (1280, 390)


def _sent_html(url: str) -> str:
    """The page as the server sends it (a 404 page too), before any script runs."""
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.read().decode()
    except urllib.error.HTTPError as refusal:
        return refusal.read().decode()


def test_the_html_checker_finds_no_error_on_any_reader_page(app, live_server, tmp_path):
    publish_reader_site(app)
    documents = {name: _sent_html(live_server.url + path) for name, path in READER_PAGES.items()}
    assert all("<main" in html for html in documents.values())
    errors = html_errors(documents, tmp_path)
    assert errors == {name: [] for name in READER_PAGES}


def _on_every_reader_page(app, page, width: int, look) -> dict:
    """What `look(page)` finds on each reader page, in a window `width` pixels wide."""
    publish_reader_site(app)
    page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for name, path in READER_PAGES.items():
        page.goto(path)
        found[name] = look(page)
    return found


@pytest.mark.refusals(404)
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_nothing_on_any_reader_page(app, page, width):
    found = _on_every_reader_page(app, page, width, axe_violations)
    assert found == {name: [] for name in READER_PAGES}


@pytest.mark.refusals(404)
@pytest.mark.parametrize("width", WIDTHS)
def test_no_reader_page_is_wider_than_its_window(app, page, width):
    widths = _on_every_reader_page(app, page, width, page_width)
    assert widths == {name: min(widths[name], width) for name in READER_PAGES}
