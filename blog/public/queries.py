"""The queries the public site is built from: only published pages, only what was published."""

from sqlalchemy import Select, select
from sqlalchemy.orm import contains_eager, joinedload

from blog.models import Page, Revision, Tag, revision_tags

PAGE_SIZE = 10


def published() -> Select:
    """Published pages with their published revision and author, newest first."""
    return (
        select(Page)
        .join(Revision, Page.published_revision_id == Revision.id)
        .where(Page.status == "published")
        .options(
            # The draft-shaped content and the stored pages are not needed by any listing.
            contains_eager(Page.published_revision)
            .defer(Revision.content)
            .defer(Revision.reader_html)
            .defer(Revision.search_text),
            joinedload(Page.author),
        )
        .order_by(Page.published_at.desc(), Page.id.desc())
    )


def published_with_tag(tag_slug: str) -> Select:
    """Published pages whose published revision carries the tag."""
    return (
        published()
        .join(revision_tags, revision_tags.c.revision_id == Revision.id)
        .join(Tag, Tag.id == revision_tags.c.tag_id)
        .where(Tag.slug == tag_slug)
    )
