"""Pure layout operations on plain data: orders of ids, moves, and layout changes.

Nothing here touches the database or the request, so every rule is tested directly.
"""

from collections.abc import Sequence

from blog.models.pages import LAYOUTS, column_count

LAYOUT_LABELS = {
    "1": "1 column",
    "1-1": "2 columns",
    "1-1-1": "3 columns",
    "1-1-1-1": "4 columns",
    "1-2": "1/3 + 2/3",
    "2-1": "2/3 + 1/3",
}
assert set(LAYOUT_LABELS) == set(LAYOUTS)


DIRECTIONS = ("up", "down")


class OrderConflict(ValueError):
    """The posted order does not match what the container holds now."""


def checked_order(
    current: Sequence[int], posted: Sequence[int], movable: Sequence[int] = ()
) -> list[int]:
    """The posted order, if it holds exactly the container's ids, plus at most one id from
    `movable` (a block dragged in from elsewhere on the page); else OrderConflict."""
    posted = list(posted)
    if len(set(posted)) != len(posted):
        raise OrderConflict("the new order lists an item twice")
    arrived = set(posted) - set(current)
    if set(current) - set(posted):
        raise OrderConflict("the new order leaves out items the container holds")
    if len(arrived) > 1 or not arrived <= set(movable):
        raise OrderConflict("the new order holds items that are not in this container")
    return posted


def moved(ids: Sequence[int], item: int, direction: str) -> list[int]:
    """The order after moving `item` one place "up" or "down"; unchanged at either end."""
    order = list(ids)
    index = order.index(item)
    target = index - 1 if direction == "up" else index + 1
    if direction not in DIRECTIONS or not 0 <= target < len(order):
        return order
    order[index], order[target] = order[target], order[index]
    return order


def last_column_after_layout_change(
    blocks: Sequence[tuple[int, int]], new_layout: str
) -> list[int]:
    """Where blocks go when a row's layout changes. `blocks` is (block id, column) in the
    row's order. Blocks of columns that disappear join the end of the last remaining column,
    in their order; returns that column's new order, or [] when no block has to move."""
    last = column_count(new_layout) - 1
    arriving = [block_id for block_id, column in blocks if column > last]
    if not arriving:
        return []
    return [block_id for block_id, column in blocks if column == last] + arriving


# Moves between columns stay within the block's row: "previous" and "next" column.
SIDES = ("previous", "next")


def column_beside(column: int, count: int, side: str) -> int | None:
    """The column before ("previous") or after ("next") `column` in a row of `count`
    columns; None past either end of the row."""
    target = column - 1 if side == "previous" else column + 1
    if side not in SIDES or not 0 <= target < count:
        return None
    return target


def matching_column(column: int, count: int) -> int:
    """Where a block from `column` lands in a neighbouring row of `count` columns: the same
    column, or that row's last one when it has fewer."""
    return min(column, count - 1)


def inserted(ids: Sequence[int], item: int, index: int) -> list[int]:
    """The order with `item` put in at `index` (at the end when `index` is past it)."""
    order = list(ids)
    order.insert(min(index, len(order)), item)
    return order


def columns_given_back(
    merges: Sequence[tuple[int, int, int]], columns: dict[int, int], old_count: int, new_count: int
) -> dict[int, int]:
    """Where blocks go back to when a row grows from `old_count` to `new_count` columns.
    `merges` are (block id, column it came from, column it was merged into) as earlier
    layout changes recorded them, newest first; `columns` is each live block's column now.
    A block goes back to a column the change creates when it is still in the column it was
    merged into; merges older than that are followed on from there (3 to 2 to 1 and back to
    3 gives each block its first column again). Returns block id to its new column."""
    now = dict(columns)
    back: dict[int, int] = {}
    for block_id, came_from, merged_into in merges:
        if old_count <= came_from < new_count and now.get(block_id) == merged_into:
            now[block_id] = back[block_id] = came_from
    return back
