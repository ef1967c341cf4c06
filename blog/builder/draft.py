"""Writes to a page's draft that builder views share: placing blocks and rows in order,
adding a block after another, saving a block's data or the page's details under their
versions, removing a block left empty, and noting when the draft changed."""

from collections.abc import Callable
from typing import Any

from sqlalchemy import case, delete, update
from sqlalchemy.exc import IntegrityError

from blog.extensions import db
from blog.models import Block, Page, Row, utcnow

# How often a new page is made again when another request took its slug meanwhile.
SLUG_ATTEMPTS = 3


def store_new_page(build: Callable[[], Page]) -> Page | None:
    """Add the page `build` makes and commit it. Its slug was free when it was made; when
    another request took that slug meanwhile, make it again with a fresh one, up to
    SLUG_ATTEMPTS times. None, with nothing stored, when every try lost that race."""
    for _ in range(SLUG_ATTEMPTS):
        page = build()
        db.session.add(page)
        try:
            db.session.commit()
            return page
        except IntegrityError:
            db.session.rollback()
    return None


def place_blocks(block_ids: list[int], row_id: int, column: int) -> None:
    """Put these blocks, in this order, into one column: a single UPDATE however many."""
    _in_order(Block, block_ids, row_id=row_id, column=column)


def place_rows(row_ids: list[int]) -> None:
    """Give these rows of one page their positions in this order, in a single UPDATE."""
    _in_order(Row, row_ids)


def _in_order(model: type[Block] | type[Row], ids: list[int], **values: int) -> None:
    """Number these rows or blocks 0, 1, 2... in the order given (and set `values` on them),
    in one UPDATE."""
    if not ids:
        return
    positions = {item: index for index, item in enumerate(ids)}
    db.session.execute(
        update(model)
        .where(model.id.in_(ids))
        .values(position=case(positions, value=model.id), **values)
        .execution_options(synchronize_session=False)
    )


def block_after(block: Block, type_name: str, data: dict[str, Any]) -> Block:
    """A new block of this type and data right after `block` in its column (a new block, or
    a copy); the blocks below it move down one place (one UPDATE however many)."""
    db.session.execute(
        update(Block)
        .where(
            Block.row_id == block.row_id,
            Block.column == block.column,
            Block.position > block.position,
        )
        .values(position=Block.position + 1)
        .execution_options(synchronize_session=False)
    )
    new = Block(
        row_id=block.row_id,
        column=block.column,
        position=block.position + 1,
        type=type_name,
        data=data,
    )
    db.session.add(new)
    db.session.flush()
    return new


def save_block_data(block: Block, edited_version: int | None, data: dict[str, Any]) -> bool:
    """Store the block's new data if nobody saved it since `edited_version`, bumping the
    version; False, and nothing written, when that version is stale."""
    saved = db.session.execute(
        update(Block)
        .where(Block.id == block.id, Block.version == edited_version)
        .values(data=data, version=Block.version + 1, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return saved.rowcount == 1


def remove_unwritten_block(block: Block) -> bool:
    """Delete a block whose stored data was found empty, unless someone saved it since it
    was read (its version moved on); False, and nothing removed, in that case. An empty block
    holds nothing to bring back, so it is deleted outright rather than kept for "Undo"."""
    removed = db.session.execute(
        delete(Block)
        .where(Block.id == block.id, Block.version == block.version)
        .execution_options(synchronize_session=False)
    )
    return removed.rowcount == 1


def claim_details(page: Page, edited_version: int | None) -> bool:
    """Bump the page's details version if it is still `edited_version` (None: a form that
    names no version, which is not checked); False, and nothing written, when someone saved
    the details since. The caller then stores the details and commits."""
    query = update(Page).where(Page.id == page.id)
    if edited_version is not None:
        query = query.where(Page.details_version == edited_version)
    claimed = db.session.execute(
        query.values(details_version=Page.details_version + 1).execution_options(
            synchronize_session=False
        )
    )
    return claimed.rowcount == 1


def touch(page: Page) -> None:
    """Record that the page's draft changed now (for "last change" in the pages list)."""
    page.updated_at = utcnow()
