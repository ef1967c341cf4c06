"""Keyboard moves between columns and rows: "Move to previous/next column" within a row, and
"Move up"/"Move down" on past a column's end into the neighbouring row; each answered with
the two columns it changed (or a 303 without JavaScript), refused in words at the ends, and
undone exactly."""

import pytest

from helpers.builder_pages import (
    announcement,
    back_to_editor,
    build_page,
    editor_page,
    fragment,
    outline,
    parse_html,
    stored_state,
)
from helpers.stored_documents import exported
from helpers.support import PASSWORD

# Row 0: A B | C; row 1: D | E F; row 2 (one column): G.
ROWS = [("1-1", [["A", "B"], ["C"]]), ("1-1", [["D"], ["E", "F"]]), ("1", [["G"]])]


def _page(app, auth):
    return build_page(app, auth.login_as("author"), *ROWS)


def _to_column(client, block_id, side):
    return client.post(f"/builder/blocks/{block_id}/move-to-column", data={"column": side})


def _move(client, block_id, direction):
    return client.post(f"/builder/blocks/{block_id}/move", data={"direction": direction})


def _columns_answered(response):
    """The columns an htmx answer swaps: (id, block texts) of each, the first in place of the
    column that asked, the others out of band."""
    tree = parse_html(response.get_data(as_text=True))
    columns = tree.find_all(class_="builder-column")
    return [
        (c.id, "hx-swap-oob" in c.attrs, [b.text for b in c.find_all(class_="block-preview")])
        for c in columns
    ]


# Between columns of a row


def test_move_to_next_column_answers_the_two_columns_and_keeps_the_blocks_place(app, auth, htmx):
    page = _page(app, auth)
    d = page.blocks[1][0][0]
    row = page.rows[1]
    response = _to_column(htmx, d, "next")
    assert fragment(response).id == f"column-{row}-0"
    assert response.headers["HX-Retarget"] == f"#column-{row}-0"
    assert announcement(response) == "Block moved to column 2."
    assert _columns_answered(response) == [
        (f"column-{row}-0", False, []),
        (f"column-{row}-1", True, ["D", "E", "F"]),
    ]
    assert outline(app, page.id)[1] == ("1-1", [[], ["D", "E", "F"]])


def test_a_block_lower_than_the_other_column_reaches_its_end(app, auth, htmx):
    page = _page(app, auth)
    b = page.blocks[0][0][1]
    assert announcement(_to_column(htmx, b, "next")) == "Block moved to column 2."
    assert outline(app, page.id)[0] == ("1-1", [["A"], ["C", "B"]])


def test_move_to_previous_column_without_javascript_redirects_to_the_block(app, auth, client):
    page = _page(app, auth)
    f = page.blocks[1][1][1]
    response = _to_column(client, f, "previous")
    assert back_to_editor(response, page.id).endswith(f"#block-{f}")
    assert outline(app, page.id)[1] == ("1-1", [["D", "F"], ["E"]])


@pytest.mark.parametrize(
    "row, column, side, words",
    [
        (0, 0, "previous", "This block is already in its row's first column;"),
        (0, 1, "next", "This block is already in its row's last column;"),
        (2, 0, "next", "This block is already in its row's last column;"),
    ],
)
def test_a_column_move_past_the_rows_end_is_refused_in_words(
    app, auth, htmx, client, row, column, side, words
):
    page = _page(app, auth)
    block = page.blocks[row][column][0]
    before = stored_state(app)
    response = _to_column(htmx, block, side)
    assert fragment(response, 422).id == f"block-{block}"
    assert announcement(response).startswith(words)
    assert f"it cannot move to a {side} one." in announcement(response)
    plain = editor_page(_to_column(client, block, side), 422)
    assert words in plain.find_all(class_="flash")[0].text
    assert stored_state(app) == before


def test_a_column_move_without_a_side_is_refused(app, auth, htmx):
    page = _page(app, auth)
    before = stored_state(app)
    response = _to_column(htmx, page.blocks[0][0][0], "sideways")
    assert response.status_code == 422
    assert announcement(response) == "Choose the previous or the next column."
    assert stored_state(app) == before


# On into the neighbouring row


def test_move_up_from_the_top_of_a_column_goes_to_the_end_of_the_row_above(app, auth, htmx):
    page = _page(app, auth)
    e = page.blocks[1][1][0]
    response = _move(htmx, e, "up")
    assert announcement(response) == "Block moved to the previous row."
    assert _columns_answered(response) == [
        (f"column-{page.rows[1]}-1", False, ["F"]),
        (f"column-{page.rows[0]}-1", True, ["C", "E"]),
    ]
    assert outline(app, page.id)[:2] == [
        ("1-1", [["A", "B"], ["C", "E"]]),
        ("1-1", [["D"], ["F"]]),
    ]


def test_move_down_from_the_bottom_of_a_column_goes_to_the_start_of_the_row_below(
    app, auth, client
):
    page = _page(app, auth)
    b = page.blocks[0][0][1]
    response = _move(client, b, "down")
    assert back_to_editor(response, page.id).endswith(f"#block-{b}")
    assert outline(app, page.id)[:2] == [
        ("1-1", [["A"], ["C"]]),
        ("1-1", [["B", "D"], ["E", "F"]]),
    ]


def test_a_row_with_fewer_columns_takes_the_block_in_its_last_column(app, auth, htmx):
    page = _page(app, auth)
    f = page.blocks[1][1][1]
    response = _move(htmx, f, "down")
    assert announcement(response) == "Block moved to the next row, column 1."
    assert outline(app, page.id)[2] == ("1", [["F", "G"]])


@pytest.mark.parametrize("row, column, direction", [(0, 1, "up"), (2, 0, "down")])
def test_a_move_past_the_pages_very_end_is_refused_in_words(
    app, auth, htmx, row, column, direction
):
    page = _page(app, auth)
    block = page.blocks[row][column][0]
    before = stored_state(app)
    response = _move(htmx, block, direction)
    assert fragment(response, 422).id == f"block-{block}"
    end, which = ("first", "first") if direction == "up" else ("last", "last")
    assert announcement(response) == (
        f"This block is already {end} in its column of the page's {which} row;"
        f" it cannot move {direction}."
    )
    assert stored_state(app) == before


# What the editor offers without JavaScript


def _actions(client, page_id, block_id):
    html = editor_page(client.get(f"/builder/pages/{page_id}?edit={block_id}"))
    [actions] = html.find_all(class_="block-actions")
    return {
        button.attrs["aria-label"]: button.attrs.get("aria-disabled") == "true"
        for button in actions.find_all("button")
        if "aria-label" in button.attrs
    }


@pytest.mark.parametrize(
    "row, column, index, disabled",
    [
        (0, 0, 0, {"Move up", "Move to previous column"}),
        (0, 1, 0, {"Move up", "Move to next column"}),
        (1, 1, 0, {"Move to next column"}),
        (2, 0, 0, {"Move down", "Move to previous column", "Move to next column"}),
    ],
)
def test_block_actions_disable_only_the_moves_that_cannot_happen(
    app, auth, client, row, column, index, disabled
):
    page = _page(app, auth)
    actions = _actions(client, page.id, page.blocks[row][column][index])
    assert set(actions) == {
        "Move up",
        "Move down",
        "Move to previous column",
        "Move to next column",
    }
    assert {label for label, off in actions.items() if off} == disabled


# Undo


MOVES = {
    "to the next column": lambda c, p: _to_column(c, p.blocks[0][0][0], "next"),
    "to the previous column": lambda c, p: _to_column(c, p.blocks[1][1][1], "previous"),
    "up into the previous row": lambda c, p: _move(c, p.blocks[1][0][0], "up"),
    "down into the next row": lambda c, p: _move(c, p.blocks[1][1][1], "down"),
}


@pytest.mark.parametrize("name", MOVES)
def test_undo_of_a_move_gives_back_the_export_and_redo_makes_it_again(app, auth, client, name):
    page = _page(app, auth)
    before = exported(app, page.id)
    back_to_editor(MOVES[name](client, page), page.id)
    after = exported(app, page.id)
    assert after != before
    back_to_editor(client.post(f"/builder/pages/{page.id}/undo"), page.id)
    assert exported(app, page.id) == before
    back_to_editor(client.post(f"/builder/pages/{page.id}/redo"), page.id)
    assert exported(app, page.id) == after


def test_undo_of_a_move_into_a_column_someone_changed_since_is_refused(
    app, auth, client, make_user
):
    page = _page(app, auth)
    make_user("editor", "second@example.com")
    other = app.test_client()
    other.post("/login", data={"email": "second@example.com", "password": PASSWORD})
    e = page.blocks[1][1][0]
    back_to_editor(_move(client, e, "up"), page.id)
    back_to_editor(_move(other, e, "up"), page.id)  # C E becomes E C
    before = stored_state(app)
    response = client.post(f"/builder/pages/{page.id}/undo", headers={"HX-Request": "true"})
    assert response.status_code == 409
    assert response.get_data(as_text=True) == "Someone else changed this since; nothing was undone."
    assert stored_state(app) == before


def test_undo_of_a_move_into_the_next_row_in_place_answers_the_rows(app, auth, htmx):
    page = _page(app, auth)
    b = page.blocks[0][0][1]
    _move(htmx, b, "down")
    response = htmx.post(f"/builder/pages/{page.id}/undo")
    rows = fragment(response)
    assert announcement(response) == "Undone: Block moved to the next row."
    first = rows.find(f"column-{page.rows[0]}-0")
    assert f"block-{b}" in first.ids("builder-block")
    assert outline(app, page.id)[:2] == [("1-1", [["A", "B"], ["C"]]), ("1-1", [["D"], ["E", "F"]])]
