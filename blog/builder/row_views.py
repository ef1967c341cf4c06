"""Builder views for rows: add, change layout, move, duplicate, delete, drag-and-drop."""

from flask import Response, abort, render_template, request
from sqlalchemy import func, select, update

from blog.auth.roles import any_role, require
from blog.builder import bp
from blog.builder.draft import place_blocks, place_rows
from blog.builder.layout_memory import LAYOUT_CHANGED, columns_after_layout_change
from blog.builder.loading import editable_page, editable_row, no_room, rows_with_blocks
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
    LAYOUT_LABELS,
    OrderConflict,
    checked_order,
    moved,
)
from blog.extensions import db
from blog.htmx import respond
from blog.models import Block, Row
from blog.numbers import posted_ids


def _chosen_layout(page_id: int):
    layout = request.form.get("layout", "")
    if layout not in LAYOUT_LABELS:
        return None, refused(page_id, "Choose one of the listed layouts.")
    return layout, None


@bp.post("/pages/<int:page_id>/rows")
@require(any_role)
def add_row(page_id: int):
    """Add a row with the chosen layout at the end of the page."""
    page = editable_page(page_id)
    layout, refusal = _chosen_layout(page.id)
    if refusal:
        return refusal
    if full := no_room(page.id, rows=1):
        return refused(page.id, full)
    last = db.session.scalar(select(func.max(Row.position)).where(Row.page_id == page.id))
    with recording(page, "Row added") as change:
        row = Row(page=page, layout=layout, position=(last or 0) + 1)
        db.session.add(row)
        db.session.flush()
        change.creates("row", row.id)
    return committed(
        page,
        fragment="builder/_row.html",
        redirect_to=editor_url(page.id, f"row-{row.id}"),
        message=f"Row with {LAYOUT_LABELS[layout]} added.",
        row=row,
        focus=True,
    )


@bp.post("/rows/<int:row_id>/layout")
@require(any_role)
def change_layout(row_id: int):
    """Change a row's columns; blocks of columns that go away move to the last one left,
    and go back to their columns when the row gets them again (layout_memory.py)."""
    row = editable_row(row_id)
    layout, refusal = _chosen_layout(row.page_id)
    if refusal:
        return refusal
    moving = columns_after_layout_change(row, layout)
    with recording(row.page, LAYOUT_CHANGED, rows=[row.id], whole_rows=[row.id]):
        for column, order in moving.items():
            place_blocks(order, row.id, column)
        row.layout = layout
    return committed(
        row.page,
        fragment="builder/_row.html",
        redirect_to=editor_url(row.page_id, f"row-{row.id}"),
        message=f"Layout changed to {LAYOUT_LABELS[layout]}.",
        row=row,
        focus=True,
    )


def _page_row_ids(page_id: int) -> list[int]:
    return list(
        db.session.scalars(
            select(Row.id).where(Row.page_id == page_id).order_by(Row.position, Row.id)
        )
    )


@bp.post("/rows/<int:row_id>/move")
@require(any_role)
def move_row(row_id: int):
    """Move a row one place up or down (the keyboard's drag and drop). htmx gets the row and
    the neighbour it changed places with, in their new order, and nothing else of the page:
    the answer is as small on a page of a thousand rows as on a page of two."""
    row = editable_row(row_id)
    direction = request.form.get("direction", "")
    if direction not in DIRECTIONS:
        return refused(
            row.page_id, "Choose to move up or down.", fragment="builder/_row.html", row=row
        )
    current = _page_row_ids(row.page_id)
    if row.id not in current:  # deleted meanwhile
        return _fresh_rows_instead(row.page_id)
    order = moved(current, row.id, direction)
    if order == current:
        return already_at_the_end(
            row.page_id, "row", "on the page", direction, fragment="builder/_row.html", row=row
        )
    with recording(row.page, f"Row moved {direction}", rows=current):
        place_rows(order)
    # The two rows that changed places, in their new order; the ends of the page can only
    # have changed between these two.
    changed = [item for item, before in zip(order, current, strict=True) if item != before]
    return committed(
        row.page,
        fragment="builder/_rows_swapped.html",
        redirect_to=editor_url(row.page_id, f"row-{row.id}"),
        message=f"Row moved {direction}.",
        neighbour_id=next(other for other in changed if other != row.id),
        rows=lambda: rows_with_blocks(changed),
        first_row_id=order[0],
        last_row_id=order[-1],
    )


def _fresh_rows_instead(page_id: int) -> Response:
    """The 409 of a move whose row is gone: the page's rows as they are now, in place of
    the row list (the move button aims at its own row, which is no longer there)."""
    conflict = refused(page_id, CHANGED_MEANWHILE, status=409, fragment="builder/_rows.html")
    return answer_goes(conflict, "#rows")


@bp.post("/rows/<int:row_id>/duplicate")
@require(any_role)
def duplicate_row(row_id: int):
    """A copy of the row, with copies of its blocks, right after it."""
    row = editable_row(row_id)
    if full := no_room(row.page_id, rows=1, blocks=len(row.blocks)):
        # Nothing to add after the row (an empty answer in its place would remove it).
        return answer_goes(refused(row.page_id, full), f"#row-{row.id}", "afterend")
    later = db.session.scalars(
        select(Row.id).where(Row.page_id == row.page_id, Row.position > row.position)
    ).all()
    with recording(row.page, "Row duplicated", rows=later) as change:
        db.session.execute(
            update(Row)
            .where(Row.page_id == row.page_id, Row.position > row.position)
            .values(position=Row.position + 1)
            .execution_options(synchronize_session=False)
        )
        copy = Row(page_id=row.page_id, layout=row.layout, position=row.position + 1)
        copy.blocks = [
            Block(column=b.column, position=b.position, type=b.type, data=dict(b.data))
            for b in row.blocks
        ]
        db.session.add(copy)
        db.session.flush()
        change.creates_rows(copy.id)
    answer = committed(
        row.page,
        fragment="builder/_row.html",
        redirect_to=editor_url(row.page_id, f"row-{copy.id}"),
        message="Row duplicated.",
        row=copy,
        focus=True,
    )
    # The toolbar posts from the row itself: the copy goes right after it.
    return answer_goes(answer, f"#row-{row.id}", "afterend")


@bp.route("/rows/<int:row_id>/delete", methods=["GET", "POST"])
@require(any_role)
def delete_row(row_id: int):
    """Delete a row and its blocks; without JavaScript, ask first (GET)."""
    row = editable_row(row_id)
    if request.method == "GET":
        return render_template("builder/delete_row.html", row=row, blocks=len(row.blocks))
    with recording(row.page, "Row deleted", rows=[row.id], whole_rows=[row.id]) as change:
        db.session.delete(row)
    # htmx puts a note with its own Undo where the row was.
    return committed(
        row.page,
        fragment="builder/_row_deleted.html",
        redirect_to=editor_url(row.page_id),
        message="Row deleted.",
        row_id=row.id,
        page_id=row.page_id,
        operation_id=change.operation.id,
    )


@bp.get("/rows/<int:row_id>/columns/<int:column>/palette")
@require(any_role)
def column_palette(row_id: int, column: int):
    """The block types a column can take ("Add block"), loaded when asked for."""
    row = editable_row(row_id)
    if not 0 <= column < row.column_count:
        abort(404)
    return respond(
        fragment="builder/_palette.html",
        redirect_to=editor_url(row.page_id, f"column-{row.id}-{column}", add=f"{row.id}-{column}"),
        row=row,
        column=column,
        focus=True,
    )


@bp.post("/pages/<int:page_id>/rows/order")
@require(any_role)
def order_rows(page_id: int):
    """Drag and drop: the page's row ids in their new order; any other set is a conflict
    (409) and the fresh rows come back."""
    page = editable_page(page_id)
    try:
        order = checked_order(_page_row_ids(page.id), posted_ids("row"))
    except OrderConflict:
        return refused(page.id, CHANGED_MEANWHILE, status=409, fragment="builder/_rows.html")
    with recording(page, "Row moved", rows=order):
        place_rows(order)
    return committed(page, redirect_to=editor_url(page.id), status=204, message="Row moved.")
