"""Checking a page document in the export format, whole, before anything is stored.

A document is refused with the JSON path of its first problem; strictness protects data,
so keys the format does not know are refused too.
"""

import json
from typing import Any

from blog.content.blocks import BlockInvalid, UnknownBlockType, block_type
from blog.content.document import EXPORT_FORMAT
from blog.content.document_errors import DocumentInvalid, JsonPath
from blog.content.document_pictures import check_pictures, checked_media
from blog.content.limits import (
    BLOCKS_PER_PAGE_MAX,
    ROWS_PER_PAGE_MAX,
    SUMMARY_MAX,
    TAG_MAX,
    TAGS_MAX,
    TITLE_MAX,
)
from blog.content.page_kinds import SHARING_KEYS, SharingInvalid, checked_sharing
from blog.models.pages import LAYOUTS, PAGE_STATUSES, column_count
from blog.slugs import slugify
from blog.typed_text import typed_text

PAGE_KEYS = ("format", "title", "slug", "summary", "tags", *SHARING_KEYS, "status", "rows", "media")
ROW_KEYS = ("layout", "columns")
BLOCK_KEYS = ("type", "data")
STATUS_CHOICES = " or ".join(f'"{status}"' for status in PAGE_STATUSES)


def validate_document(
    document: Any, most_rows: int = ROWS_PER_PAGE_MAX, most_blocks: int = BLOCKS_PER_PAGE_MAX
) -> dict[str, Any]:
    """A cleaned copy of an export-format document (every block's data through its type's
    clean), or DocumentInvalid for the first problem. Checked in this order: format, keys,
    title, slug, summary, tags, status, rows, media, then the pictures the blocks name (in the
    document's media or already stored). Slug, summary, tags, status and media are optional.
    """
    if not isinstance(document, dict):
        raise DocumentInvalid((), "must be a JSON object")
    if document.get("format") != EXPORT_FORMAT:
        raise DocumentInvalid(("format",), f'must be "{EXPORT_FORMAT}"')
    _refuse_unknown_keys(document, PAGE_KEYS, (), "a page document")
    cleaned = {
        "format": EXPORT_FORMAT,
        "title": _text(document, "title", TITLE_MAX, required=True),
        "slug": _text(document, "slug"),
        "summary": _text(document, "summary", SUMMARY_MAX),
        "tags": _tags(document.get("tags", [])),
        **_sharing(document),
        "status": _status(document.get("status", "draft")),
        "rows": _rows(document.get("rows"), most_rows, most_blocks),
        "media": checked_media(document.get("media", {})),
    }
    check_pictures(cleaned["rows"], cleaned["media"], cleaned.get("featured_image"))
    return cleaned


def _sharing(document: dict) -> dict[str, Any]:
    try:
        return checked_sharing(document)
    except SharingInvalid as error:
        raise DocumentInvalid(error.path, error.problem) from None


def _refuse_unknown_keys(entry: dict, known: tuple[str, ...], path: JsonPath, what: str) -> None:
    for key in entry:
        if key not in known:
            raise DocumentInvalid((*path, key), f"unknown key; {what} has only {', '.join(known)}")


def _text(document: dict, key: str, limit: int | None = None, required: bool = False) -> str:
    """A page detail cleaned as the editor's form cleans it (no control characters; only
    the summary keeps line breaks)."""
    value = document.get(key, "")
    if not isinstance(value, str):
        raise DocumentInvalid(
            (key,), "must be a non-empty string" if required else "must be a string"
        )
    value = typed_text(value, multiline=key == "summary").strip()
    if required and not value:
        raise DocumentInvalid((key,), "must be a non-empty string")
    if limit is not None and len(value) > limit:
        raise DocumentInvalid((key,), f"must be at most {limit} characters")
    return value


def _tags(tags: Any) -> list[str]:
    """The tag names, trimmed, each slug once."""
    if not isinstance(tags, list) or not all(isinstance(name, str) for name in tags):
        raise DocumentInvalid(("tags",), "must be a list of strings")
    names, slugs = [], set()
    for index, name in enumerate(typed_text(name).strip() for name in tags):
        slug = slugify(name)
        if not slug or "," in name or max(len(name), len(slug)) > TAG_MAX:
            problem = f"must be {TAG_MAX} characters at most, with a letter or digit and no comma"
            raise DocumentInvalid(("tags", index), problem)
        if slug not in slugs:
            slugs.add(slug)
            names.append(name)
    if len(names) > TAGS_MAX:
        raise DocumentInvalid(("tags",), f"must hold at most {TAGS_MAX} tags")
    return names


def _status(status: Any) -> str:
    if status not in PAGE_STATUSES:
        raise DocumentInvalid(("status",), f"must be {STATUS_CHOICES}")
    return status


def _rows(rows: Any, most_rows: int, most_blocks: int) -> list[dict[str, Any]]:
    if not isinstance(rows, list):
        raise DocumentInvalid(("rows",), "must be a list of rows")
    if len(rows) > most_rows:
        raise DocumentInvalid(("rows",), f"must hold at most {most_rows:,} rows")
    cleaned = [_row(row, ("rows", index)) for index, row in enumerate(rows)]
    if sum(len(column) for row in cleaned for column in row["columns"]) > most_blocks:
        raise DocumentInvalid(("rows",), f"must hold at most {most_blocks:,} blocks in all")
    return cleaned


def _row(row: Any, path: JsonPath) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise DocumentInvalid(path, "must be an object with layout and columns")
    _refuse_unknown_keys(row, ROW_KEYS, path, "a row")
    layout, columns = row.get("layout"), row.get("columns")
    if layout not in LAYOUTS:
        raise DocumentInvalid((*path, "layout"), f"must be one of {', '.join(LAYOUTS)}")
    count = column_count(layout)
    if not isinstance(columns, list) or len(columns) != count:
        plural = "column" if count == 1 else "columns"
        raise DocumentInvalid((*path, "columns"), f"must hold {count} {plural} for layout {layout}")
    cleaned = []
    for index, column in enumerate(columns):
        column_path = (*path, "columns", index)
        if not isinstance(column, list):
            raise DocumentInvalid(column_path, "must be a list of blocks")
        cleaned.append([_block(block, (*column_path, at)) for at, block in enumerate(column)])
    return {"layout": layout, "columns": cleaned}


def _block(block: Any, path: JsonPath) -> dict[str, Any]:
    if not isinstance(block, dict):
        raise DocumentInvalid(path, "must be an object with type and data")
    _refuse_unknown_keys(block, BLOCK_KEYS, path, "a block")
    name, data = block.get("type"), block.get("data")
    if not isinstance(name, str):
        raise DocumentInvalid((*path, "type"), "must be a string")
    try:
        kind = block_type(name)
    except UnknownBlockType:
        problem = f"unknown block type {json.dumps(name, ensure_ascii=False)}"
        raise DocumentInvalid((*path, "type"), problem) from None
    if not isinstance(data, dict):
        raise DocumentInvalid((*path, "data"), "must be an object")
    known = {field.name for field in kind.fields} | set(kind.defaults())
    for key in data:
        if key not in known:
            raise DocumentInvalid((*path, "data", key), f"is not a field of {name} blocks")
    if data == kind.defaults():
        # A block added in the editor and not filled in yet is stored with its defaults,
        # which need not pass clean; it travels as it is, so every draft can be exported.
        return {"type": name, "data": kind.defaults()}
    try:
        return {"type": name, "data": kind.clean(data)}
    except BlockInvalid as error:
        field, message = next(iter(error.errors.items()))
        raise DocumentInvalid((*path, "data", field), message) from None
