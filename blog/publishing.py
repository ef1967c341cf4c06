"""Publishing freezes a page's draft into a revision whose HTML is rendered once."""

from sqlalchemy import func, select

from blog.builder.document import page_document
from blog.extensions import db
from blog.models import Page, Revision, User, utcnow
from blog.render import render_page


def publish(page: Page, user: User | None) -> Revision:
    """Snapshot the draft into a new revision, render it, and make it the published one.

    The caller commits; until then nothing readers see has changed.
    """
    content = page_document(page, with_ids=True)
    content["status"] = "published"
    number = (
        db.session.scalar(select(func.max(Revision.number)).where(Revision.page_id == page.id)) or 0
    ) + 1
    revision = Revision(
        page_id=page.id, number=number, author=user, content=content, html=render_page(content)
    )
    db.session.add(revision)
    db.session.flush()
    page.published_revision = revision
    page.status = "published"
    page.published_at = page.published_at or utcnow()
    return revision
