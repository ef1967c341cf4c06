"""Stored lists: every page of the front page and of each tag, the feed, the sitemap and
robots.txt, rendered for anonymous readers when what is published changes, and kept in the
database so that every process answers the same (blog/public/stored_list_answers.py).

A refresh renders them all and writes only those whose body changed: a list that reads the
same keeps its ETag and Last-Modified, so invalidation is exact by construction.
"""

import hashlib
from collections.abc import Iterator

from flask import current_app, render_template
from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.orm import contains_eager

from blog.extensions import db
from blog.models import Page, Revision, StoredList, utcnow
from blog.public.feed_views import FEED_SIZE, feed_xml, robots_txt, sitemap_xml
from blog.public.queries import PAGE_SIZE, published

HTML = "text/html; charset=utf-8"
# Any fixed number: publishing processes on PostgreSQL take turns refreshing (see refresh).
REFRESH_LOCK = 7_413_001


def list_address(path: str, number: int) -> str:
    """The address of page `number` of the list at `path` (`/`, `/tags/news`)."""
    return path if number == 1 else f"{path}?page={number}"


def _chunks(pages: list[Page]) -> Iterator[tuple[int, list[Page], bool]]:
    """(page number, its pages, whether there is a next one) for a list; one empty page for
    an empty list."""
    for first in range(0, max(len(pages), 1), PAGE_SIZE):
        yield (
            first // PAGE_SIZE + 1,
            pages[first : first + PAGE_SIZE],
            first + PAGE_SIZE < len(pages),
        )


def _render_at(address: str, template: str, **context) -> str:
    """Render as for an anonymous request to `address` (its pagination links are built
    from it), holding nobody's session."""
    base_url = current_app.config["BLOG_BASE_URL"]
    with current_app.test_request_context(address, base_url=base_url):
        return render_template(template, reader_copy=True, **context)


def rendered_lists() -> dict[str, tuple[str, str]]:
    """Every stored list as it reads now: {address: (content type, body)}."""
    pages = list(
        db.session.scalars(
            published().options(contains_eager(Page.published_revision).selectinload(Revision.tags))
        ).unique()
    )
    everything, pages = pages, [p for p in pages if p.published_revision.kind == "post"]
    lists = {}
    for number, chunk, has_next in _chunks(pages):
        lists[list_address("/", number)] = (
            HTML,
            _render_at(
                list_address("/", number),
                "public/index.html",
                pages=chunk,
                number=number,
                has_next=has_next,
            ),
        )
    tags = {tag.slug: tag for page in pages for tag in page.published_revision.tags}
    for tag in tags.values():
        tagged = [p for p in pages if tag in p.published_revision.tags]
        for number, chunk, has_next in _chunks(tagged):
            address = list_address(f"/tags/{tag.slug}", number)
            lists[address] = (
                HTML,
                _render_at(
                    address,
                    "public/tag.html",
                    tag=tag,
                    pages=chunk,
                    number=number,
                    has_next=has_next,
                ),
            )
    updated = max((p.published_revision.created_at for p in pages), default=None)
    with current_app.test_request_context("/", base_url=current_app.config["BLOG_BASE_URL"]):
        lists["/feed.xml"] = (
            "application/atom+xml; charset=utf-8",
            feed_xml(pages[:FEED_SIZE], updated),
        )
        indexed = [p for p in everything if not p.published_revision.noindex]
        lists["/sitemap.xml"] = ("application/xml; charset=utf-8", sitemap_xml(indexed))
        lists["/robots.txt"] = ("text/plain; charset=utf-8", robots_txt())
    return lists


def _etag(body: str) -> str:
    return '"l' + hashlib.sha256(body.encode()).hexdigest()[:24] + '"'


def refresh() -> int:
    """Bring the stored lists up to date in the current transaction; returns how many
    addresses changed (added, changed or gone). The caller commits.

    On PostgreSQL two transactions that publish at once take turns here, and the second
    reads the first's pages once it has committed: otherwise each would store lists
    missing the other's page. (SQLite runs one writing transaction at a time anyway.)"""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REFRESH_LOCK})
    wanted = rendered_lists()
    stored = dict(db.session.execute(select(StoredList.address, StoredList.etag)).all())
    now, changed = utcnow(), 0
    for address, (content_type, body) in wanted.items():
        etag = _etag(body)
        values = dict(content_type=content_type, body=body, etag=etag, changed_at=now)
        if address not in stored:
            db.session.execute(insert(StoredList).values(address=address, **values))
        elif stored[address] != etag:
            db.session.execute(
                update(StoredList).where(StoredList.address == address).values(**values)
            )
        else:
            continue
        changed += 1
    gone = set(stored) - set(wanted)
    if gone:
        db.session.execute(delete(StoredList).where(StoredList.address.in_(gone)))
    return changed + len(gone)
