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
