"""Restore: make a published revision or a draft checkpoint the draft again. It asks first
(GET), keeps the draft it replaces as a checkpoint, and is one operation in the log, so
"Undo" gives that draft back exactly."""

from flask import render_template, request
from flask_login import current_user

from blog.auth.roles import any_role, require
from blog.builder import bp
from blog.builder.draft import touch
from blog.builder.history_entries import HistoryEntry, checkpoint_entry, revision_entry
from blog.builder.loading import editable_page
from blog.builder.operation_log import recording
from blog.builder.responses import editor_url, refused
from blog.checkpoints import take_checkpoint
from blog.content.limits import past_limits
from blog.extensions import db
from blog.htmx import respond
from blog.models import Page
from blog.publishing import restore


@bp.route("/pages/<int:page_id>/revisions/<int:number>/restore", methods=["GET", "POST"])
@require(any_role)
def restore_revision(page_id: int, number: int):
    """Ask first (GET), then make a revision the draft again; readers see no change until
    the next Publish."""
    page = editable_page(page_id, with_content=request.method == "POST")
    return _restore(page, revision_entry(page, number))


@bp.route("/pages/<int:page_id>/checkpoints/<int:checkpoint_id>/restore", methods=["GET", "POST"])
@require(any_role)
def restore_checkpoint(page_id: int, checkpoint_id: int):
    """Ask first (GET), then make a draft checkpoint the draft again."""
    page = editable_page(page_id, with_content=request.method == "POST")
    return _restore(page, checkpoint_entry(page, checkpoint_id))


def _restore(page: Page, entry: HistoryEntry):
    if request.method == "GET":
        return render_template("builder/restore_entry.html", page=page, entry=entry)
    too_big = past_limits(entry.content["rows"])
    if too_big:
        return refused(page.id, f"{entry.name} cannot be restored: {too_big}")
    take_checkpoint(page.id, current_user.id, "restore")
    old_rows = [row.id for row in page.rows]
    label = f"{entry.name} restored"
    with recording(page, label, details=True, rows=old_rows, whole_rows=old_rows) as change:
        restore(page, entry.content)
        db.session.flush()
        change.creates_rows(*[row.id for row in page.rows])
    touch(page)
    back = editor_url(page.id)
    db.session.commit()
    message = (
        f"{entry.name} is the draft again; the draft it replaced is kept in History, and "
        "Undo puts it back. Readers see no change until the next Publish."
    )
    return respond(navigate_to=back, message=message)
