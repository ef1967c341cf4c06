"""A page's kind (post or page) and its sharing details (featured image, SEO title and
description, noindex) in the page document.

They are written into a document only when they differ from a post's defaults: a post's
document reads exactly as before these details existed, so older export files import as
posts and the revisions published before read as live (nothing to publish again).
"""

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from blog.content.blocks.image import ALT_MAX_LENGTH
from blog.content.limits import SUMMARY_MAX, TITLE_MAX
from blog.extensions import db
from blog.media_names import SHA256
from blog.models import Media
from blog.models.pages import PAGE_KINDS
from blog.typed_text import typed_text

# The document's keys, and the page column each one comes from.
SHARING_KEYS = ("kind", "featured_image", "seo_title", "seo_description", "noindex")
FEATURED_IMAGE_KEYS = ("media", "alt")
DEFAULTS: dict[str, Any] = {
    "kind": "post",
    "featured_image": None,
    "seo_title": "",
    "seo_description": "",
    "noindex": False,
}
PAGE_COLUMNS = (
    "kind",
    "featured_image",
    "featured_image_alt",
    "seo_title",
    "seo_description",
    "noindex",
)


class SharingInvalid(ValueError):
    """One refused detail: the path below the document and what is wrong there."""

    def __init__(self, path: tuple[str, ...], problem: str) -> None:
        self.path, self.problem = path, problem
        super().__init__(problem)


def featured_entry(media: str | None, alt: str) -> dict[str, str] | None:
    """The document's featured image: {"media": SHA-256, "alt": text}, or None."""
    return {"media": media, "alt": alt} if media else None


def sharing_entries(columns: Mapping[str, Any]) -> dict[str, Any]:
    """The document entries for a page's PAGE_COLUMNS values, leaving out the defaults."""
    values = {
        "kind": columns["kind"],
        "featured_image": featured_entry(columns["featured_image"], columns["featured_image_alt"]),
        "seo_title": columns["seo_title"],
        "seo_description": columns["seo_description"],
        "noindex": bool(columns["noindex"]),
    }
    return {key: value for key, value in values.items() if value != DEFAULTS[key]}


def page_values(cleaned: Mapping[str, Any]) -> dict[str, Any]:
    """The page columns for a (cleaned) document's entries; missing ones are a post's."""
    featured = cleaned.get("featured_image")
    return {
        "kind": cleaned.get("kind", "post"),
        "featured_image": featured["media"] if featured else None,
        "featured_image_alt": featured["alt"] if featured else "",
        "seo_title": cleaned.get("seo_title", ""),
        "seo_description": cleaned.get("seo_description", ""),
        "noindex": cleaned.get("noindex", False),
    }


def checked_sharing(document: Mapping[str, Any]) -> dict[str, Any]:
    """The document's kind and sharing entries cleaned (defaults left out), or
    SharingInvalid for the first problem."""
    kind = document.get("kind", "post")
    if kind not in PAGE_KINDS:
        raise SharingInvalid(("kind",), 'must be "post" or "page"')
    noindex = document.get("noindex", False)
    if not isinstance(noindex, bool):
        raise SharingInvalid(("noindex",), "must be true or false")
    values = {
        "kind": kind,
        "featured_image": _featured_image(document.get("featured_image")),
        "seo_title": _text(document, "seo_title", TITLE_MAX),
        "seo_description": _text(document, "seo_description", SUMMARY_MAX),
        "noindex": noindex,
    }
    return {key: value for key, value in values.items() if value != DEFAULTS[key]}


def _text(document: Mapping[str, Any], key: str, limit: int) -> str:
    value = document.get(key, "")
    if not isinstance(value, str):
        raise SharingInvalid((key,), "must be a string")
    value = typed_text(value, multiline=key == "seo_description").strip()
    if len(value) > limit:
        raise SharingInvalid((key,), f"must be at most {limit} characters")
    return value


def _featured_image(entry: Any) -> dict[str, str] | None:
    if entry is None:
        return None
    if not isinstance(entry, dict):
        raise SharingInvalid(("featured_image",), "must be an object with media and alt, or null")
    for key in entry:
        if key not in FEATURED_IMAGE_KEYS:
            problem = "unknown key; a featured image has only media, alt"
            raise SharingInvalid(("featured_image", key), problem)
    media, alt = entry.get("media"), entry.get("alt", "")
    if not isinstance(media, str) or not SHA256.fullmatch(media):
        problem = "must name a picture by its SHA-256 in 64 lower-case hex digits"
        raise SharingInvalid(("featured_image", "media"), problem)
    if not isinstance(alt, str) or len(alt) > ALT_MAX_LENGTH:
        problem = f"must be a string of at most {ALT_MAX_LENGTH} characters"
        raise SharingInvalid(("featured_image", "alt"), problem)
    return {"media": media, "alt": typed_text(alt).strip()}


def revision_values(content: Mapping[str, Any]) -> dict[str, Any]:
    """The revision columns for a published document: its kind and sharing details, the
    featured image with its stored picture's width and height (None when it is gone)."""
    values = page_values(content)
    featured, alt = values.pop("featured_image"), values.pop("featured_image_alt")
    media = featured and db.session.scalar(select(Media).where(Media.sha256 == featured))
    values["featured_image"] = (
        {"media": featured, "alt": alt, "width": media.width, "height": media.height}
        if media
        else None
    )
    return values
