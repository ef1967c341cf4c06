"""Taking draft checkpoints: the page's draft as a document, stored before a publish, before
a restore, and with the first change BLOG_CHECKPOINT_MINUTES after the last checkpoint, in
the transaction of what prompted it. A page keeps CHECKPOINTS_KEPT_PER_PAGE of them.

The draft is read as stored, column by column and without flushing the session first: a
change that is being made (objects not yet added or flushed) is not part of the draft it
follows, and the request's objects are left exactly as they were."""

from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import func, insert, select

from blog.content.document import EXPORT_FORMAT
from blog.content.page_kinds import PAGE_COLUMNS, sharing_entries
from blog.extensions import db
from blog.models import (
    CHECKPOINTS_KEPT_PER_PAGE,
    Block,
    Checkpoint,
    Page,
    Row,
    Tag,
    page_tags,
    utcnow,
)
from blog.models.page_logs import forget_all_but_newest
from blog.models.pages import column_count


def draft_document(page_id: int) -> dict[str, Any]:
    """The page's draft as stored now: what page_document(page, with_ids=True) gives for a
    page freshly loaded (the same keys, order and placement)."""
    with db.session.no_autoflush:
        title, slug, summary, status = db.session.execute(
            select(Page.title, Page.slug, Page.summary, Page.status).where(Page.id == page_id)
        ).one()
        sharing = db.session.execute(
            select(*(getattr(Page, column) for column in PAGE_COLUMNS)).where(Page.id == page_id)
        ).one()
        tags = db.session.scalars(
            select(Tag.name)
            .join(page_tags, page_tags.c.tag_id == Tag.id)
            .where(page_tags.c.page_id == page_id)
            .order_by(Tag.name)
        ).all()
        rows = db.session.execute(
            select(Row.id, Row.layout).where(Row.page_id == page_id).order_by(Row.position)
        ).all()
        blocks = db.session.execute(
            select(Block.row_id, Block.column, Block.id, Block.type, Block.data)
            .join(Row, Row.id == Block.row_id)
            .where(Row.page_id == page_id, Block.deleted_at.is_(None))
            .order_by(Block.column, Block.position, Block.id)
        ).all()
    columns = {row_id: [[] for _ in range(column_count(layout))] for row_id, layout in rows}
    for row_id, column, block_id, type_name, data in blocks:
        held = columns[row_id]
        held[min(column, len(held) - 1)].append({"type": type_name, "data": data, "id": block_id})
    return {
        "format": EXPORT_FORMAT,
        "title": title,
        "slug": slug,
        "summary": summary,
        "tags": list(tags),
        **sharing_entries(sharing._asdict()),
        "status": status,
        "rows": [{"layout": layout, "columns": columns[row_id]} for row_id, layout in rows],
    }


def take_checkpoint(page_id: int, person_id: int | None, reason: str) -> int | None:
    """Keep the page's draft as a checkpoint of `person_id`, for `reason` (a key of
    CHECKPOINT_REASONS); its id. None, and nothing stored, when the newest checkpoint
    already holds exactly this draft."""
    content = draft_document(page_id)
    with db.session.no_autoflush:
        newest = db.session.scalar(
            select(Checkpoint.content)
            .where(Checkpoint.page_id == page_id)
            .order_by(Checkpoint.id.desc())
            .limit(1)
        )
        if newest is not None and _same_draft(newest, content):
            return None
        stored = db.session.execute(
            insert(Checkpoint).values(
                page_id=page_id, person_id=person_id, reason=reason, content=content
            )
        )
        forget_all_but_newest(Checkpoint, page_id, CHECKPOINTS_KEPT_PER_PAGE)
    return stored.inserted_primary_key[0]


def _same_draft(one: dict[str, Any], other: dict[str, Any]) -> bool:
    """The same draft, whether or not the page was published meanwhile (a restore does not
    bring the status back, so it is not worth a checkpoint of its own)."""
    return {**one, "status": None} == {**other, "status": None}


def checkpoint_if_due(page: Page, person_id: int) -> int | None:
    """Before a change to the page: keep the draft as it is now when the page's last
    checkpoint (or, without one, its creation) is BLOG_CHECKPOINT_MINUTES old or older.
    One small query when none is due, so changes keep their constant cost."""
    with db.session.no_autoflush:
        last = db.session.scalar(
            select(func.max(Checkpoint.created_at)).where(Checkpoint.page_id == page.id)
        )
        since = last or page.created_at
    if utcnow() - since < timedelta(minutes=current_app.config["CHECKPOINT_MINUTES"]):
        return None
    return take_checkpoint(page.id, person_id, "editing")
