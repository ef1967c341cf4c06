"""Adding a block right after another (the next block one key away while writing)."""

import pytest

from blog.content.blocks import REGISTRY

from helpers.builder_pages import (
    announcement,
    back_to_editor,
    build_page,
    column_ids,
    fragment,
)
from helpers.support import PASSWORD


def _three_headings(app, author_id):
    return build_page(app, author_id, ("1-1", [["First", "Second", "Third"], ["Beside"]]))


@pytest.mark.parametrize("type_name", ["text", "heading", "quote"])
def test_a_block_added_after_another_comes_right_below_it(app, auth, htmx, type_name):
    page = _three_headings(app, auth.login_as("author"))
    first, second, third = page.blocks[0][0]
    response = htmx.post(f"/builder/blocks/{first}/after", data={"type": type_name})
    form = fragment(response)
    new = int(form.id.removeprefix("block-"))
    assert form.tag == "form" and form.attrs.get("data-block-type") == type_name
    assert announcement(response) == f"{REGISTRY[type_name].label} block added."
    assert column_ids(app, page.rows[0], 0) == [first, new, second, third]
    assert column_ids(app, page.rows[0], 1) == page.blocks[0][1]  # the other column stays


def test_a_block_added_after_the_last_one_ends_the_column(app, auth, htmx):
    page = _three_headings(app, auth.login_as("author"))
    first, second, third = page.blocks[0][0]
    fragment(htmx.post(f"/builder/blocks/{third}/after", data={"type": "text"}))
    assert column_ids(app, page.rows[0], 0)[:3] == [first, second, third]
    assert len(column_ids(app, page.rows[0], 0)) == 4


def test_without_javascript_the_editor_opens_the_new_blocks_form(app, auth, client):
    page = _three_headings(app, auth.login_as("author"))
    first = page.blocks[0][0][0]
    response = client.post(f"/builder/blocks/{first}/after", data={"type": "text"})
    new = column_ids(app, page.rows[0], 0)[1]
    assert back_to_editor(response, page.id).endswith(f"?edit={new}#block-{new}")


def test_an_unknown_type_is_refused_and_nothing_is_added(app, auth, htmx):
    page = _three_headings(app, auth.login_as("author"))
    first = page.blocks[0][0][0]
    response = htmx.post(f"/builder/blocks/{first}/after", data={"type": "marquee"})
    assert response.status_code == 422
    assert announcement(response) == "Choose a block type from the list."
    assert column_ids(app, page.rows[0], 0) == page.blocks[0][0]


def test_a_full_page_takes_no_block_after_another(make_app, make_user):
    app = make_app(WTF_CSRF_ENABLED=False, MAX_BLOCKS_PER_PAGE=4)
    page = _three_headings(app, make_user("author"))
    client = app.test_client()
    client.post("/login", data={"email": "author@example.com", "password": PASSWORD})
    response = client.post(
        f"/builder/blocks/{page.blocks[0][0][0]}/after",
        data={"type": "text"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422
    assert "at most 4 blocks" in announcement(response)
    assert column_ids(app, page.rows[0], 0) == page.blocks[0][0]


def test_another_authors_page_takes_no_block(app, auth, htmx, make_user):
    page = _three_headings(app, make_user("author", email="owner@example.com"))
    auth.login_as("author")
    response = htmx.post(f"/builder/blocks/{page.blocks[0][0][0]}/after", data={"type": "text"})
    assert response.status_code == 403
    assert column_ids(app, page.rows[0], 0) == page.blocks[0][0]
