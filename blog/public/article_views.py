"""An article, served from its stored published revision, and its former addresses, which
lead to where it is now."""

from flask import Response, make_response, redirect, request, session, url_for
from flask_login import current_user

from blog.comments import CommentForm
from blog.extensions import db
from blog.models import Page
from blog.public import bp
from blog.public.queries import published_answering_to
from blog.public.stored_pages import article_validators
from blog.publishing import reader_page

# Shown under the comment form after a comment was taken: always these words, never any of
# what was posted (see comment_views).
COMMENT_HELD = "Thank you. Your comment will appear once a moderator approves it."
COMMENT_HELD_ANCHOR = "comment-held"  # the id of that notice, which the thanks leads to


@bp.get("/<slug>")
def article(slug: str) -> Response:
    """A published page, rendered for a reader with a session (logged in, or with a message
    to show). Anonymous readers get the stored copy from blog/public/stored_pages.py. A
    former address of the page leads to its address (301)."""
    page = db.first_or_404(published_answering_to(slug))
    if page.published_slug != slug:
        return redirect(url_for("public.article", slug=page.published_slug), 301)
    notice = COMMENT_HELD if request.args.get("comment") == "held" else ""
    return rendered_article(page, CommentForm(), 200, notice)


def rendered_article(page: Page, comment: CommentForm, status: int, notice: str = "") -> Response:
    """The article page of a published page with the comment form as given and, when
    given, a notice above the form."""
    revision = page.published_revision
    shows_messages = bool(notice or session.get("_flashes"))
    html = reader_page(page, revision, page.comments_html, comment, notice)
    response = make_response(html, status)
    if status != 200 or shows_messages:
        # A message is shown once: never let a cache replay it.
        response.cache_control.no_store = True
        return response
    viewer = f"user{current_user.id}" if current_user.is_authenticated else "session"
    etag, last = article_validators(
        revision.id, [revision.rendered_at, page.comments_changed_at], viewer
    )
    response.set_etag(etag.strip('"'))
    response.last_modified = last
    response.cache_control.no_cache = True
    response.cache_control.private = True
    response.vary.add("Cookie")
    return response.make_conditional(request)
