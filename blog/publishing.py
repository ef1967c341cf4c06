"""Publishing freezes a page's draft into a revision rendered once; readers get that."""

from typing import Any

from flask import current_app, has_request_context, render_template
from markupsafe import Markup
from sqlalchemy import Select, delete, select, update

from blog import search
from blog.checkpoints import take_checkpoint
from blog.comments import CommentForm
from blog.content.document import page_document, rows_from_document
from blog.content.document_export import picture_references
from blog.content.document_import import import_page
from blog.content.page_kinds import page_values, revision_values
from blog.content.rendering import plain_text, reading_minutes, render_page
from blog.content.tags import tags_named
from blog.extensions import db
from blog.models import (
    FormerAddress,
    Media,
    Page,
    PublishingSchedule,
    Revision,
    Row,
    User,
    utcnow,
)

# Where an article's approved comments go in its stored page (see reader_page).
COMMENTS_MARK = "<!-- approved comments -->"
# Set in a session's info: refresh the stored lists when it commits (blog/public/list_changes).
LISTS_CHANGED = "stored lists changed"


def lists_changed() -> None:
    """Have the stored lists (front page, tags, feed, sitemap) rendered again when the
    current transaction commits: for a change they show that no stored value records, such
    as a new template. Changes to pages, revisions and names are noticed without this."""
    db.session().info[LISTS_CHANGED] = True


def reader_page(
    page: Page,
    revision: Revision,
    comments_html: str | None = None,
    comment_form=None,
    notice: str = "",
) -> str:
    """The whole article page as readers get it, with `notice` (site words) above the
    comment form. Without comments_html, the mark stays where the comments go: that is the
    stored copy anonymous readers are served."""
    comments = Markup(comments_html) if comments_html is not None else Markup(COMMENTS_MARK)
    context = dict(
        page=page,
        revision=revision,
        body=Markup(revision.html),
        comments=comments,
        reader_copy=comments_html is None,
        comment=comment_form or CommentForm(),
        notice=notice,
    )
    if has_request_context():
        return render_template("public/article.html", **context)
    # Publishing from a command: the page's relative links and its comment form need a
    # request to be built in. (Its absolute links come from BLOG_BASE_URL either way.)
    with current_app.test_request_context(base_url=current_app.config["BLOG_BASE_URL"]):
        return render_template("public/article.html", **context)


def publish(page: Page, user: User | None) -> Revision:
    """Snapshot the draft into a new revision, render it, and make it what readers get, at
    the draft's slug (the address it leaves keeps leading to the page).

    Publishing one page is done one at a time: a second Publish waits for the first, and
    when the draft has not changed since, it publishes nothing new and returns the revision
    readers already get. The caller commits; until then nothing readers see has changed.
    A "Publish at" time the page had is done with (blog/schedule.py).
    """
    _wait_for_other_publishing(page)
    # The page's row, then its schedule's: the order scheduled publishing takes them in too.
    drop_schedule(page)
    content = _published_content(page)
    _move_address(page)
    latest = _latest_revision(page)
    if latest is not None and _is_live(page, latest.content, content):
        return latest
    take_checkpoint(page.id, user.id if user is not None else None, "publish")
    text = plain_text(content)
    number = (latest.number if latest is not None else 0) + 1
    revision = Revision(
        page_id=page.id,
        number=number,
        author=user,
        content=content,
        title=page.title,
        summary=page.summary,
        html=render_page(content),
        search_text=text,
        reading_minutes=reading_minutes(text),
        tags=list(page.tags),
        **revision_values(content),
    )
    db.session.add(revision)
    db.session.flush()
    page.published_revision = revision
    page.status = "published"
    # The first revision's time: the article's date and its last change read the same.
    page.published_at = page.published_at or revision.created_at
    revision.reader_html = reader_page(page, revision)
    search.index_page(page.id, revision.title, text)
    _make_pictures_public(content)
    return revision


def changes_not_live(page: Page) -> bool:
    """True when the page is published and its draft holds changes readers do not get yet
    (the next Publish would make a new revision): the same comparison Publish makes. The
    page's rows, blocks and tags should be loaded."""
    if not page.is_published:
        return False
    latest = db.session.scalar(_newest_revision(page).with_only_columns(Revision.content))
    return not _is_live(page, latest, _published_content(page))


def _published_content(page: Page) -> dict[str, Any]:
    """The draft as a revision would hold it."""
    content = page_document(page, with_ids=True)
    content["status"] = "published"
    return content


def _is_live(page: Page, latest: dict[str, Any] | None, content: dict[str, Any]) -> bool:
    """Readers already get `content`: the page is published and its newest revision's
    content (`latest`) is exactly that (title, slug, summary, tags and every block)."""
    return latest is not None and page.status == "published" and latest == content


def _make_pictures_public(content: dict[str, Any]) -> None:
    """Readers may now fetch every picture the revision shows (see Media.public)."""
    names = {name for _, name in picture_references(content["rows"])}
    if featured := content.get("featured_image"):
        names.add(featured["media"])
    if names:
        db.session.execute(
            update(Media)
            .where(Media.sha256.in_(names), Media.public.is_(False))
            .values(public=True)
        )


def _move_address(page: Page) -> None:
    """Make the draft's slug the page's address. The address it leaves becomes a former
    address that leads to the new one; a former address the page takes back is one no more."""
    left = page.published_slug
    if left == page.slug:
        return
    db.session.execute(
        delete(FormerAddress).where(
            FormerAddress.slug == page.slug, FormerAddress.page_id == page.id
        )
    )
    if left is not None:
        db.session.add(FormerAddress(slug=left, page_id=page.id))
    page.published_slug = page.slug


def import_document(document: Any, user: User) -> Page:
    """Store a page document as a new page by `user` (see import_page) and publish it when
    its status is "published". The caller commits."""
    page = import_page(document, user)
    if document.get("status") == "published":
        publish(page, user)
    return page


def drop_schedule(page: Page) -> bool:
    """Cancel the page's "Publish at" time; True when it had one."""
    gone = db.session.execute(
        delete(PublishingSchedule).where(PublishingSchedule.page_id == page.id)
    )
    return gone.rowcount > 0


def _wait_for_other_publishing(page: Page) -> None:
    """Take the page's row for this transaction (an UPDATE that changes nothing): a second
    publishing of the page waits here until the first commits, then sees its revision."""
    db.session.execute(
        update(Page)
        .where(Page.id == page.id)
        .values(status=Page.status)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(page, ["status", "published_revision_id"])


def _latest_revision(page: Page) -> Revision | None:
    """The page's newest revision (read after _wait_for_other_publishing, so it is final)."""
    return db.session.scalar(_newest_revision(page))


def _newest_revision(page: Page) -> Select:
    """The query for the page's newest revision."""
    return (
        select(Revision)
        .where(Revision.page_id == page.id)
        .order_by(Revision.number.desc())
        .limit(1)
    )


def unpublish(page: Page) -> None:
    """Take the page off the public site; its revisions stay for History and Restore, and
    a "Publish at" time it had is cancelled (it should not come back by itself)."""
    drop_schedule(page)
    page.status = "draft"
    search.unindex_page(page.id)


def restore(page: Page, content: dict[str, Any]) -> None:
    """Make a document of the page (a revision's or a checkpoint's content) its draft again:
    title, summary, tags, kind, sharing details and rows; the slug stays. Readers keep
    getting the published revision until the next Publish."""
    page.title, page.summary = content["title"], content.get("summary", "")
    page.tags = tags_named(content.get("tags", []))
    for column, value in page_values(content).items():
        setattr(page, column, value)
    db.session.execute(db.delete(Row).where(Row.page_id == page.id))
    db.session.expire(page, ["rows"])
    page.rows = rows_from_document(content["rows"])


def switch_comments(page: Page, open_: bool) -> None:
    """Turn the page's comments on or off, at once: a published page's stored copy is
    rendered again with the comment form, or with "Comments are closed." in its place."""
    page.comments_open = open_
    if page.published_revision is not None:
        _store_reader_copy(page, page.published_revision)


def _store_reader_copy(page: Page, revision: Revision) -> None:
    """Render the whole article page anonymous readers are served again, and note when."""
    revision.reader_html = reader_page(page, revision)
    revision.rendered_at = utcnow()


def rerender_all(author: User | None = None) -> int:
    """Render every published revision's stored pages again (after a template change), or
    only those of `author` (after their name changed)."""
    count = 0
    published = select(Page).where(Page.published_revision_id.is_not(None))
    if author is not None:
        published = published.where(Page.author_id == author.id)
    for page in db.session.scalars(published):
        revision = page.published_revision
        revision.html = render_page(revision.content)
        # Words are taken from blocks as readers see them; older revisions kept Markdown.
        revision.search_text = plain_text(revision.content)
        search.index_page(page.id, revision.title, revision.search_text)
        _store_reader_copy(page, revision)
        count += 1
    lists_changed()
    return count
