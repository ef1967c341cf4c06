"""The comment moderation queue: approve, mark as spam or delete, one at a time or in bulk."""

from flask import abort, flash, redirect, render_template, request, url_for
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import joinedload

from blog.admin.user_views import bp
from blog.auth.roles import can_moderate, require
from blog.comments import refresh_comments
from blog.extensions import db
from blog.models import Comment, Page
from blog.models.comments import COMMENT_STATUSES
from blog.numbers import whole_number, whole_numbers

ACTIONS = {"approve": "approved", "spam": "spam", "delete": None}
QUEUE_SIZE = 100


def _in_queue(status: str):
    """The comments of one status on pages not in the Trash (a page in the Trash takes its
    comments with it, until it is restored)."""
    return (
        select(Comment)
        .join(Comment.page)
        .where(Comment.status == status, Page.deleted_at.is_(None))
    )


@bp.app_template_global()
def pending_comments() -> int:
    """How many comments wait for moderation (the admin menu shows it to moderators)."""
    return db.session.scalar(select(func.count()).select_from(_in_queue("pending").subquery()))


@bp.get("/comments")
@require(can_moderate)
def comments():
    """Comments of one status (pending first), newest first, a hundred to a page
    (`?page=N`), each with its page and the commenter's email."""
    status = request.args.get("status", "pending")
    if status not in COMMENT_STATUSES:
        status = "pending"
    number = whole_number(request.args.get("page", "1"), largest=10**6)
    if not number:
        abort(404)
    # One more than a page tells whether there is a next page.
    queue = db.session.scalars(
        _in_queue(status)
        .options(joinedload(Comment.page))
        .order_by(Comment.created_at.desc(), Comment.id.desc())
        .limit(QUEUE_SIZE + 1)
        .offset((number - 1) * QUEUE_SIZE)
    ).all()
    if number > 1 and not queue:
        abort(404)
    return render_template(
        "admin/comments.html",
        comments=queue[:QUEUE_SIZE],
        status=status,
        statuses=COMMENT_STATUSES,
        number=number,
        has_next=len(queue) > QUEUE_SIZE,
    )


@bp.post("/comments")
@require(can_moderate)
def moderate():
    """Apply one action to the chosen comments, then re-render their pages' comments."""
    action = request.form.get("action", "")
    ids = whole_numbers(request.form.getlist("comment"))
    back = redirect(url_for("admin.comments", status=request.args.get("status")), 303)
    if action not in ACTIONS or not ids:
        flash("Choose at least one comment and an action.", "error")
        return back
    page_ids = set(db.session.scalars(select(Comment.page_id).where(Comment.id.in_(ids))))
    if action == "delete":
        db.session.execute(delete(Comment).where(Comment.id.in_(ids)))
    else:
        db.session.execute(
            update(Comment).where(Comment.id.in_(ids)).values(status=ACTIONS[action])
        )
    for page in db.session.scalars(select(Page).where(Page.id.in_(page_ids))):
        refresh_comments(page)
    db.session.commit()
    done = {"approve": "approved", "spam": "marked as spam", "delete": "deleted"}[action]
    flash(f"{len(ids)} comment{'s' if len(ids) != 1 else ''} {done}.", "info")
    return back
