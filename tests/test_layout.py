"""Pure layout operations: orders, moves and layout changes."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blog.content.layout import (
    LAYOUT_LABELS,
    OrderConflict,
    checked_order,
    column_beside,
    inserted,
    last_column_after_layout_change,
    matching_column,
    moved,
)
from blog.models.pages import column_count


def test_layout_labels_name_every_layout():
    assert LAYOUT_LABELS["1-2"] == "1/3 + 2/3"
    assert [column_count(layout) for layout in LAYOUT_LABELS] == [1, 2, 3, 4, 2, 2]


def test_a_reordering_of_the_same_ids_is_accepted():
    assert checked_order([1, 2, 3], [3, 1, 2]) == [3, 1, 2]


def test_one_block_dragged_in_from_elsewhere_is_accepted():
    assert checked_order([1, 2], [1, 9, 2], movable=[9, 10]) == [1, 9, 2]


@pytest.mark.parametrize(
    "posted, movable",
    [
        ([1, 2], ()),  # one left out
        ([1, 2, 3, 4], ()),  # one from nowhere
        ([1, 2, 3, 9, 10], (9, 10)),  # two dragged in at once
        ([1, 2, 2, 3], ()),  # a duplicate
        ([1, 2, 3, 7], (9,)),  # from another page
    ],
)
def test_orders_that_do_not_match_the_container_conflict(posted, movable):
    with pytest.raises(OrderConflict):
        checked_order([1, 2, 3], posted, movable)


@given(st.lists(st.integers(), min_size=1, max_size=20, unique=True), st.data())
def test_any_permutation_is_accepted(ids, data):
    permutation = data.draw(st.permutations(ids))
    assert checked_order(ids, permutation) == list(permutation)


def test_move_up_and_down_swap_neighbours_and_stop_at_the_ends():
    assert moved([1, 2, 3], 2, "up") == [2, 1, 3]
    assert moved([1, 2, 3], 2, "down") == [1, 3, 2]
    assert moved([1, 2, 3], 1, "up") == [1, 2, 3]
    assert moved([1, 2, 3], 3, "down") == [1, 2, 3]


def test_blocks_of_a_vanishing_column_go_to_the_end_of_the_last_remaining_one():
    blocks = [(1, 0), (5, 1), (2, 1), (3, 2), (4, 3)]
    assert last_column_after_layout_change(blocks, "1-1") == [5, 2, 3, 4]
    assert last_column_after_layout_change(blocks, "1") == [1, 5, 2, 3, 4]
    assert last_column_after_layout_change(blocks, "1-1-1-1") == []


@pytest.mark.parametrize(
    "column, count, side, expected",
    [(0, 2, "next", 1), (1, 2, "previous", 0), (0, 2, "previous", None), (1, 2, "next", None)]
    + [(0, 1, "next", None), (2, 4, "sideways", None)],
)
def test_column_moves_stay_within_the_row(column, count, side, expected):
    assert column_beside(column, count, side) == expected


@pytest.mark.parametrize("column, count, expected", [(1, 3, 1), (3, 2, 1), (0, 1, 0)])
def test_a_block_lands_in_the_matching_column_or_the_last_one(column, count, expected):
    assert matching_column(column, count) == expected


def test_a_block_keeps_its_place_in_a_column_or_goes_to_its_end():
    assert inserted([1, 2, 3], 9, 1) == [1, 9, 2, 3]
    assert inserted([1], 9, 4) == [1, 9]
