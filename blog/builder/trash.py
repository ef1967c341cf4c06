"""The Trash: deleted pages wait there, with everything they hold, until an editor restores
them or deletes them for good. A page in the Trash is off the builder's list and off the
public site, and keeps its slugs, so that restoring it always puts it back where it was."""

from sqlalchemy import delete, select, update

from blog import search
from blog.extensions import db
from blog.models import Page, utcnow


def trashed_pages() -> list[Page]:
    """The pages in the Trash, most recently deleted first."""
    return list(
        db.session.scalars(
            select(Page).where(Page.deleted_at.is_not(None)).order_by(Page.deleted_at.desc())
        )
    )


def move_to_trash(page: Page) -> None:
    """Take the page off the builder's list and the public site; nothing of it is lost."""
    page.deleted_at = utcnow()


def restore_from_trash(page_id: int) -> bool:
    """Put the page back: in the pages list, and on the public site if it was published.
    False, and nothing changed, when it is no longer in the Trash (someone restored it or
    deleted it for good meanwhile)."""
    restored = db.session.execute(
        update(Page)
        .where(Page.id == page_id, Page.deleted_at.is_not(None))
        .values(deleted_at=None)
        .execution_options(synchronize_session=False)
    )
    return restored.rowcount == 1


def delete_for_good(page_id: int | None = None) -> int:
    """Delete a page in the Trash (without page_id, every page in it) with its rows, blocks,
    revisions, comments and former addresses, which the database deletes with it; its slugs
    are free again. Returns how many pages were deleted: a page restored meanwhile is not.
    The caller commits."""
    query = delete(Page).where(Page.deleted_at.is_not(None))
    if page_id is not None:
        query = query.where(Page.id == page_id)
    deleted = db.session.scalars(
        query.returning(Page.id).execution_options(synchronize_session=False)
    ).all()
    for deleted_id in deleted:
        search.unindex_page(deleted_id)
    return len(deleted)
