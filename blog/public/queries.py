"""The queries the public site is built from: only published pages, only what was published."""

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import contains_eager, joinedload

from blog.models import FormerAddress, Page, Revision, Tag, revision_tags

PAGE_SIZE = 10


def published() -> Select:
    """Published pages (not in the Trash) with their published revision and author, newest
    first."""
    return (
        select(Page)
        .join(Revision, Page.published_revision_id == Revision.id)
        .where(Page.status == "published", Page.deleted_at.is_(None))
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


def listed() -> Select:
    """Published posts, newest first: what the front page, tag pages and the feed list (a
    published page of kind "page", such as About, is reached only by its address)."""
    return published().where(Revision.kind == "post")


def indexed() -> Select:
    """Published pages and posts that search engines may index: the sitemap's."""
    return published().where(Revision.noindex.is_(False))


def published_answering_to(slug: str) -> Select:
    """The published page at this address, or whose former address it is."""
    former = select(FormerAddress.page_id).where(FormerAddress.slug == slug)
    return published().where(or_(Page.published_slug == slug, Page.id.in_(former)))


def published_with_tag(tag_slug: str) -> Select:
    """Published posts whose published revision carries the tag."""
    return (
        listed()
        .join(revision_tags, revision_tags.c.revision_id == Revision.id)
        .join(Tag, Tag.id == revision_tags.c.tag_id)
        .where(Tag.slug == tag_slug)
    )
