"""Storing block previews with the transaction that writes the blocks: whichever code
writes a block's type or data (through the ORM or in an INSERT or UPDATE statement), the
block is noted, and its preview is rendered and stored before the transaction commits. See
blog/builder/previews.py for what a preview is and when a stored one is still good.
"""

from itertools import chain
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session

from blog.builder.previews import PreviewedBlock, fresh_previews, store
from blog.extensions import db
from blog.models import Block, Row

# session.info: ids of the blocks whose data this transaction wrote.
WRITTEN = "blocks_written"
DATA_COLUMNS = {"type", "data"}


def store_previews(block_ids: set[int]) -> None:
    """Render and store the previews of these blocks as they are now in this transaction."""
    written = db.session.execute(
        select(Block.id, Block.type, Block.data, Block.version, Row.page_id)
        .join(Row, Row.id == Block.row_id)
        .where(Block.id.in_(block_ids))
        .order_by(Block.id)
    )
    previews = fresh_previews(
        (PreviewedBlock(block_id, type_name, data), data_version, page_id)
        for block_id, type_name, data, data_version, page_id in written
    )
    if previews:
        store(previews)


def _note_written(session: Session, ids: Any) -> None:
    session.info.setdefault(WRITTEN, set()).update(ids)


def _note_flushed_blocks(session: Session, flush_context) -> None:
    """New blocks (added, duplicated, imported, restored) and blocks whose type or data the
    ORM changed; after the flush, when new blocks have their ids."""
    _note_written(
        session,
        (
            item.id
            for item in chain(session.new, session.dirty)
            if isinstance(item, Block)
            and (item in session.new or _data_changed(item))
            and item.id is not None
        ),
    )


def _data_changed(block: Block) -> bool:
    state = inspect(block)
    return any(state.attrs[name].history.has_changes() for name in DATA_COLUMNS)


def _note_bulk_writes(state: ORMExecuteState) -> None:
    """INSERT and UPDATE statements that write blocks' type or data (a save, Undo, Redo),
    noted before they run: the UPDATE's blocks are those its WHERE finds now."""
    if not (state.is_update or state.is_insert) or state.bind_mapper is not inspect(Block):
        return
    parameters = state.statement.compile().params
    if not DATA_COLUMNS & set(parameters):
        return
    if state.is_insert:
        if parameters.get("id") is not None:
            _note_written(state.session, [parameters["id"]])
        return
    found = select(Block.id).where(state.statement.whereclause)
    _note_written(state.session, state.session.scalars(found))


def _store_before_commit(session: Session) -> None:
    session.flush()  # pending blocks are noted now
    written = session.info.pop(WRITTEN, None)
    if written:
        store_previews(written)


def _forget_on_rollback(session: Session) -> None:
    session.info.pop(WRITTEN, None)


def init_app() -> None:
    """Watch the app's sessions (once per process: the session factory is shared)."""
    if not event.contains(db.session, "after_flush", _note_flushed_blocks):
        event.listen(db.session, "after_flush", _note_flushed_blocks)
        event.listen(db.session, "do_orm_execute", _note_bulk_writes)
        event.listen(db.session, "before_commit", _store_before_commit)
        event.listen(db.session, "after_rollback", _forget_on_rollback)
