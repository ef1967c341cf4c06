"""Golden files of rendering: each block type and a small page, compared with the HTML stored
in tests/golden/. After a deliberate change, run with UPDATE_GOLDEN=1 and read the diff."""

import os
from pathlib import Path

import pytest
from flask import has_request_context

from blog import create_app
from blog.content.blocks import REGISTRY
from blog.content.rendering import render_block, render_page

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

# One sample per block type, with characters that must be escaped wherever text goes.
SAMPLES = {
    "heading": {"text": 'Fish & <chips> "to go"', "level": 3},
    "text": {
        "markdown": (
            "Soup *with* **leeks** & `<code>`, a [recipe](https://example.com/?a=1&b=2)"
            " and [a trick](javascript:alert(1)).\n\n<b>raw HTML</b> stays text.\n\n"
            "- salt\n- pepper"
        )
    },
    "quote": {"text": "Eat <well>.\n\nSleep & rest.", "cite": 'Ada "the cook"'},
    "image": {
        "media": "ab" * 32,
        "alt": 'A bowl of <hot> "soup"',
        "caption": "Leeks & potatoes",
        "decorative": False,
        "width": 1200,
        "height": 800,
    },
    "code": {"code": 'if a < b:\n    print("<b>&</b>")', "language": "python"},
    "divider": {},
    "button": {"label": "Read & reply", "url": '/contact?topic=soup&from="home"'},
    "embed": {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
}

TWO_ROW_PAGE = {
    "format": "blog.page/1",
    "title": "Leek soup",
    "slug": "leek-soup",
    "rows": [
        {"layout": "1", "columns": [[{"id": 1, "type": "heading", "data": SAMPLES["heading"]}]]},
        {
            "layout": "1-2",
            "columns": [
                [{"id": 2, "type": "quote", "data": SAMPLES["quote"]}],
                [
                    {"id": 3, "type": "text", "data": {"markdown": "Sweat the *leeks*."}},
                    {"id": 4, "type": "divider", "data": {}},
                ],
            ],
        },
    ],
}


@pytest.fixture(scope="module")
def render_app():
    """An app for rendering only: rendering never touches the database or a request."""
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})


def _lines(html: str) -> list[str]:
    return [line.rstrip() for line in str(html).splitlines()]


def _matches_golden(name: str, html: str) -> None:
    path = GOLDEN / f"{name}.html"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text("\n".join(_lines(html)) + "\n")
    assert path.exists(), f"no golden file {path.name}: run with UPDATE_GOLDEN=1 and read it"
    assert _lines(html) == _lines(path.read_text())


@pytest.mark.parametrize("type_name", sorted(REGISTRY))
def test_block_renders_as_its_golden_file(render_app, type_name):
    assert type_name in SAMPLES, f"add a sample of {type_name!r} to SAMPLES, then its golden"
    with render_app.app_context():
        html = render_block(type_name, SAMPLES[type_name], block_id=7)

    _matches_golden(type_name, html)


def test_page_of_two_rows_renders_as_its_golden_file(render_app):
    with render_app.app_context():
        html = render_page(TWO_ROW_PAGE)

    _matches_golden("page", html)


def test_render_page_gives_the_same_html_for_the_same_page(render_app):
    with render_app.app_context():
        first = render_page(TWO_ROW_PAGE)
    with render_app.app_context():
        second = render_page(TWO_ROW_PAGE)

    assert first == second


def test_render_page_needs_no_request_and_ignores_the_one_it_is_in(render_app):
    with render_app.app_context():
        assert not has_request_context()
        alone = render_page(TWO_ROW_PAGE)
    with render_app.test_request_context("/builder/pages/1", headers={"HX-Request": "true"}):
        in_a_request = render_page(TWO_ROW_PAGE)

    assert alone == in_a_request
