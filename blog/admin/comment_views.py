"""The comment moderation queue: approve, mark as spam or delete, one at a time or in bulk."""

from flask import flash, redirect, render_template, request, url_for
from sqlalchemy import delete, select, update
from sqlalchemy.orm import joinedload

from blog.admin.user_views import bp
from blog.auth.roles import can_moderate, require
from blog.comments import refresh_comments
from blog.extensions import db
from blog.models import Comment, Page
from blog.models.comments import COMMENT_STATUSES
from blog.numbers import whole_numbers

ACTIONS = {"approve": "approved", "spam": "spam", "delete": None}
QUEUE_SIZE = 100


@bp.get("/comments")
@require(can_moderate)
def comments():
    """Comments of one status (pending first), newest first, on pages not in the Trash."""
    status = request.args.get("status", "pending")
    if status not in COMMENT_STATUSES:
        status = "pending"
    queue = db.session.scalars(
        select(Comment)
        .join(Comment.page)
        # A page in the Trash takes its comments with it, until it is restored.
        .where(Comment.status == status, Page.deleted_at.is_(None))
        .options(joinedload(Comment.page))
        .order_by(Comment.created_at.desc(), Comment.id.desc())
        .limit(QUEUE_SIZE)
    ).all()
    return render_template(
        "admin/comments.html", comments=queue, status=status, statuses=COMMENT_STATUSES
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
