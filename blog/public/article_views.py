"""An article, served from its stored published revision, and the comment form under it."""

from datetime import datetime

from flask import Response, abort, current_app, flash, make_response, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import select

from blog.comments import CommentForm, checked_comment, client_hash
from blog.extensions import csrf, db, limiter
from blog.models import Comment, Page
from blog.public import bp
from blog.public.queries import article_fast_path, published
from blog.publishing import COMMENTS_MARK, reader_page


def _conditional(body: str, revision_id: int, changed: list[datetime | None], viewer: str):
    """The article with validators, answering If-None-Match / If-Modified-Since with 304."""
    last = max(moment for moment in changed if moment is not None)
    response = make_response(body)
    response.set_etag(f"r{revision_id}-c{int(last.timestamp() * 1e6)}-{viewer}")
    response.last_modified = last
    response.cache_control.no_cache = True
    response.cache_control.public = viewer == "reader"
    response.cache_control.private = viewer != "reader"
    response.vary.add("Cookie")
    return response.make_conditional(request)


@bp.get("/<slug>")
def article(slug: str) -> Response:
    """A published page. Anonymous readers without a session get the stored page in one
    query; everyone else (logged in, or with a message to show) gets it rendered."""
    if not request.cookies.get(current_app.config["SESSION_COOKIE_NAME"]):
        found = db.session.execute(article_fast_path(slug)).first()
        if found is None:
            abort(404)
        body = found.reader_html.replace(COMMENTS_MARK, found.comments_html, 1)
        return _conditional(body, found.id, [found.created_at, found.comments_changed_at], "reader")
    return _rendered_article(slug, CommentForm(), 200)


def _rendered_article(slug: str, comment: CommentForm, status: int) -> Response:
    page = db.first_or_404(published().where(Page.slug == slug))
    revision = page.published_revision
    html = reader_page(page, revision, page.comments_html, comment)
    if status != 200:
        return make_response(html, status)
    viewer = f"user{current_user.id}" if current_user.is_authenticated else "session"
    return _conditional(html, revision.id, [revision.created_at, page.comments_changed_at], viewer)


def _comment_limit() -> str:
    return current_app.config.get("COMMENT_RATE_LIMIT", "10 per minute")


@bp.post("/<slug>/comments")
@csrf.exempt  # anonymous readers have no session to forge; the honeypot and limit guard it
@limiter.limit(_comment_limit)
def post_comment(slug: str):
    """Hold a reader's comment for moderation and tell them so."""
    page = db.first_or_404(select(Page).where(Page.slug == slug, Page.status == "published"))
    comment = checked_comment(request.form)
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
