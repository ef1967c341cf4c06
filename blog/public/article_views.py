"""An article, served from its stored published revision, and the comment form under it."""

from flask import (
    Response,
    current_app,
    flash,
    make_response,
    redirect,
    request,
    session,
    url_for,
)
from flask_login import current_user
from sqlalchemy import select
from werkzeug.exceptions import RequestEntityTooLarge

from blog.comments import BODY_MAX, CommentForm, checked_comment, client_hash
from blog.extensions import csrf, db, limiter
from blog.models import Comment, Page
from blog.public import bp
from blog.public.queries import published
from blog.public.stored_pages import article_validators
from blog.publishing import reader_page


@bp.get("/<slug>")
def article(slug: str) -> Response:
    """A published page, rendered for a reader with a session (logged in, or with a message
    to show). Anonymous readers get the stored copy from blog/public/stored_pages.py."""
    return _rendered_article(slug, CommentForm(), 200)


def _rendered_article(slug: str, comment: CommentForm, status: int) -> Response:
    page = db.first_or_404(published().where(Page.slug == slug))
    revision = page.published_revision
    shows_messages = bool(session.get("_flashes"))
    response = make_response(reader_page(page, revision, page.comments_html, comment), status)
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


# Room for the longest comment, even in characters that take four bytes and are percent-
# encoded, with its name and email: a larger request is no comment.
COMMENT_REQUEST_MAX = 128 * 1024


@bp.post("/<slug>/comments")
@csrf.exempt  # anonymous readers have no session to forge; the honeypot and limit guard it
@limiter.limit(lambda: current_app.config["COMMENT_RATE_LIMIT"])
def post_comment(slug: str):
    """Hold a reader's comment for moderation and tell them so. A body past what any comment
    needs is refused before it is read, and never shown back."""
    page = db.first_or_404(select(Page).where(Page.slug == slug, Page.status == "published"))
    request.max_content_length = COMMENT_REQUEST_MAX
    try:
        comment = checked_comment(request.form)
    except RequestEntityTooLarge:
        too_long = CommentForm(errors={"comment": f"Comments can be up to {BODY_MAX} characters."})
        return _rendered_article(slug, too_long, 413)
    if comment.errors:
        return _rendered_article(slug, comment, 422)
    db.session.add(
        Comment(
            page_id=page.id,
            author_name=comment.name,
            email=comment.email or None,
            body=comment.body,
            client_hash=client_hash(request.remote_addr or ""),
        )
    )
    db.session.commit()
    flash(
        f"Thank you, {comment.name}. Your comment will appear once a moderator approves it.", "info"
    )
    return redirect(url_for("public.article", slug=slug, _anchor="comments"), 303)
