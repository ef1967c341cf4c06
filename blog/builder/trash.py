"""The Trash: deleted pages wait there, with everything they hold, until an editor restores
them or deletes them for good. A page in the Trash is off the builder's list and off the
public site, and keeps its slugs, so that restoring it always puts it back where it was."""

from sqlalchemy import select

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


def restore_from_trash(page: Page) -> None:
    """Put the page back: in the pages list, and on the public site if it was published."""
    page.deleted_at = None


def delete_for_good(page: Page) -> None:
    """Delete the page with its rows, blocks, revisions, comments and former addresses; its
    slugs are free again."""
    search.unindex_page(page.id)
    db.session.delete(page)
