"""Builder views for rows: add, change layout, move, duplicate, delete and drag-and-drop."""

import re

import pytest
from sqlalchemy import create_engine, delete, event

from blog.content.layout import LAYOUT_LABELS
from blog.extensions import db
from blog.models import Row
from blog.models.pages import column_count

from helpers.builder_pages import (
    announcement,
    back_to_editor,
    build_page,
    column_ids,
    editor_page,
    fragment,
    mark_deleted,
    outline,
    parse_html,
    row_ids,
    stored_state,
)

THREE_ROWS = [("1", [["Top"]]), ("1-1", [["Middle left"], ["Middle right"]]), ("1", [["Bottom"]])]


def _own_page(app, auth, *rows):
    """Log in as an author and build them a page of these rows."""
    return build_page(app, auth.login_as("author"), *rows)


# Add Row


@pytest.mark.parametrize("layout", sorted(LAYOUT_LABELS))
def test_add_row_appends_a_row_with_the_chosen_layout(app, auth, htmx, layout):
    page = _own_page(app, auth)
    response = htmx.post(f"/builder/pages/{page.id}/rows", data={"layout": layout})
    [old, new] = row_ids(app, page.id)
    row = fragment(response)
    assert row.id == f"row-{new}"
    assert row.ids("builder-column") == [f"column-{new}-{c}" for c in range(column_count(layout))]
    assert announcement(response) == f"Row with {LAYOUT_LABELS[layout]} added."
    assert outline(app, page.id)[1] == (layout, [[]] * column_count(layout))


def test_add_row_without_javascript_redirects_to_the_new_row(app, auth, client):
    page = _own_page(app, auth)
    response = client.post(f"/builder/pages/{page.id}/rows", data={"layout": "1-2"})
    new = row_ids(app, page.id)[-1]
    assert back_to_editor(response, page.id).endswith(f"#row-{new}")


@pytest.mark.parametrize("route", ["/builder/pages/{page}/rows", "/builder/rows/{row}/layout"])
def test_unknown_layout_is_refused(app, auth, htmx, route):
    page = _own_page(app, auth)
    before = stored_state(app)
    url = route.format(page=page.id, row=page.rows[0])
    response = htmx.post(url, data={"layout": "1-1-1-1-1"})
    assert response.status_code == 422
    assert announcement(response) == "Choose one of the listed layouts."
    assert stored_state(app) == before


@pytest.mark.parametrize("route", ["/builder/pages/{page}/rows", "/builder/rows/{row}/layout"])
def test_unknown_layout_without_javascript_shows_the_editor_with_the_message(
    app, auth, client, route
):
    page = _own_page(app, auth)
    before = stored_state(app)
    response = client.post(route.format(page=page.id, row=page.rows[0]), data={"layout": "9"})
    html = editor_page(response, 422)
    assert "Choose one of the listed layouts." in html.find("main").text
    assert stored_state(app) == before


# Layout


@pytest.mark.parametrize(
    "layout, columns",
    [
        ("1-1", [["A", "B"], ["C", "D", "E"]]),
        ("1", [["A", "B", "C", "D", "E"]]),
        ("1-1-1-1", [["A", "B"], ["C"], ["D", "E"], []]),
    ],
)
def test_changing_layout_keeps_every_block_in_order(app, auth, htmx, layout, columns):
    page = _own_page(app, auth, ("1-1-1", [["A", "B"], ["C"], ["D", "E"]]))
    [row_id] = page.rows
    response = htmx.post(f"/builder/rows/{row_id}/layout", data={"layout": layout})
    row = fragment(response)
    assert row.id == f"row-{row_id}"
    assert outline(app, page.id) == [(layout, columns)]
    blocks = [block for column in page.blocks[0] for block in column]
    assert row.ids("builder-block") == [f"block-{block}" for block in blocks]


def test_changing_layout_without_javascript_redirects_to_the_row(app, auth, client):
    page = _own_page(app, auth)
    response = client.post(f"/builder/rows/{page.rows[0]}/layout", data={"layout": "2-1"})
    assert back_to_editor(response, page.id).endswith(f"#row-{page.rows[0]}")
    assert outline(app, page.id) == [("2-1", [["First", "Second", "Third"], []])]


# Move


@pytest.mark.parametrize(
    "direction, order, neighbour", [("up", [1, 0, 2], 0), ("down", [0, 2, 1], 2)]
)
def test_move_row_answers_the_two_rows_that_changed_places(
    app, auth, htmx, direction, order, neighbour
):
    page = _own_page(app, auth, *THREE_ROWS)
    moving, neighbour = page.rows[1], page.rows[neighbour]
    response = htmx.post(f"/builder/rows/{moving}/move", data={"direction": direction})
    expected = [page.rows[index] for index in order]
    assert row_ids(app, page.id) == expected
    fragment(response)
    answer = parse_html(response.get_data(as_text=True))
    pair = [row for row in expected if row in (moving, neighbour)]
    # Swapped in place of the moved row; the neighbour's old element goes first.
    [removed] = answer.find_all(**{"hx-swap-oob": "delete"})
    assert removed.id == f"row-{neighbour}"
    assert answer.ids("builder-row") == [f"row-{row}" for row in pair]
    assert announcement(response) == f"Row moved {direction}."


def test_move_row_answer_does_not_grow_with_the_page(app, auth, htmx):
    author = auth.login_as("author")
    answers = []
    for other_rows in (1, 58):
        rows = [("1-1", [["Left"], ["Right"]])] * 2 + [("1", [["Other"]])] * other_rows
        page = build_page(app, author, *rows, title=f"Page of {other_rows + 2} rows")
        response = htmx.post(f"/builder/rows/{page.rows[1]}/move", data={"direction": "up"})
        assert row_ids(app, page.id)[:2] == [page.rows[1], page.rows[0]]
        body = response.get_data(as_text=True)
        shown = {int(row) for row in re.findall(r"row-(\d+)", body)}
        assert shown == {page.rows[0], page.rows[1]}
        # The form tokens are signed with the second they were made in: they may differ.
        body = re.sub(r'name="csrf_token" value="[^"]*"', 'name="csrf_token"', body)
        answers.append(re.sub(r"\d+", "#", body))
    # Ids and tokens aside, moving a row on a page of 60 rows answers the same bytes as on one of 3.
    assert answers[0] == answers[1]


@pytest.mark.parametrize("end, direction, word", [(0, "up", "first"), (2, "down", "last")])
def test_move_row_past_an_end_of_the_page_is_refused_and_shows_the_row_again(
    app, auth, htmx, end, direction, word
):
    page = _own_page(app, auth, *THREE_ROWS)
    response = htmx.post(f"/builder/rows/{page.rows[end]}/move", data={"direction": direction})
    assert fragment(response, 422).id == f"row-{page.rows[end]}"
    answer = parse_html(response.get_data(as_text=True))
    assert answer.ids("builder-row") == [f"row-{page.rows[end]}"]
    assert not answer.find_all(**{"hx-swap-oob": "delete"})
    assert announcement(response) == (
        f"This row is already {word} on the page; it cannot move {direction}."
    )
    # The button that asked stays disabled.
    button = answer.find(f"row-{page.rows[end]}-{direction}")
    assert button.attrs["aria-disabled"] == "true"
    assert row_ids(app, page.id) == page.rows


def test_move_row_in_an_unknown_direction_shows_the_row_again(app, auth, htmx):
    page = _own_page(app, auth, *THREE_ROWS)
    response = htmx.post(f"/builder/rows/{page.rows[1]}/move", data={"direction": "left"})
    # The answer takes the row's place in the editor: an empty one would remove it there.
    assert fragment(response, 422).id == f"row-{page.rows[1]}"
    assert row_ids(app, page.id) == page.rows


def test_move_row_without_javascript_redirects_to_the_row(app, auth, client):
    page = _own_page(app, auth, *THREE_ROWS)
    response = client.post(f"/builder/rows/{page.rows[2]}/move", data={"direction": "up"})
    assert back_to_editor(response, page.id).endswith(f"#row-{page.rows[2]}")
    assert row_ids(app, page.id) == [page.rows[0], page.rows[2], page.rows[1]]


def test_move_of_a_row_deleted_meanwhile_answers_the_fresh_rows_instead(app, auth, htmx):
    page = _own_page(app, auth, *THREE_ROWS)
    moving = page.rows[1]
    with app.app_context():
        engine = db.engine
    elsewhere = create_engine(engine.url)
    deleted = []

    def delete_it_once_the_move_reads_the_rows(_connection, _cursor, statement, *_):
        if not deleted and re.match(r"SELECT rows\.id\s+FROM rows", statement):
            deleted.append(moving)
            with elsewhere.begin() as other:
                other.execute(delete(Row).where(Row.id == moving))

    event.listen(engine, "before_cursor_execute", delete_it_once_the_move_reads_the_rows)
    try:
        response = htmx.post(f"/builder/rows/{moving}/move", data={"direction": "up"})
    finally:
        event.remove(engine, "before_cursor_execute", delete_it_once_the_move_reads_the_rows)
        elsewhere.dispose()
    assert deleted
    rows = fragment(response, 409)
    # The button aimed at its own row, which is gone: the answer replaces the whole list.
    assert response.headers["HX-Retarget"] == "#rows"
    assert rows.ids("builder-row") == [f"row-{page.rows[0]}", f"row-{page.rows[2]}"]


# Duplicate and delete


def test_duplicate_row_puts_a_copy_with_its_blocks_right_after_it(app, auth, htmx):
    page = _own_page(app, auth, *THREE_ROWS)
    response = htmx.post(f"/builder/rows/{page.rows[1]}/duplicate")
    rows = row_ids(app, page.id)
    copy = rows[2]
    assert fragment(response).id == f"row-{copy}"
    assert rows == [page.rows[0], page.rows[1], copy, page.rows[2]]
    shown = outline(app, page.id)
    assert shown[2] == shown[1] == ("1-1", [["Middle left"], ["Middle right"]])
    assert set(column_ids(app, copy, 0)).isdisjoint(page.blocks[1][0])


def test_duplicate_row_without_javascript_redirects_to_the_copy(app, auth, client):
    page = _own_page(app, auth)
    response = client.post(f"/builder/rows/{page.rows[0]}/duplicate")
    copy = row_ids(app, page.id)[1]
    assert back_to_editor(response, page.id).endswith(f"#row-{copy}")


def test_delete_row_removes_it_and_its_blocks_even_those_awaiting_undo(app, auth, htmx):
    page = _own_page(app, auth, *THREE_ROWS)
    mark_deleted(app, page.blocks[1][1][0])
    response = htmx.post(f"/builder/rows/{page.rows[1]}/delete")
    # htmx swaps the row for a note that offers to undo its deletion.
    note = fragment(response)
    assert (note.id, note.elements[0].text) == (f"row-{page.rows[1]}", "Row deleted.")
    assert [button.text for button in note.find_all("button")] == ["Undo"]
    assert announcement(response) == "Row deleted."
    assert outline(app, page.id) == [("1", [["Top"]]), ("1", [["Bottom"]])]
    stored = {block[0] for block in stored_state(app)["blocks"]}
    assert stored == {page.blocks[0][0][0], page.blocks[2][0][0]}


def test_delete_row_without_javascript_redirects_to_the_editor(app, auth, client):
    page = _own_page(app, auth, *THREE_ROWS)
    response = client.post(f"/builder/rows/{page.rows[0]}/delete")
    back_to_editor(response, page.id)
    assert row_ids(app, page.id) == page.rows[1:]


# Drag and drop


def test_rows_order_accepts_a_new_order_of_the_same_rows(app, auth, htmx):
    page = _own_page(app, auth, *THREE_ROWS)
    order = [page.rows[2], page.rows[0], page.rows[1]]
    response = htmx.post(f"/builder/pages/{page.id}/rows/order", data={"row": order})
    assert response.status_code == 204
    assert announcement(response) == "Row moved."
    assert row_ids(app, page.id) == order


def test_rows_order_without_javascript_redirects_to_the_editor(app, auth, client):
    page = _own_page(app, auth, *THREE_ROWS)
    order = list(reversed(page.rows))
    response = client.post(f"/builder/pages/{page.id}/rows/order", data={"row": order})
    back_to_editor(response, page.id)
    assert row_ids(app, page.id) == order


@pytest.mark.parametrize(
    "posted",
    [
        pytest.param(lambda rows, other: rows[:2], id="one-left-out"),
        pytest.param(lambda rows, other: rows + rows[:1], id="one-twice"),
        pytest.param(lambda rows, other: rows + other, id="one-more"),
        pytest.param(lambda rows, other: rows[:2] + other, id="one-swapped-for-another-pages"),
    ],
)
def test_rows_order_not_matching_the_page_is_refused_with_the_fresh_rows(
    app, auth, htmx, make_user, posted
):
    author = auth.login_as("author")
    page = build_page(app, author, *THREE_ROWS)
    other = build_page(app, make_user("author", "other@example.com"), title="Other")
    before = stored_state(app)
    data = {"row": posted(page.rows, other.rows)}
    response = htmx.post(f"/builder/pages/{page.id}/rows/order", data=data)
    rows = fragment(response, 409)
    assert rows.id == "rows"
    assert rows.ids("builder-row") == [f"row-{row}" for row in page.rows]
    assert stored_state(app) == before


def test_rows_order_conflict_without_javascript_shows_the_editor(app, auth, client):
    page = _own_page(app, auth, *THREE_ROWS)
    before = stored_state(app)
    response = client.post(f"/builder/pages/{page.id}/rows/order", data={"row": page.rows[:1]})
    html = editor_page(response, 409)
    assert html.find("rows").ids("builder-row") == [f"row-{row}" for row in page.rows]
    assert "The page changed meanwhile" in html.find("main").text
    assert stored_state(app) == before
