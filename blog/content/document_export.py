"""A page as one self-contained document: its draft in the export format plus its pictures."""

import base64
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import select

from blog.content.blocks import REGISTRY
from blog.content.document import page_document
from blog.extensions import db
from blog.media_names import MediaFile
from blog.media_storage import media_storage
from blog.models import Media, Page


def picture_fields(type_name: str) -> tuple[str, ...]:
    """The data fields in which blocks of this type name a stored picture by its SHA-256
    (their upload fields: "media" for an image block); none for an unknown type."""
    kind = REGISTRY.get(type_name)
    return tuple(field.name for field in kind.fields if field.kind == "file") if kind else ()


def picture_references(
    rows: Iterable[dict[str, Any]],
) -> Iterator[tuple[tuple[int, int, int, str], str]]:
    """Where the rows' blocks name a stored picture, in page order: ((row, column, position,
    field), SHA-256) for each naming field that is not empty."""
    for row_index, row in enumerate(rows):
        for column_index, column in enumerate(row["columns"]):
            for position, block in enumerate(column):
                for field in picture_fields(block["type"]):
                    if name := block["data"].get(field):
                        yield (row_index, column_index, position, field), name


def export_page(page: Page) -> dict[str, Any]:
    """The page's draft in the export format with "media": every picture its blocks and its
    featured image show, by SHA-256, with its content type, default alt text and bytes in
    base64."""
    document = page_document(page)
    names = dict.fromkeys(name for _, name in picture_references(document["rows"]))
    if featured := document.get("featured_image"):
        names[featured["media"]] = None
    document["media"] = _pictures(list(names))
    return document


def _pictures(names: list[str]) -> dict[str, dict[str, str]]:
    """The "media" entries of these pictures, read from the media store."""
    if not names:
        return {}
    found = {
        media.sha256: media
        for media in db.session.scalars(select(Media).where(Media.sha256.in_(names)))
    }
    storage = media_storage()
    pictures = {}
    for name in names:
        media = found.get(name)
        if media is None:
            # A block pointing at a picture that is gone: importing the document names it.
            continue
        with storage.open(MediaFile(name, media.content_type)) as file:
            encoded = base64.b64encode(file.read()).decode("ascii")
        pictures[name] = {"content_type": media.content_type, "alt": media.alt, "base64": encoded}
    return pictures
