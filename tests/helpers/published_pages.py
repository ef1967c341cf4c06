"""Pages for the tests of the public site: built from rows in the export format straight into
the database, then published as the builder's Publish button does, or left as drafts."""

from datetime import datetime
from typing import Any

from sqlalchemy import select
from werkzeug.security import generate_password_hash

from blog.comments import refresh_comments
from blog.content.document import rows_from_document
from blog.extensions import db
from blog.models import Block, Comment, Page, Row, Tag, User
from blog.publishing import publish, unpublish
from blog.slugs import slugify

from helpers.support import PASSWORD

# The author of the pages these helpers build (an editor, so they may publish).
AUTHOR_EMAIL = "wren@example.com"
AUTHOR_NAME = "Wren Writer"
# Setup only: the accounts' real scrypt hash costs a fifth of a second per person.
QUICK_HASH = "pbkdf2:sha256:1"


# Rows and blocks in the export format


def text_block(markdown: str) -> dict[str, Any]:
    return {"type": "text", "data": {"markdown": markdown}}


def heading_block(text: str, level: int = 2) -> dict[str, Any]:
    return {"type": "heading", "data": {"text": text, "level": level}}


def one_column(*blocks: dict[str, Any]) -> dict[str, Any]:
    """A row of one column holding these blocks."""
    return {"layout": "1", "columns": [list(blocks)]}


def text_rows(*paragraphs: str) -> list[dict[str, Any]]:
    """The rows of a page that is one column of text blocks."""
    return [one_column(*(text_block(paragraph) for paragraph in paragraphs))]


# People


def person(app, email: str = AUTHOR_EMAIL, role: str = "editor", name: str = AUTHOR_NAME) -> int:
    """The id of the person with this email, stored now (password PASSWORD) if new."""
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        if user is None:
            user = User(
                email=email,
                name=name,
                role=role,
                password_hash=generate_password_hash(PASSWORD, QUICK_HASH),
            )
            db.session.add(user)
            db.session.commit()
        return user.id


# Pages


def _tags(names: tuple[str, ...] | list[str]) -> list[Tag]:
    """Tags by name, the stored ones reused (call inside an app context)."""
    tags = []
    for name in names:
        slug = slugify(name)
        tag = db.session.scalar(select(Tag).where(Tag.slug == slug))
        tags.append(tag or Tag(name=name, slug=slug))
    return tags


def _new_page(title, slug, rows, summary, tags, author_email) -> Page:
    author = db.session.scalar(select(User).where(User.email == author_email))
    page = Page(
        title=title,
        slug=slug,
        summary=summary,
        author=author,
        rows=rows_from_document(rows),
        tags=_tags(tags),
    )
    db.session.add(page)
    db.session.flush()
    return page


def make_draft_page(
    app,
    title: str,
    slug: str,
    rows: list[dict[str, Any]] | None = None,
    *,
    summary: str = "",
    tags: tuple[str, ...] = (),
    author_email: str = AUTHOR_EMAIL,
) -> int:
    """A page that was never published, with these rows (export format); returns its id."""
    person(app, author_email)
    with app.app_context():
        page = _new_page(title, slug, rows or text_rows(title), summary, tags, author_email)
        db.session.commit()
        return page.id


def make_published_page(
    app,
    title: str,
    slug: str,
    rows: list[dict[str, Any]] | None = None,
    *,
    summary: str = "",
    tags: tuple[str, ...] = (),
    author_email: str = AUTHOR_EMAIL,
) -> int:
    """A page with these rows (export format), published by its author during a request to
    this site, as the builder's Publish button does; returns its id."""
    person(app, author_email)
    with app.test_request_context():
        page = _new_page(title, slug, rows or text_rows(title), summary, tags, author_email)
        publish(page, page.author)
        db.session.commit()
        return page.id


def edit_draft(app, page_id: int, block_data: dict[str, Any] | None = None, **details) -> None:
    """Change the draft without publishing: page details (title, summary, tags as names)
    and the data of the page's first block."""
    with app.app_context():
        page = db.session.get(Page, page_id)
        if "tags" in details:
            page.tags = _tags(details.pop("tags"))
        for name, value in details.items():
            setattr(page, name, value)
        if block_data is not None:
            first = db.session.scalar(
                select(Block).join(Row).where(Row.page_id == page_id).order_by(Block.id)
            )
            first.data = block_data
            first.version += 1
        db.session.commit()


def publish_again(app, page_id: int) -> None:
    """Publish the page's current draft (a new revision)."""
    with app.test_request_context():
        page = db.session.get(Page, page_id)
        publish(page, page.author)
        db.session.commit()


def take_offline(app, page_id: int) -> None:
    """Unpublish the page, as the builder's Unpublish button does."""
    with app.app_context():
        unpublish(db.session.get(Page, page_id))
        db.session.commit()


# Comments


def approve_comments(app, page_id: int) -> None:
    """Approve every pending comment of the page, as a moderator will (no moderation UI yet)."""
    with app.app_context():
        page = db.session.get(Page, page_id)
        for comment in db.session.scalars(
            select(Comment).where(Comment.page_id == page_id, Comment.status == "pending")
        ):
            comment.status = "approved"
        refresh_comments(page)
        db.session.commit()


def stored_comments(app) -> list[tuple[str, str, str]]:
    """Every stored comment as (author name, body, status), oldest first."""
    with app.app_context():
        comments = db.session.scalars(select(Comment).order_by(Comment.created_at, Comment.id))
        return [(c.author_name, c.body, c.status) for c in comments]


def comment_times(app) -> list[datetime]:
    """When each stored comment was written, oldest first."""
    with app.app_context():
        return list(db.session.scalars(select(Comment.created_at).order_by(Comment.created_at)))


# Pages a reader cannot see at /leek-soup, one way or another.


def draft_only(app) -> None:
    make_draft_page(app, "Leek soup", "leek-soup")


def unknown_slug(app) -> None:
    make_published_page(app, "Elsewhere", "elsewhere")


def taken_offline(app) -> None:
    take_offline(app, make_published_page(app, "Leek soup", "leek-soup"))


PAGES_READERS_CANNOT_SEE = [draft_only, unknown_slug, taken_offline]
