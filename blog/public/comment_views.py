"""Where readers' comments are posted: one address per page, which no slug change moves,
and the per-slug address that article pages stored before it still post to.

Readers have no session, so the endpoint is exempt from the CSRF token. What guards it
instead: posts from another site's pages are refused (Origin, Sec-Fetch-Site), it never
writes the session (so a cross-site post cannot replace a signed-in person's session), its
messages are fixed words, and a body larger than any comment is refused before it is read.
"""

from urllib.parse import urlsplit

from flask import Response, abort, current_app, redirect, request, url_for
from sqlalchemy import Select
from werkzeug.exceptions import RequestEntityTooLarge

from blog.comments import BODY_MAX, CommentForm, checked_comment, client_hash
from blog.extensions import csrf, db, limiter
from blog.models import Comment, Page
from blog.public import bp
from blog.public.article_views import COMMENT_HELD_ANCHOR, rendered_article
from blog.public.queries import published, published_answering_to

# Room for the longest comment, even in characters that take four bytes and are percent-
# encoded, with its name and email: a larger request is no comment.
COMMENT_REQUEST_MAX = 128 * 1024
CROSS_SITE = (
    "Comments can be posted only from this site's own pages, and this one came from "
    "another site. Nothing was posted."
)
COMMENTS_CLOSED = "Comments are closed on this page. Nothing was posted."

# Both addresses share one budget per client.
comment_limit = limiter.shared_limit(
    lambda: current_app.config["COMMENT_RATE_LIMIT"], scope="comments"
)


@bp.post("/pages/<int:page_id>/comments")
@csrf.exempt  # readers have no session to forge: see the module's docstring
@comment_limit
def post_page_comment(page_id: int) -> Response:
    """Hold a reader's comment on the page for moderation and tell them so."""
    return _take_comment(published().where(Page.id == page_id))


@bp.post("/<slug>/comments")
@csrf.exempt
@comment_limit
def post_comment(slug: str) -> Response:
    """The same, at the address article pages stored before /pages/<id>/comments post to:
    their slug may since have become a former address of the page."""
    return _take_comment(published_answering_to(slug))


def _take_comment(page_query: Select) -> Response:
    if _from_another_site():
        abort(403, CROSS_SITE)
    page = db.first_or_404(page_query)
    if not page.comments_open:
        abort(403, COMMENTS_CLOSED)
    request.max_content_length = COMMENT_REQUEST_MAX
    try:
        comment = checked_comment(request.form)
    except RequestEntityTooLarge:
        too_long = CommentForm(errors={"comment": f"Comments can be up to {BODY_MAX} characters."})
        return rendered_article(page, too_long, 413)
    if comment.errors:
        return rendered_article(page, comment, 422)
    # The thanks is in the address, not in a flashed message: flashing writes the session.
    thanks = url_for("public.article", slug=page.published_slug, comment="held")
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
    # Straight to the thanks, which stands at the comment form: the top of the comments may
    # be screens above it.
    return redirect(f"{thanks}#{COMMENT_HELD_ANCHOR}", 303)


def _from_another_site() -> bool:
    """True when the browser says the post was sent from another site's page: by
    Sec-Fetch-Site, or by an Origin that is not this site's (as the request reached it, or
    as BLOG_BASE_URL names it). A client that sends neither header is let through."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    base = urlsplit(current_app.config["BLOG_BASE_URL"])
    return origin not in (request.host_url.rstrip("/"), f"{base.scheme}://{base.netloc}")
