"""A page holds at most so many rows and blocks (BLOG_MAX_ROWS_PER_PAGE and
BLOG_MAX_BLOCKS_PER_PAGE): every builder action that would add one past them is refused with
the limit in words, and changes nothing."""

import pytest

from helpers.builder_pages import build_page, stored_state
from helpers.support import PASSWORD

FULL_OF_ROWS = "A page holds at most 2 rows; this one is full."
FULL_OF_BLOCKS = "A page holds at most 3 blocks; this one has no room for more."


@pytest.fixture
def small_pages(make_app, make_user):
    """An app whose pages hold 2 rows and 3 blocks, an editor logged in, and a page of one
    row with two blocks. Returns the app, the client and the page."""
    app = make_app(WTF_CSRF_ENABLED=False, MAX_ROWS_PER_PAGE=2, MAX_BLOCKS_PER_PAGE=3)
    editor = make_user("editor")
    client = app.test_client()
    client.post("/login", data={"email": "editor@example.com", "password": PASSWORD})
    return app, client, build_page(app, editor, ("1", [["One", "Two"]]))


def htmx_post(client, url: str, data: dict | None = None):
    return client.post(url, data=data or {}, headers={"HX-Request": "true"})


def test_rows_past_the_limit_are_refused(small_pages):
    app, client, page = small_pages
    added = htmx_post(client, f"/builder/pages/{page.id}/rows", {"layout": "1"})
    assert added.status_code == 200
    before = stored_state(app)
    refused = htmx_post(client, f"/builder/pages/{page.id}/rows", {"layout": "1"})
    assert refused.status_code == 422
    assert FULL_OF_ROWS in refused.headers["HX-Trigger"]
    assert stored_state(app) == before


def test_blocks_past_the_limit_are_refused_however_they_would_come(small_pages):
    app, client, page = small_pages
    row, (first, _) = page.rows[0], page.blocks[0][0]
    added = htmx_post(client, f"/builder/rows/{row}/columns/0/blocks", {"type": "heading"})
    assert added.status_code == 200
    before = stored_state(app)
    for url, data in (
        (f"/builder/rows/{row}/columns/0/blocks", {"type": "text"}),
        (f"/builder/blocks/{first}/duplicate", None),
        (f"/builder/rows/{row}/duplicate", None),
    ):
        refused = htmx_post(client, url, data)
        assert refused.status_code == 422, url
        assert FULL_OF_BLOCKS in refused.headers["HX-Trigger"], url
        assert stored_state(app) == before, url


def test_without_javascript_the_refusal_is_said_at_the_top_of_the_editor(small_pages):
    _, client, page = small_pages
    client.post(f"/builder/pages/{page.id}/rows", data={"layout": "1"})
    refused = client.post(f"/builder/pages/{page.id}/rows", data={"layout": "1"})
    assert refused.status_code == 422
    assert f'role="alert">{FULL_OF_ROWS}</p>' in refused.text


def test_a_refused_duplicate_leaves_the_block_or_row_it_was_asked_of_in_place(small_pages):
    """The toolbar posts from the block (or row) itself: the empty refusal goes after it,
    where it adds nothing, instead of replacing it."""
    _, client, page = small_pages
    row, (first, _) = page.rows[0], page.blocks[0][0]
    htmx_post(client, f"/builder/rows/{row}/columns/0/blocks", {"type": "heading"})
    for url, target in (
        (f"/builder/blocks/{first}/duplicate", f"#block-{first}"),
        (f"/builder/rows/{row}/duplicate", f"#row-{row}"),
    ):
        refused = htmx_post(client, url)
        assert refused.status_code == 422, url
        assert (refused.headers["HX-Retarget"], refused.headers["HX-Reswap"]) == (
            target,
            "afterend",
        )
