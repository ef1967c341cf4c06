"""Undo costs what the change touched, not what the page holds: the SQL statements of an undo,
and the bytes of its answer, are the same on a page of 10 blocks as on a page of 500."""

import re

import pytest

from blog.extensions import db

from helpers.builder_pages import build_page
from helpers.statement_counter import statements_sent

SIZES = (10, 500)
BLOCKS_PER_ROW = 10


def _page_of(app, author_id: int, size: int):
    """A page of `size` headings, ten to a row."""
    rows = [
        ("1", [[f"Heading {row}.{n}" for n in range(BLOCKS_PER_ROW)]])
        for row in range(size // BLOCKS_PER_ROW)
    ]
    return build_page(app, author_id, *rows, title=f"{size} blocks")


def _without_numbers(body: bytes) -> bytes:
    """The answer with its ids, numbers and form tokens made alike: the larger page's ids have
    more digits, and a token carries the second it was made in."""
    body = re.sub(rb'name="csrf_token" value="[^"]*"', b"token", body)
    return re.sub(rb"\d+", b"0", body)


EDITS = {
    "block edit": lambda htmx, page: htmx.post(
        f"/builder/blocks/{page.blocks[0][0][0]}",
        data={"text": "New", "level": "2", "version": "1"},
    ),
    "block move": lambda htmx, page: htmx.post(
        f"/builder/blocks/{page.blocks[0][0][0]}/move", data={"direction": "down"}
    ),
    "block deletion": lambda htmx, page: htmx.post(
        f"/builder/blocks/{page.blocks[0][0][3]}/delete"
    ),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_undo_costs_as_many_statements_and_bytes_on_500_blocks_as_on_10(app, auth, htmx, edit):
    author = auth.login_as("author")
    statements, answers = {}, {}
    for size in SIZES:
        page = _page_of(app, author, size)
        assert edit(htmx, page).status_code == 200
        with app.app_context():
            engine = db.engine
        with statements_sent(engine) as sent:
            response = htmx.post(f"/builder/pages/{page.id}/undo")
        assert response.status_code == 200
        statements[size] = len(sent)
        answers[size] = _without_numbers(response.get_data())
    assert statements[500] == statements[10], statements
    assert answers[500] == answers[10]
