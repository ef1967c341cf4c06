"""A page's draft as a document in the export format, and back again."""

from typing import Any

from blog.content.page_kinds import PAGE_COLUMNS, sharing_entries
from blog.models import Block, Page, Row

EXPORT_FORMAT = "blog.page/1"


def page_document(page: Page, with_ids: bool = False) -> dict[str, Any]:
    """The page's draft in the export format (without media). With `with_ids`, each block
    carries its database id so the rendered HTML gets stable anchors."""
    rows = []
    for row in page.rows:
        columns: list[list[dict[str, Any]]] = [[] for _ in range(row.column_count)]
        for block in row.blocks:
            entry: dict[str, Any] = {"type": block.type, "data": block.data}
            if with_ids:
                entry["id"] = block.id
            columns[min(block.column, row.column_count - 1)].append(entry)
        rows.append({"layout": row.layout, "columns": columns})
    return {
        "format": EXPORT_FORMAT,
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "tags": [tag.name for tag in page.tags],
        **sharing_entries({column: getattr(page, column) for column in PAGE_COLUMNS}),
        "status": page.status,
        "rows": rows,
    }


def rows_from_document(document_rows: list[dict[str, Any]]) -> list[Row]:
    """New Row and Block objects for the rows of an (already validated) document."""
    rows = []
    for row_position, row_entry in enumerate(document_rows):
        row = Row(position=row_position, layout=row_entry["layout"])
        for column, blocks in enumerate(row_entry["columns"]):
            for position, entry in enumerate(blocks):
                row.blocks.append(
                    Block(column=column, position=position, type=entry["type"], data=entry["data"])
                )
        rows.append(row)
    return rows
