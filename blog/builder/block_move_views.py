"""Moving a block with the keyboard: "Move up" and "Move down" (past a column's end, into the
neighbouring row) and "Move to previous column" / "Move to next column" within its row. htmx
gets the columns that changed, and nothing else of the page."""

from flask import Response, request
from sqlalchemy import and_, or_, select

from blog.auth.roles import any_role, require
from blog.builder import bp
from blog.builder.draft import place_blocks
from blog.builder.loading import column_blocks, editable_block
from blog.builder.operation_log import recording
from blog.builder.responses import (
    CHANGED_MEANWHILE,
    already_at_the_end,
    answer_goes,
    committed,
    editor_url,
    refused,
)
from blog.content.layout import (
    DIRECTIONS,
    SIDES,
    column_beside,
    inserted,
    matching_column,
    moved,
)
from blog.extensions import db
from blog.models import Block, Row


def _refused_in_place(block: Block, message: str) -> Response:
    """A refused move, answered with the block as it stands and the reason."""
    return refused(block.row.page_id, message, fragment="builder/_block.html", block=block)


@bp.post("/blocks/<int:block_id>/move")
@require(any_role)
def move_block(block_id: int):
    """Move the block one place up or down (the keyboard's drag and drop): within its column,
    or from the top of a column to the end of the previous row's matching column, from the
    bottom to the start of the next row's. Refused only at the page's very ends."""
    block = editable_block(block_id)
    direction = request.form.get("direction", "")
    if direction not in DIRECTIONS:
        return _refused_in_place(block, "Choose to move up or down.")
    current = _column_or_conflict(block)
    if isinstance(current, Response):
        return current
    order = moved(current, block.id, direction)
    if order != current:
        return _moved_within_column(block, current, order, direction)
    neighbour = _neighbour_row(block.row, direction)
    if neighbour is None:
        row = "first" if direction == "up" else "last"
        return already_at_the_end(
            block.row.page_id,
            "block",
            f"in its column of the page's {row} row",
            direction,
            fragment="builder/_block.html",
            block=block,
        )
    column = matching_column(block.column, neighbour.column_count)
    there = [b.id for b in column_blocks(neighbour.id, column)]
    arrival = there + [block.id] if direction == "up" else [block.id] + there
    row_word = "previous" if direction == "up" else "next"
    message = f"Block moved to the {row_word} row"
    if column != block.column:
        message += f", column {column + 1}"
    return _moved_to_column(block, current, neighbour, column, arrival, message + ".")


@bp.post("/blocks/<int:block_id>/move-to-column")
@require(any_role)
def move_block_to_column(block_id: int):
    """Move the block to the previous or next column of its row ("column": previous | next),
    at the same place in that column (or its end, when it holds fewer blocks)."""
    block = editable_block(block_id)
    side = request.form.get("column", "")
    if side not in SIDES:
        return _refused_in_place(block, "Choose the previous or the next column.")
    target = column_beside(block.column, block.row.column_count, side)
    if target is None:
        end = "first" if side == "previous" else "last"
        return _refused_in_place(
            block,
            f"This block is already in its row's {end} column; it cannot move to a {side} one.",
        )
    current = _column_or_conflict(block)
    if isinstance(current, Response):
        return current
    there = [b.id for b in column_blocks(block.row_id, target)]
    arrival = inserted(there, block.id, current.index(block.id))
    message = f"Block moved to column {target + 1}."
    return _moved_to_column(block, current, block.row, target, arrival, message)


def _column_or_conflict(block: Block) -> list[int] | Response:
    """The ids of the block's column in order, or the 409 with the fresh column when the
    block is no longer in it (someone dragged it elsewhere meanwhile)."""
    in_column = column_blocks(block.row_id, block.column)
    current = [b.id for b in in_column]
    if block.id in current:
        return current
    conflict = refused(
        block.row.page_id,
        CHANGED_MEANWHILE,
        status=409,
        fragment="builder/_column.html",
        row=block.row,
        column=block.column,
        blocks=in_column,
    )
    return answer_goes(conflict, f"#column-{block.row_id}-{block.column}")


def _neighbour_row(row: Row, direction: str) -> Row | None:
    """The row just above ("up") or below ("down") this one on its page, if any."""
    if direction == "up":
        beyond = or_(
            Row.position < row.position, and_(Row.position == row.position, Row.id < row.id)
        )
        order = (Row.position.desc(), Row.id.desc())
    else:
        beyond = or_(
            Row.position > row.position, and_(Row.position == row.position, Row.id > row.id)
        )
        order = (Row.position, Row.id)
    return db.session.scalar(
        select(Row).where(Row.page_id == row.page_id, beyond).order_by(*order).limit(1)
    )


def _moved_within_column(block: Block, current: list[int], order: list[int], direction: str):
    row_id, column = block.row_id, block.column
    with recording(block.row.page, f"Block moved {direction}", blocks=current):
        place_blocks(order, row_id, column)
    answer = committed(
        block.row.page,
        fragment="builder/_column.html",
        redirect_to=editor_url(block.row.page_id, f"block-{block.id}"),
        message=f"Block moved {direction}.",
        row=block.row,
        column=column,
        blocks=lambda: column_blocks(row_id, column),
    )
    return answer_goes(answer, f"#column-{row_id}-{column}")


def _moved_to_column(
    block: Block, current: list[int], row: Row, column: int, arrival: list[int], message: str
) -> Response:
    """Take the block out of its column (`current`) and put it into `column` of `row` in the
    order `arrival`, as one recorded change. htmx gets the column it left, in its place, and
    the column it joined, out of band."""
    from_row, from_column = block.row, block.column
    left = [item for item in current if item != block.id]
    with recording(block.row.page, message.rstrip("."), blocks=[*current, *arrival]):
        place_blocks(left, from_row.id, from_column)
        place_blocks(arrival, row.id, column)
    answer = committed(
        block.row.page,
        fragment="builder/_columns_moved.html",
        redirect_to=editor_url(block.row.page_id, f"block-{block.id}"),
        message=message,
        row=from_row,
        column=from_column,
        blocks=lambda: column_blocks(from_row.id, from_column),
        joined=lambda: (row, column, column_blocks(row.id, column)),
    )
    return answer_goes(answer, f"#column-{from_row.id}-{from_column}")
