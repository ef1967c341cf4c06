"""Importing a page from a document in the export format: checked whole first (see
document_checks.py), then stored as a draft (publishing it is blog.publishing's job)."""

import base64
import io
from typing import Any

from sqlalchemy import select

from blog.content.blocks import block_type
from blog.content.document import rows_from_document
from blog.content.document_checks import DocumentInvalid, validate_document
from blog.content.document_export import picture_references
from blog.content.limits import page_limits
from blog.content.page_kinds import page_values
from blog.content.tags import tags_named
from blog.extensions import db
from blog.media import MediaRejected, store_image
from blog.models import Media, Page, User
from blog.slugs import slug_holder, slug_problem, unique_slug


def import_page(document: Any, user: User) -> Page:
    """Store a document as a new draft page by `user` and return it (whatever the document's
    status: blog.publishing.import_document publishes it). The slug is the document's when it
    is allowed and free, else a fresh one.

    Pictures are re-encoded as uploads are, so a stored picture may get another SHA-256:
    image blocks are pointed at the stored one. Raises DocumentInvalid, having written
    nothing, for a document validate_document refuses; for a picture the media store refuses,
    after flushing earlier pictures (the caller rolls back, as on every error). The caller
    commits.
    """
    cleaned = validate_document(document, *page_limits())
    pictures = _stored_pictures(cleaned, user)
    _point_at_stored_pictures(cleaned["rows"], pictures)
    sharing = page_values(cleaned)
    if sharing["featured_image"] is not None:
        sharing["featured_image"] = pictures[sharing["featured_image"]].sha256
    page = Page(
        **sharing,
        title=cleaned["title"],
        slug=_free_slug(cleaned["slug"], cleaned["title"]),
        summary=cleaned["summary"],
        author=user,
        tags=tags_named(cleaned["tags"]),
        rows=rows_from_document(cleaned["rows"]),
    )
    db.session.add(page)
    db.session.flush()
    return page


def _stored_pictures(cleaned: dict[str, Any], user: User) -> dict[str, Media]:
    """The Media of every picture the blocks name, by the name the document gives it."""
    pictures = {}
    for name, picture in cleaned["media"].items():
        try:
            media = store_image(io.BytesIO(base64.b64decode(picture["base64"])), user.id)
        except MediaRejected as error:
            raise DocumentInvalid(("media", name), str(error)) from None
        media.alt = media.alt or picture["alt"]
        pictures[name] = media
    named = {name for _, name in picture_references(cleaned["rows"])}
    if featured := cleaned.get("featured_image"):
        named.add(featured["media"])
    elsewhere = named - set(pictures)
    if elsewhere:
        query = select(Media).where(Media.sha256.in_(elsewhere))
        pictures.update((media.sha256, media) for media in db.session.scalars(query))
    return pictures


def _point_at_stored_pictures(rows: list[dict[str, Any]], pictures: dict[str, Media]) -> None:
    """Make the blocks of these (cleaned, so our own) rows name the stored pictures, with
    their width and height."""
    for (row, column, position, _), name in picture_references(rows):
        block = rows[row]["columns"][column][position]
        block["data"] = block_type(block["type"]).with_upload(block["data"], pictures[name])


def _free_slug(slug: str, title: str) -> str:
    """The document's slug when its form is allowed and no page holds it, else a fresh one."""
    if slug and slug_problem(slug) is None and slug_holder(slug) is None:
        return slug
    return unique_slug(slug or title)
