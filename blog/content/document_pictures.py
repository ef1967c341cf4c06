"""Checking the pictures of a page document: its "media" entries, and that every picture a
block or the featured image names is in the document or already stored."""

import base64
import hashlib
from typing import Any

from sqlalchemy import select

from blog.content.blocks.image import ALT_MAX_LENGTH
from blog.content.document_errors import DocumentInvalid, JsonPath
from blog.content.document_export import picture_references
from blog.extensions import db
from blog.media_names import SHA256
from blog.models import Media

PICTURE_KEYS = ("content_type", "alt", "base64")
CONTENT_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")


def _refuse_unknown_keys(entry: dict, path: JsonPath) -> None:
    for key in entry:
        if key not in PICTURE_KEYS:
            problem = f"unknown key; a picture has only {', '.join(PICTURE_KEYS)}"
            raise DocumentInvalid((*path, key), problem)


def checked_media(media: Any) -> dict[str, dict[str, str]]:
    if not isinstance(media, dict):
        raise DocumentInvalid(("media",), "must be an object of pictures named by SHA-256")
    return {name: _picture(name, picture) for name, picture in media.items()}


def _picture(name: str, picture: Any) -> dict[str, str]:
    path = ("media", name)
    if not SHA256.fullmatch(name):
        raise DocumentInvalid(path, "must be named by its SHA-256 in 64 lower-case hex digits")
    if not isinstance(picture, dict):
        raise DocumentInvalid(path, "must be an object with content_type, alt and base64")
    _refuse_unknown_keys(picture, path)
    content_type, alt = picture.get("content_type"), picture.get("alt", "")
    if content_type not in CONTENT_TYPES:
        raise DocumentInvalid((*path, "content_type"), f"must be one of {', '.join(CONTENT_TYPES)}")
    if not isinstance(alt, str) or len(alt) > ALT_MAX_LENGTH:
        problem = f"must be a string of at most {ALT_MAX_LENGTH} characters"
        raise DocumentInvalid((*path, "alt"), problem)
    encoded = picture.get("base64")
    try:
        data = base64.b64decode(encoded, validate=True)
    except (TypeError, ValueError):
        raise DocumentInvalid((*path, "base64"), "must be the picture's bytes in base64") from None
    if hashlib.sha256(data).hexdigest() != name:
        raise DocumentInvalid((*path, "base64"), "holds bytes whose SHA-256 is not the name")
    return {"content_type": content_type, "alt": alt, "base64": encoded}


def _reference_path(place: tuple) -> JsonPath:
    if len(place) == 2:  # the featured image's
        return place
    row, column, position, field = place
    return ("rows", row, "columns", column, position, "data", field)


def check_pictures(
    rows: list[dict[str, Any]], media: dict[str, Any], featured: dict[str, str] | None
) -> None:
    """Every picture a block or the featured image names is in the document or already
    stored, and every picture in the document is named by one of them."""
    references = list(picture_references(rows))
    if featured is not None:
        references.append((("featured_image", "media"), featured["media"]))
    elsewhere = {name for _, name in references if name not in media}
    stored = set()
    if elsewhere:
        stored = set(db.session.scalars(select(Media.sha256).where(Media.sha256.in_(elsewhere))))
    for place, name in references:
        if name in elsewhere and name not in stored:
            problem = f"image {name} is not in the document's media"
            raise DocumentInvalid(_reference_path(place), problem)
    named = {name for _, name in references}
    for name in media:
        if name not in named:
            raise DocumentInvalid(("media", name), "is not shown by any block")
