"""Arranging blocks: duplicate, delete and undo, move up and down, and drag-and-drop."""

import pytest
from sqlalchemy import select

from blog.extensions import db
from blog.models import Block

from helpers.builder_pages import (
    announcement,
    back_to_editor,
    build_page,
    column_ids,
    editor_page,
    fragment,
    outline,
    stored_state,
)

TWO_ROWS = [("1-1", [["A", "B", "C"], ["D"]]), ("1", [["E", "F"]])]


def _own_page(app, auth, *rows):
    """Log in as an author and build them a page of these rows."""
    return build_page(app, auth.login_as("author"), *(rows or TWO_ROWS))


def _data(app, block_id):
    with app.app_context():
        return db.session.get(Block, block_id).data


def _order_url(row_id, column):
    return f"/builder/rows/{row_id}/columns/{column}/order"


# Duplicate


def test_duplicate_block_lands_right_after_the_original(app, auth, htmx):
    page = _own_page(app, auth)
    a, b, c = page.blocks[0][0]
    response = htmx.post(f"/builder/blocks/{a}/duplicate")
    order = column_ids(app, page.rows[0], 0)
    copy = order[1]
    assert order == [a, copy, b, c]
    assert fragment(response).id == f"block-{copy}"
    assert _data(app, copy) == _data(app, a)


def test_duplicate_block_without_javascript_redirects_to_the_copy(app, auth, client):
    page = _own_page(app, auth)
    a, b, c = page.blocks[0][0]
    response = client.post(f"/builder/blocks/{c}/duplicate")
    copy = column_ids(app, page.rows[0], 0)[-1]
    assert back_to_editor(response, page.id).endswith(f"#block-{copy}")
    assert outline(app, page.id)[0][1][0] == ["A", "B", "C", "C"]


# Delete and undo


def test_delete_block_takes_it_off_the_page_and_offers_undo(app, auth, htmx):
    page = _own_page(app, auth)
    a, b, c = page.blocks[0][0]
    response = htmx.post(f"/builder/blocks/{b}/delete")
    placeholder = fragment(response)
    assert placeholder.id == f"block-{b}"
    assert placeholder.find_all("button")[0].text == "Undo"
    assert announcement(response) == "Block deleted. Press Undo to bring it back."
    assert column_ids(app, page.rows[0], 0) == [a, c]


def test_undo_brings_the_block_back_where_it_was_with_its_data(app, auth, htmx):
    page = _own_page(app, auth)
    a, b, c = page.blocks[0][0]
    htmx.post(f"/builder/blocks/{b}/delete")
    response = htmx.post(f"/builder/blocks/{b}/undo")
    restored = fragment(response)
    assert (restored.tag, restored.id) == ("article", f"block-{b}")
    assert column_ids(app, page.rows[0], 0) == [a, b, c]
    assert _data(app, b) == {"text": "B", "level": 2}


def test_delete_and_undo_without_javascript_redirect_to_the_editor(app, auth, client):
    page = _own_page(app, auth)
    a, b, c = page.blocks[0][0]
    deleted = client.post(f"/builder/blocks/{b}/delete")
    assert back_to_editor(deleted, page.id).endswith(f"#column-{page.rows[0]}-0")
    restored = client.post(f"/builder/blocks/{b}/undo")
    assert back_to_editor(restored, page.id).endswith(f"#block-{b}")
    assert column_ids(app, page.rows[0], 0) == [a, b, c]


def test_undo_of_a_block_that_was_not_deleted_is_not_found(app, auth, htmx):
    page = _own_page(app, auth)
    assert htmx.post(f"/builder/blocks/{page.blocks[0][0][0]}/undo").status_code == 404


# Move up and down


@pytest.mark.parametrize("direction, order", [("up", [1, 0, 2]), ("down", [0, 2, 1])])
def test_move_block_swaps_it_with_its_neighbour(app, auth, htmx, direction, order):
    page = _own_page(app, auth)
    blocks = page.blocks[0][0]
    response = htmx.post(f"/builder/blocks/{blocks[1]}/move", data={"direction": direction})
    column = fragment(response)
    expected = [blocks[index] for index in order]
    assert column.id == f"column-{page.rows[0]}-0"
    assert column.ids("builder-block") == [f"block-{block}" for block in expected]
    assert announcement(response) == f"Block moved {direction}."
    assert column_ids(app, page.rows[0], 0) == expected


def test_move_block_without_javascript_redirects_to_the_block(app, auth, client):
    page = _own_page(app, auth)
    a, b, c = page.blocks[0][0]
    response = client.post(f"/builder/blocks/{a}/move", data={"direction": "down"})
    assert back_to_editor(response, page.id).endswith(f"#block-{a}")
    assert column_ids(app, page.rows[0], 0) == [b, a, c]


# Drag and drop


def test_column_order_accepts_a_new_order_of_the_same_blocks(app, auth, htmx):
    page = _own_page(app, auth)
    a, b, c = page.blocks[0][0]
    response = htmx.post(_order_url(page.rows[0], 0), data={"block": [c, a, b]})
    assert response.status_code == 204
    assert announcement(response) == "Block moved."
    assert column_ids(app, page.rows[0], 0) == [c, a, b]


def test_column_order_without_javascript_redirects_to_the_column(app, auth, client):
    page = _own_page(app, auth)
    a, b, c = page.blocks[0][0]
    response = client.post(_order_url(page.rows[0], 0), data={"block": [b, c, a]})
    assert back_to_editor(response, page.id).endswith(f"#column-{page.rows[0]}-0")
    assert column_ids(app, page.rows[0], 0) == [b, c, a]


@pytest.mark.parametrize("source", [(0, 1), (1, 0)], ids=["same-row", "another-row"])
def test_block_dragged_in_from_another_column_of_the_page_moves_there(app, auth, htmx, source):
    page = _own_page(app, auth)
    source_row, source_column = source
    moved = page.blocks[source_row][source_column][0]
    a, b, c = page.blocks[0][0]
    response = htmx.post(_order_url(page.rows[0], 0), data={"block": [a, moved, b, c]})
    assert response.status_code == 204
    assert column_ids(app, page.rows[0], 0) == [a, moved, b, c]
    assert moved not in column_ids(app, page.rows[source_row], source_column)


@pytest.mark.parametrize(
    "posted",
    [
        pytest.param(lambda column, elsewhere, other_page: column[:2], id="one-left-out"),
        pytest.param(lambda column, elsewhere, other_page: column + column[:1], id="one-twice"),
        pytest.param(lambda column, elsewhere, other_page: column + other_page, id="other-page"),
        pytest.param(lambda column, elsewhere, other_page: column + elsewhere, id="two-at-once"),
    ],
)
def test_column_order_not_matching_the_column_is_refused_with_the_fresh_column(
    app, auth, htmx, make_user, posted
):
    page = _own_page(app, auth)
    stranger = make_user("author", "stranger@example.com")
    other = build_page(app, stranger, ("1", [["Not yours"]]), title="Other")
    before = stored_state(app)
    column = page.blocks[0][0]
    data = {"block": posted(column, page.blocks[1][0], other.blocks[0][0])}
    response = htmx.post(_order_url(page.rows[0], 0), data=data)
    fresh = fragment(response, 409)
    assert fresh.id == f"column-{page.rows[0]}-0"
    assert fresh.ids("builder-block") == [f"block-{block}" for block in column]
    assert "The page changed meanwhile" in announcement(response)
    assert stored_state(app) == before


def test_refused_drag_also_sends_the_source_column_fresh(app, auth, htmx):
    page = _own_page(app, auth)
    source = page.blocks[1][0]
    response = htmx.post(_order_url(page.rows[0], 0), data={"block": page.blocks[0][0] + source})
    fragment(response, 409)
    body = response.get_data(as_text=True)
    assert f'id="column-{page.rows[1]}-0" class="builder-column" hx-swap-oob="true"' in body


def test_column_order_for_a_column_the_row_does_not_have_is_refused(app, auth, htmx):
    page = _own_page(app, auth)
    before = stored_state(app)
    response = htmx.post(_order_url(page.rows[1], 1), data={"block": page.blocks[1][0]})
    assert response.status_code == 409
    assert stored_state(app) == before


def test_column_order_conflict_without_javascript_shows_the_editor(app, auth, client):
    page = _own_page(app, auth)
    before = stored_state(app)
    column = page.blocks[0][0]
    response = client.post(_order_url(page.rows[0], 0), data={"block": column[:1]})
    html = editor_page(response, 409)
    fresh = html.find(f"column-{page.rows[0]}-0")
    assert fresh.ids("builder-block") == [f"block-{block}" for block in column]
    assert "The page changed meanwhile" in html.find("main").text
    assert stored_state(app) == before


def test_deleted_blocks_cannot_be_dragged_back_in(app, auth, htmx):
    page = _own_page(app, auth)
    gone = page.blocks[1][0][0]
    htmx.post(f"/builder/blocks/{gone}/delete")
    response = htmx.post(_order_url(page.rows[0], 0), data={"block": page.blocks[0][0] + [gone]})
    assert response.status_code == 409
    with app.app_context():
        block = db.session.scalar(select(Block).where(Block.id == gone))
        assert (block.row_id, block.deleted_at is not None) == (page.rows[1], True)


@pytest.mark.parametrize("url", ["/builder/blocks/{block}/move", "/builder/rows/{row}/move"])
def test_a_move_in_an_unknown_direction_is_refused(app, auth, htmx, url):
    page = _own_page(app, auth)
    before = stored_state(app)
    response = htmx.post(
        url.format(block=page.blocks[0][0][1], row=page.rows[1]), data={"direction": "sideways"}
    )
    assert response.status_code == 422
    assert announcement(response) == "Choose to move up or down."
    assert stored_state(app) == before
