"""Full-text search of published pages: SQLite FTS5 or PostgreSQL text search, ranked,
with highlighted snippets. Only what readers can see is indexed."""

import re
from dataclasses import dataclass

from markupsafe import Markup, escape
from sqlalchemy import text

from blog.extensions import db

# SQLite keeps a separate FTS5 table, filled on publish; PostgreSQL searches the published
# revisions' words directly, through an expression index. Both made by migration 0002.
SQLITE_INDEX = "revision_search"
SEARCH_OBJECT_PREFIXES = (SQLITE_INDEX, "ix_revisions_search")
START, STOP = "\x02", "\x03"  # snippet highlight marks, never present in typed text


@dataclass(frozen=True)
class SearchHit:
    """One published page that matches, with a snippet around the matching words."""

    slug: str
    title: str
    summary: str
    snippet: Markup


def is_search_object(name: str | None) -> bool:
    """True for the tables and indexes of search, which the models do not describe."""
    return (name or "").startswith(SEARCH_OBJECT_PREFIXES)


def _sqlite() -> bool:
    return db.engine.dialect.name == "sqlite"


def index_page(page_id: int, title: str, words: str) -> None:
    """Make the page findable by its published words (no-op on PostgreSQL)."""
    if _sqlite():
        unindex_page(page_id)
        db.session.execute(
            text(f"INSERT INTO {SQLITE_INDEX} (rowid, title, body) VALUES (:id, :title, :body)"),
            {"id": page_id, "title": title, "body": words},
        )


def unindex_page(page_id: int) -> None:
    """Forget the page's words (no-op on PostgreSQL, which reads published revisions)."""
    if _sqlite():
        db.session.execute(text(f"DELETE FROM {SQLITE_INDEX} WHERE rowid = :id"), {"id": page_id})


def query_words(query: str) -> list[str]:
    """The words of a reader's query, without any search syntax."""
    return re.findall(r"\w+", query)[:12]


SQLITE_SEARCH = f"""
SELECT pages.published_slug AS slug, revisions.title, revisions.summary,
       snippet({SQLITE_INDEX}, 1, char(2), char(3), '…', 24) AS snippet
FROM {SQLITE_INDEX}
JOIN pages ON pages.id = {SQLITE_INDEX}.rowid
JOIN revisions ON revisions.id = pages.published_revision_id
WHERE {SQLITE_INDEX} MATCH :query AND pages.status = 'published' AND pages.deleted_at IS NULL
ORDER BY bm25({SQLITE_INDEX}, 4.0, 1.0), pages.id
LIMIT :limit OFFSET :offset
"""

# Title words weigh more than body words; the same expression is indexed by migration 0002.
POSTGRES_DOCUMENT = (
    "setweight(to_tsvector('english', revisions.title), 'A') || "
    "setweight(to_tsvector('english', revisions.search_text), 'D')"
)
POSTGRES_SEARCH = f"""
SELECT pages.published_slug AS slug, revisions.title, revisions.summary,
       ts_headline('english', revisions.search_text, query,
                   'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=40, MinWords=15')
           AS snippet
FROM pages
JOIN revisions ON revisions.id = pages.published_revision_id,
     plainto_tsquery('english', :query) AS query
WHERE pages.status = 'published' AND pages.deleted_at IS NULL
  AND {POSTGRES_DOCUMENT} @@ query
ORDER BY ts_rank({POSTGRES_DOCUMENT}, query) DESC, pages.published_at DESC, pages.id
LIMIT :limit OFFSET :offset
"""


def highlighted(snippet: str) -> Markup:
    """The snippet escaped, with the matched words in <mark>."""
    return Markup(str(escape(snippet)).replace(START, "<mark>").replace(STOP, "</mark>"))


def search(query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
    """Published pages matching every word of the query, best first: `limit` of them,
    after skipping the first `offset`."""
    words = query_words(query)
    if not words:
        return []
    if _sqlite():
        statement, match = SQLITE_SEARCH, " ".join(f'"{word}"' for word in words)
    else:
        statement, match = POSTGRES_SEARCH, " ".join(words)
    rows = db.session.execute(text(statement), {"query": match, "limit": limit, "offset": offset})
    return [
        SearchHit(row.slug, row.title, row.summary, highlighted(row.snippet or "")) for row in rows
    ]
