"""Builder views that arrange blocks: duplicate, delete and undo, and drag-and-drop (the
keyboard's moves are in block_move_views.py)."""

from sqlalchemy import select

from blog.auth.roles import any_role, require
from blog.builder import bp
from blog.builder.draft import block_after, place_blocks
from blog.builder.loading import column_blocks, editable_block, editable_row, no_room
from blog.builder.operation_log import recording
from blog.builder.responses import (
    CHANGED_MEANWHILE,
    answer_goes,
    committed,
    editor_url,
    refused,
)
from blog.content.layout import OrderConflict, checked_order
from blog.extensions import db
from blog.models import Block, Row, utcnow
from blog.numbers import posted_ids


@bp.post("/blocks/<int:block_id>/duplicate")
@require(any_role)
def duplicate_block(block_id: int):
    """A copy of the block right after it."""
    block = editable_block(block_id)
    if full := no_room(block.row.page_id, blocks=1):
        # Nothing to add after the block (an empty answer in its place would remove it).
        return answer_goes(refused(block.row.page_id, full), f"#block-{block.id}", "afterend")
    later = [b.id for b in column_blocks(block.row_id, block.column) if b.position > block.position]
    with recording(block.row.page, "Block duplicated", blocks=later) as change:
        copy = block_after(block, block.type, dict(block.data))
        change.creates("block", copy.id)
    answer = committed(
        block.row.page,
        fragment="builder/_block.html",
        redirect_to=editor_url(block.row.page_id, f"block-{copy.id}"),
        message="Block duplicated.",
        block=copy,
        focus=True,
    )
    # The toolbar posts from the block itself: the copy goes right after it.
    return answer_goes(answer, f"#block-{block.id}", "afterend")


@bp.post("/blocks/<int:block_id>/delete")
@require(any_role)
def delete_block(block_id: int):
    """Take the block off the page; it keeps its place and data until "Undo"."""
    block = editable_block(block_id)
    with recording(block.row.page, "Block deleted", blocks=[block.id]):
        block.deleted_at = utcnow()
    return committed(
        block.row.page,
        fragment="builder/_block_deleted.html",
        redirect_to=editor_url(block.row.page_id, f"column-{block.row_id}-{block.column}"),
        message="Block deleted. Press Undo to bring it back.",
        block=block,
    )


@bp.post("/blocks/<int:block_id>/undo")
@require(any_role)
def undo_delete_block(block_id: int):
    """Bring a deleted block back where it was, with its data."""
    block = editable_block(block_id, deleted=True)
    if full := no_room(block.row.page_id, blocks=1):
        return refused(block.row.page_id, full)
    with recording(block.row.page, "Block restored", blocks=[block.id]):
        if block.column >= block.row.column_count:  # its column went away meanwhile
            block.column = block.row.column_count - 1
        block.deleted_at = None
    return committed(
        block.row.page,
        fragment="builder/_block.html",
        redirect_to=editor_url(block.row.page_id, f"block-{block.id}"),
        message="Block restored.",
        block=block,
        focus=True,
    )


@bp.post("/rows/<int:row_id>/columns/<int:column>/order")
@require(any_role)
def order_blocks(row_id: int, column: int):
    """Drag and drop: the column's block ids in their new order, with at most one block
    dragged in from another column of the page. Any other set is a conflict (409) and the
    fresh column comes back."""
    row = editable_row(row_id)
    posted = posted_ids("block")
    current = [block.id for block in column_blocks(row.id, column)]
    arrivals = db.session.execute(
        select(Block.id, Block.row_id, Block.column)
        .join(Row)
        .where(
            Block.id.in_(set(posted) - set(current)),
            Row.page_id == row.page_id,
            Block.deleted_at.is_(None),
        )
    ).all()
    try:
        if not 0 <= column < row.column_count:
            raise OrderConflict("that column does not exist")
        order = checked_order(current, posted, movable=[arrival.id for arrival in arrivals])
    except OrderConflict:
        db.session.rollback()
        sources = {(a.row_id, a.column) for a in arrivals}
        return refused(
            row.page_id,
            CHANGED_MEANWHILE,
            status=409,
            fragment="builder/_column_conflict.html",
            row=row,
            column=column,
            blocks=lambda: column_blocks(row.id, column),
            sources=lambda: [(db.session.get(Row, r), c, column_blocks(r, c)) for r, c in sources],
        )
    with recording(row.page, "Block moved", blocks=[*current, *order]):
        place_blocks(order, row.id, column)
    # The browser already shows the new order: nothing to swap.
    return committed(
        row.page,
        redirect_to=editor_url(row.page_id, f"column-{row.id}-{column}"),
        status=204,
        message="Block moved.",
    )
