"""Builder views for rows: add, change layout, move, duplicate, delete, drag-and-drop."""

from flask import request
from sqlalchemy import func, select, update

from blog.auth.roles import any_role, require
from blog.builder import bp
from blog.builder.layout import (
    DIRECTIONS,
    LAYOUT_LABELS,
    OrderConflict,
    checked_order,
    column_count,
    last_column_after_layout_change,
    moved,
)
from blog.builder.loading import editable_page, editable_row, place_blocks, place_rows, touch
from blog.builder.responses import (
    CHANGED_MEANWHILE,
    changed,
    committed,
    editor_url,
    refused_in_editor,
)
from blog.extensions import db
from blog.models import Block, Row
from blog.numbers import posted_ids


def _chosen_layout(page_id: int):
    layout = request.form.get("layout", "")
    if layout not in LAYOUT_LABELS:
        return None, refused_in_editor(page_id, None, 422, "Choose one of the listed layouts.")
    return layout, None


@bp.post("/pages/<int:page_id>/rows")
@require(any_role)
def add_row(page_id: int):
    """Add a row with the chosen layout at the end of the page."""
    page = editable_page(page_id)
    layout, refusal = _chosen_layout(page.id)
    if refusal:
        return refusal
    last = db.session.scalar(select(func.max(Row.position)).where(Row.page_id == page.id))
    row = Row(page=page, layout=layout, position=(last or 0) + 1)
    db.session.add(row)
    db.session.flush()
    return committed(
        page,
        "builder/_row.html",
        f"Row with {LAYOUT_LABELS[layout]} added.",
        f"row-{row.id}",
        row=row,
        focus=True,
    )


@bp.post("/rows/<int:row_id>/layout")
@require(any_role)
def change_layout(row_id: int):
    """Change a row's columns; blocks of columns that go away move to the last one left."""
    row = editable_row(row_id)
    layout, refusal = _chosen_layout(row.page_id)
    if refusal:
        return refusal
    merged = last_column_after_layout_change([(b.id, b.column) for b in row.blocks], layout)
    if merged:
        place_blocks(merged, row.id, column_count(layout) - 1)
    row.layout = layout
    return committed(
        row.page,
        "builder/_row.html",
        f"Layout changed to {LAYOUT_LABELS[layout]}.",
        f"row-{row.id}",
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
    """Move a row one place up or down (the keyboard's drag and drop)."""
    row = editable_row(row_id)
    direction = request.form.get("direction", "")
    if direction not in DIRECTIONS:
        return refused_in_editor(row.page_id, None, 422, "Choose to move up or down.")
    current = _page_row_ids(row.page_id)
    if row.id not in current:  # deleted meanwhile
        return refused_in_editor(
            row.page_id,
            "builder/_rows.html",
            409,
            CHANGED_MEANWHILE,
            page=editable_page(row.page_id, with_content=True),
        )
    place_rows(moved(current, row.id, direction))
    return committed(
        row.page,
        "builder/_rows.html",
        f"Row moved {direction}.",
        f"row-{row.id}",
        page=lambda: editable_page(row.page_id, with_content=True),
    )


@bp.post("/rows/<int:row_id>/duplicate")
@require(any_role)
def duplicate_row(row_id: int):
    """A copy of the row, with copies of its blocks, right after it."""
    row = editable_row(row_id)
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
    return committed(
        row.page, "builder/_row.html", "Row duplicated.", f"row-{copy.id}", row=copy, focus=True
    )


@bp.post("/rows/<int:row_id>/delete")
@require(any_role)
def delete_row(row_id: int):
    """Delete a row and its blocks."""
    row = editable_row(row_id)
    page_id = row.page_id
    touch(row.page)
    db.session.delete(row)
    db.session.commit()
    return changed(None, "Row deleted.", editor_url(page_id))


@bp.post("/pages/<int:page_id>/rows/order")
@require(any_role)
def order_rows(page_id: int):
    """Drag and drop: the page's row ids in their new order; any other set is a conflict
    (409) and the fresh rows come back."""
    page = editable_page(page_id)
    try:
        order = checked_order(_page_row_ids(page.id), posted_ids("row"))
    except OrderConflict:
        return refused_in_editor(
            page.id,
            "builder/_rows.html",
            409,
            CHANGED_MEANWHILE,
            page=editable_page(page_id, with_content=True),
        )
    place_rows(order)
    return committed(page, None, "Row moved.", None, 204)
