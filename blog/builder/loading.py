"""Loading what a builder request acts on, with its page, in one query, and checking that
the current user may edit that page. Reads only: the writes are in draft.py."""

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, selectinload

from blog.auth.roles import require_page_editor
from blog.content.limits import page_limits
from blog.extensions import db
from blog.models import Block, Page, Row


def editable_page(page_id: int, with_content: bool = False) -> Page:
    """The page (with rows and blocks when asked), 404 if missing or in the Trash, 403 if
    not the user's."""
    query = select(Page).where(Page.id == page_id, Page.deleted_at.is_(None))
    if with_content:
        query = query.options(
            selectinload(Page.rows).selectinload(Row.blocks), selectinload(Page.tags)
        )
    page = db.first_or_404(query)
    require_page_editor(page)
    return page


def editable_row(row_id: int) -> Row:
    """The row with its page; 404 if missing or in the Trash, 403 if not the user's."""
    row = db.first_or_404(
        select(Row)
        .join(Row.page)
        .where(Row.id == row_id, Page.deleted_at.is_(None))
        .options(contains_eager(Row.page))
    )
    require_page_editor(row.page)
    return row


def editable_block(block_id: int, deleted: bool = False) -> Block:
    """The block (a live one, or with `deleted` one waiting for Undo) with its row and page."""
    block = db.first_or_404(
        select(Block)
        .join(Block.row)
        .join(Row.page)
        .where(
            Block.id == block_id,
            Block.deleted_at.is_not(None) if deleted else Block.deleted_at.is_(None),
            Page.deleted_at.is_(None),
        )
        .options(contains_eager(Block.row).contains_eager(Row.page))
    )
    require_page_editor(block.row.page)
    return block


def column_blocks(row_id: int, column: int) -> list[Block]:
    """The live blocks of one column, in order."""
    return list(
        db.session.scalars(
            select(Block)
            .where(Block.row_id == row_id, Block.column == column, Block.deleted_at.is_(None))
            .order_by(Block.position, Block.id)
        )
    )


def no_room(page_id: int, rows: int = 0, blocks: int = 0) -> str | None:
    """Why the page cannot take this many more rows and blocks, or None when it can."""
    most_rows, most_blocks = page_limits()
    if rows:
        held = db.session.scalar(select(func.count(Row.id)).where(Row.page_id == page_id))
        if held + rows > most_rows:
            return f"A page holds at most {most_rows:,} rows; this one is full."
    if blocks:
        held = db.session.scalar(
            select(func.count(Block.id))
            .join(Row)
            .where(Row.page_id == page_id, Block.deleted_at.is_(None))
        )
        if held + blocks > most_blocks:
            return f"A page holds at most {most_blocks:,} blocks; this one has no room for more."
    return None


def rows_with_blocks(row_ids: list[int]) -> list[Row]:
    """These rows with their live blocks, in the page's order."""
    return list(
        db.session.scalars(
            select(Row)
            .where(Row.id.in_(row_ids))
            .options(selectinload(Row.blocks))
            .order_by(Row.position, Row.id)
        )
    )
