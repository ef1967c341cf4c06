"""Where a row's blocks came from: when a row gets more columns again, the blocks that an
earlier layout change merged out of those columns go back to them, if they are still where
the merge put them. Read from the page's operation log (the records of "Layout changed"),
so nothing is stored for it beyond what Undo already keeps."""

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from blog.content.layout import columns_given_back, last_column_after_layout_change
from blog.extensions import db
from blog.models import Block, Operation, Row
from blog.models.pages import column_count

LAYOUT_CHANGED = "Layout changed"


def _row_change(operation: Operation, row_id: int) -> dict[str, Any] | None:
    return next(
        (c for c in operation.changes if c["kind"] == "row" and c["id"] == row_id),
        None,
    )


def _merges(operation: Operation, row_id: int) -> Iterator[tuple[int, int, int]]:
    """The blocks this layout change moved from a column of the row into an earlier one."""
    for change in operation.changes:
        before, after = change["before"], change["after"]
        if change["kind"] != "block" or before is None or after is None:
            continue
        if before["row"] == after["row"] == row_id and before["column"] > after["column"]:
            yield change["id"], before["column"], after["column"]


def recorded_merges(row: Row, new_count: int) -> list[tuple[int, int, int]]:
    """(block, column it came from, column it was merged into) for the row's layout changes
    not undone, newest first, back to the last time the row had `new_count` columns or more
    (older merges were undone by the row growing since)."""
    found = db.session.scalars(
        select(Operation)
        .where(
            Operation.page_id == row.page_id,
            Operation.label == LAYOUT_CHANGED,
            Operation.undone.is_(False),
        )
        .order_by(Operation.id.desc())
    )
    merges: list[tuple[int, int, int]] = []
    for operation in found:
        change = _row_change(operation, row.id)
        if change is None or change["before"] is None or change["after"] is None:
            continue
        if column_count(change["after"]["layout"]) >= new_count:
            break
        merges.extend(_merges(operation, row.id))
        if column_count(change["before"]["layout"]) >= new_count:
            break
    return merges


def columns_after_layout_change(row: Row, new_layout: str) -> dict[int, list[int]]:
    """The columns of the row whose blocks change when its layout becomes `new_layout`,
    each with its blocks' ids in their new order. Fewer columns: the blocks of the columns
    that go away join the end of the last one left. More columns: blocks go back to the
    columns they were merged out of (see columns_given_back)."""
    old_count, new_count = row.column_count, column_count(new_layout)
    blocks: list[Block] = list(row.blocks)  # live blocks, by column then position
    if new_count < old_count:
        merged = last_column_after_layout_change([(b.id, b.column) for b in blocks], new_layout)
        return {new_count - 1: merged} if merged else {}
    if new_count == old_count:
        return {}
    back = columns_given_back(
        recorded_merges(row, new_count), {b.id: b.column for b in blocks}, old_count, new_count
    )
    if not back:
        return {}
    changed = {back[b.id] for b in blocks if b.id in back} | {
        b.column for b in blocks if b.id in back
    }
    return {
        column: [b.id for b in blocks if back.get(b.id, b.column) == column]
        for column in sorted(changed)
    }
