"""How much a page may hold: the editor's forms, the builder's actions and the document import
all ask here."""

from flask import current_app

TITLE_MAX = 200
SUMMARY_MAX = 500
TAG_MAX = 40
TAGS_MAX = 12
# The most rows and blocks one page holds unless BLOG_MAX_ROWS_PER_PAGE and
# BLOG_MAX_BLOCKS_PER_PAGE say otherwise: past them a page opens slowly in the editor.
ROWS_PER_PAGE_MAX = 200
BLOCKS_PER_PAGE_MAX = 1000


def past_limits(rows: list[dict]) -> str | None:
    """Why a page of these rows (export format) is more than a page may hold now, or None.
    For what was stored before the limits were lowered: a restored revision, say."""
    most_rows, most_blocks = page_limits()
    blocks = sum(len(column) for row in rows for column in row["columns"])
    if len(rows) > most_rows:
        return f"a page holds at most {most_rows:,} rows, and it has {len(rows):,}."
    if blocks > most_blocks:
        return f"a page holds at most {most_blocks:,} blocks, and it has {blocks:,}."
    return None


def page_limits() -> tuple[int, int]:
    """The most rows, and the most blocks, one page of the current app may hold."""
    config = current_app.config
    return (
        config.get("MAX_ROWS_PER_PAGE", ROWS_PER_PAGE_MAX),
        config.get("MAX_BLOCKS_PER_PAGE", BLOCKS_PER_PAGE_MAX),
    )
