"""Checking a page's kind and sharing details (featured image, SEO title and description,
noindex) as chosen in the editor's page settings."""

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from blog.builder.pictures import stored_upload
from blog.content.blocks.image import ALT_MAX_LENGTH
from blog.content.limits import SUMMARY_MAX, TITLE_MAX
from blog.extensions import db
from blog.media import MediaRejected
from blog.models import Block, Page, Row
from blog.models.pages import PAGE_KINDS
from blog.typed_text import typed_text

KIND_LABELS = {"post": "Post (dated, listed)", "page": "Page (undated, unlisted)"}
NOT_ON_PAGE = "Choose one of this page's images, or upload one."
NO_ALT = "Describe the featured image for people who cannot see it."


def page_pictures(page_id: int) -> list[dict[str, Any]]:
    """The pictures the page's image blocks show, in page order, each once: {"media", "alt",
    "label"} (what the featured image can be chosen from), read in one query."""
    found = db.session.scalars(
        select(Block.data)
        .join(Row, Row.id == Block.row_id)
        .where(Row.page_id == page_id, Block.type == "image", Block.deleted_at.is_(None))
        .order_by(Row.position, Block.column, Block.position, Block.id)
    )
    pictures: dict[str, dict[str, Any]] = {}
    for data in found:
        media = data.get("media")
        if media and media not in pictures:
            words = data.get("alt") or data.get("caption") or "no alt text"
            label = f"Image {len(pictures) + 1}: {words}"
            pictures[media] = {"media": media, "alt": data.get("alt", ""), "label": label}
    return list(pictures.values())


def checked_sharing(
    page: Page, form: Mapping[str, str], upload: FileStorage | None
) -> tuple[dict[str, Any], dict[str, str]]:
    """The kind and sharing details as typed, and a message for each refused field. A form
    without a kind (one made before kinds existed) keeps the page's as they are; an upload
    is stored for good at once, as an Image block's is."""
    values = {
        "kind": page.kind,
        "featured_image": page.featured_image,
        "featured_image_alt": page.featured_image_alt,
        "seo_title": page.seo_title,
        "seo_description": page.seo_description,
        "noindex": page.noindex,
    }
    if "kind" not in form:
        return values, {}
    errors: dict[str, str] = {}
    values |= {
        "kind": form.get("kind", ""),
        "featured_image": typed_text(form.get("featured_image")).strip() or None,
        "featured_image_alt": typed_text(form.get("featured_image_alt")).strip(),
        "seo_title": typed_text(form.get("seo_title")).strip(),
        "seo_description": typed_text(form.get("seo_description"), multiline=True).strip(),
        "noindex": form.get("noindex") == "1",
    }
    if values["kind"] not in PAGE_KINDS:
        errors["kind"] = "Choose Post or Page."
    if len(values["seo_title"]) > TITLE_MAX:
        errors["seo_title"] = f"Shorten the SEO title to {TITLE_MAX} characters or fewer."
    if len(values["seo_description"]) > SUMMARY_MAX:
        errors["seo_description"] = (
            f"Shorten the SEO description to {SUMMARY_MAX} characters or fewer."
        )
    if problem := _featured_image(page, values, upload):
        errors["featured_image"] = problem
    elif values["featured_image"] and not values["featured_image_alt"]:
        errors["featured_image_alt"] = NO_ALT
    elif len(values["featured_image_alt"]) > ALT_MAX_LENGTH:
        errors["featured_image_alt"] = f"Shorten the alt text to {ALT_MAX_LENGTH} characters."
    return values, errors


def _featured_image(page: Page, values: dict[str, Any], upload: FileStorage | None) -> str:
    """Point `values` at the uploaded or chosen picture (with the block's alt text when none
    was typed); a message when it cannot be the featured image."""
    if upload is not None and upload.filename:
        try:
            values["featured_image"] = stored_upload(upload).sha256
        except MediaRejected as refusal:
            return str(refusal)
        return ""
    chosen = values["featured_image"]
    if chosen is None or chosen == page.featured_image:
        return ""
    shown = {picture["media"]: picture for picture in page_pictures(page.id)}
    if chosen not in shown:
        return NOT_ON_PAGE
    values["featured_image_alt"] = values["featured_image_alt"] or shown[chosen]["alt"]
    return ""
