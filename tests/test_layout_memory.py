"""A layout change remembers where blocks came from: fewer columns merge the blocks of the
columns that go into the last one left; more columns again give those blocks back their
columns, if they are still where the merge put them. Every layout change can be undone."""

import pytest

from blog.content.layout import columns_given_back

from helpers.builder_pages import back_to_editor, build_page, fragment, outline
from helpers.stored_documents import exported


def _layout(client, row_id, layout):
    response = client.post(f"/builder/rows/{row_id}/layout", data={"layout": layout})
    assert response.status_code in (200, 303), response.get_data(as_text=True)[:2000]
    return response


def _first_row(app, page_id):
    return outline(app, page_id)[0]


def test_two_columns_to_one_and_back_puts_the_blocks_back_in_column_two(app, auth, client):
    page = build_page(app, auth.login_as("author"), ("1-1", [["A", "B"], ["C", "D"]]))
    start = exported(app, page.id)
    _layout(client, page.rows[0], "1")
    assert _first_row(app, page.id) == ("1", [["A", "B", "C", "D"]])
    _layout(client, page.rows[0], "1-1")
    assert exported(app, page.id) == start


def test_the_way_back_in_place_answers_the_row_with_its_columns_filled(app, auth, htmx):
    page = build_page(app, auth.login_as("author"), ("1-1-1", [["A"], ["B"], ["C"]]))
    _layout(htmx, page.rows[0], "1")
    row = fragment(_layout(htmx, page.rows[0], "1-1-1"))
    assert row.id == f"row-{page.rows[0]}"
    columns = row.find_all(class_="builder-column")
    previews = [c.find_all(class_="block-preview")[0].text for c in columns]
    assert previews == ["A", "B", "C"]


def test_a_block_moved_away_since_the_merge_stays_where_it_was_put(app, auth, client):
    page = build_page(app, auth.login_as("author"), ("1-1", [["A"], ["B", "C"]]), ("1", [["Z"]]))
    b, c = page.blocks[0][1]
    _layout(client, page.rows[0], "1")
    back_to_editor(
        client.post(f"/builder/blocks/{c}/move", data={"direction": "down"}), page.id
    )  # C goes on into the next row
    client.post(f"/builder/blocks/{b}/delete")
    client.post(f"/builder/blocks/{b}/undo")  # B is back, still in column 1
    _layout(client, page.rows[0], "1-1")
    assert outline(app, page.id) == [("1-1", [["A"], ["B"]]), ("1", [["C", "Z"]])]


def test_three_to_two_to_one_and_back_to_three_gives_every_block_its_column(app, auth, client):
    page = build_page(app, auth.login_as("author"), ("1-1-1", [["A"], ["B"], ["C"]]))
    start = exported(app, page.id)
    _layout(client, page.rows[0], "1-1")
    _layout(client, page.rows[0], "1")
    _layout(client, page.rows[0], "1-2")
    assert _first_row(app, page.id) == ("1-2", [["A"], ["B", "C"]])
    _layout(client, page.rows[0], "1-1-1")
    assert exported(app, page.id) == start


def test_a_merge_the_row_grew_out_of_since_is_forgotten(app, auth, client):
    page = build_page(app, auth.login_as("author"), ("1-1", [["A"], ["B"]]))
    b = page.blocks[0][1][0]
    _layout(client, page.rows[0], "1")
    _layout(client, page.rows[0], "1-1")
    # B is put in column 1 (at its top) by hand, so the next merge moves nothing: it stays.
    client.post(f"/builder/blocks/{b}/move-to-column", data={"column": "previous"})
    _layout(client, page.rows[0], "1")
    _layout(client, page.rows[0], "1-1")
    assert _first_row(app, page.id) == ("1-1", [["B", "A"], []])


def test_an_undone_way_back_is_not_remembered_as_the_row_having_grown(app, auth, client):
    page = build_page(app, auth.login_as("author"), ("1-1", [["A"], ["B"]]))
    start = exported(app, page.id)
    _layout(client, page.rows[0], "1")
    _layout(client, page.rows[0], "1-1")
    back_to_editor(client.post(f"/builder/pages/{page.id}/undo"), page.id)
    assert _first_row(app, page.id) == ("1", [["A", "B"]])
    _layout(client, page.rows[0], "1-1")
    assert exported(app, page.id) == start


@pytest.mark.parametrize("steps", [["1"], ["1", "1-1"], ["1-1-1-1", "1", "2-1"]])
def test_each_layout_change_is_undone_back_to_the_start(app, auth, client, steps):
    page = build_page(app, auth.login_as("author"), ("1-1", [["A", "B"], ["C"]]))
    exports = [exported(app, page.id)]
    for layout in steps:
        _layout(client, page.rows[0], layout)
        exports.append(exported(app, page.id))
    for expected in reversed(exports[:-1]):
        back_to_editor(client.post(f"/builder/pages/{page.id}/undo"), page.id)
        assert exported(app, page.id) == expected


# The rule itself, on plain data


def test_blocks_go_back_only_to_the_columns_the_change_creates():
    merges = [(7, 1, 0), (8, 2, 0)]
    assert columns_given_back(merges, {7: 0, 8: 0, 9: 0}, 1, 2) == {7: 1}
    assert columns_given_back(merges, {7: 0, 8: 0}, 2, 3) == {8: 2}


def test_a_block_no_longer_where_it_was_merged_is_not_given_back():
    assert columns_given_back([(7, 1, 0)], {7: 1}, 1, 2) == {}
    assert columns_given_back([(7, 1, 0)], {}, 1, 2) == {}


def test_merges_are_followed_back_one_after_another():
    # 3 -> 2 put block 5 from column 2 into 1; 2 -> 1 then put it into 0.
    merges_newest_first = [(5, 1, 0), (5, 2, 1)]
    assert columns_given_back(merges_newest_first, {5: 0}, 1, 3) == {5: 2}
