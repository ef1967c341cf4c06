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


def page_limits() -> tuple[int, int]:
    """The most rows, and the most blocks, one page of the current app may hold."""
    config = current_app.config
    return (
        config.get("MAX_ROWS_PER_PAGE", ROWS_PER_PAGE_MAX),
        config.get("MAX_BLOCKS_PER_PAGE", BLOCKS_PER_PAGE_MAX),
    )
