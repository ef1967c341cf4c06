"""Builder views for whole pages: the list, creating, the editor."""

from flask import abort, current_app, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from werkzeug.exceptions import RequestEntityTooLarge

from blog.auth.roles import any_role, can_delete_page, can_edit_any_page, can_use_trash, require
from blog.builder import bp
from blog.builder.block_forms import BlockForm
from blog.builder.draft import claim_details, store_new_page
from blog.builder.loading import editable_page
from blog.builder.operation_log import recording
from blog.builder.page_details import PageDetails, apply_details, checked_details
from blog.builder.responses import committed, editor_url, refused
from blog.builder.trash import move_to_trash
from blog.content.document import page_document, rows_from_document
from blog.extensions import db
from blog.htmx import respond
from blog.models import Page, PublishingSchedule, Row
from blog.numbers import whole_numbers
from blog.schedule import publishing_times
from blog.slugs import unique_slug
from blog.upload_limit import upload_limit

NEW_PAGE_TITLE = "Untitled page"
PUBLISHED_STAYS = (
    "A published page can be deleted only by an editor or an admin. Ask one to take it off "
    "the site or to delete it."
)
BUSY = "Others were making pages at the same moment and nothing was made; please try again."


@bp.get("/")
@require(any_role)
def pages():
    """Pages the current user may edit, most recently changed first, filtered by status
    ("scheduled": drafts with a "Publish at" time, which count as drafts too)."""
    status = request.args.get("status", "")
    query = (
        select(Page)
        .where(Page.deleted_at.is_(None))
        .options(selectinload(Page.author))
        .order_by(Page.updated_at.desc())
    )
    if not can_edit_any_page(current_user):
        query = query.where(Page.author_id == current_user.id)
    if status in ("draft", "published"):
        query = query.where(Page.status == status)
    elif status == "scheduled":
        query = query.where(Page.id.in_(select(PublishingSchedule.page_id)))
    pages = db.session.scalars(query).all()
    return render_template(
        "builder/pages.html",
        pages=pages,
        publish_times=publishing_times([page.id for page in pages]),
        status=status,
    )


@bp.post("/pages")
@require(any_role)
def new_page():
    """Create an empty draft and open it in the editor."""
    page = store_new_page(
        lambda: Page(
            title=NEW_PAGE_TITLE,
            slug=unique_slug(NEW_PAGE_TITLE),
            author=current_user,
            rows=[Row(position=0, layout="1")],
        )
    )
    if page is None:
        return respond(navigate_to=url_for("builder.pages"), status=409, message=BUSY)
    return respond(navigate_to=editor_url(page.id))


@bp.get("/pages/<int:page_id>")
@require(any_role)
def editor(page_id: int):
    """The editor: page details, the rows with their blocks, and the page's actions. Blocks
    named by `?edit=` open as forms, and a column named by `?add=` shows its block types
    (how "Edit" and "Add block" work without JavaScript), and `?after=` shows the block types
    right after that block (its "+")."""
    page = editable_page(page_id, with_content=True)
    editing = set(whole_numbers(request.args.getlist("edit")))
    forms = {b.id: BlockForm.of(b) for row in page.rows for b in row.blocks if b.id in editing}
    # `?add=<row id>-<column>`: that column's "Add block" opened (without JavaScript).
    adding = whole_numbers(request.args.get("add", "").split("-", 1))
    insert_after = next(iter(whole_numbers([request.args.get("after", "")])), None)
    return render_template(
        "builder/editor.html", page=page, forms=forms, adding=adding, insert_after=insert_after
    )


@bp.post("/pages/<int:page_id>/details")
@require(any_role)
@upload_limit("featured_image_file")
def save_details(page_id: int):
    """Title, slug, summary, tags, kind and sharing details, saved as they are edited; a
    featured image may be uploaded with them."""
    page = editable_page(page_id)
    try:
        upload = request.files.get("featured_image_file")
    except RequestEntityTooLarge:
        megabytes = current_app.config["MAX_UPLOAD_BYTES"] // (1024 * 1024)
        details = PageDetails.of(page)  # the body, with what was typed, could not be read
        message = details.errors["featured_image"] = f"The image is larger than {megabytes} MB."
        return refused(
            page_id, message, status=413, fragment="builder/_page_details.html", details=details
        )
    details = checked_details(page, request.form, upload)
    if details.errors:
        db.session.rollback()
        message = " ".join(details.errors.values())
        return refused(page_id, message, fragment="builder/_page_details.html", details=details)
    if not claim_details(page, details.version):
        db.session.rollback()
        page = editable_page(page_id)
        details.theirs, details.version = PageDetails.of(page), page.details_version
        message = "Someone else changed these details meanwhile; what you typed is kept."
        return refused(
            page_id, message, status=409, fragment="builder/_page_details.html", details=details
        )
    with recording(page, "Page details changed", details=True):
        apply_details(page, details)
    return committed(
        page,
        fragment="builder/_page_details.html",
        redirect_to=editor_url(page.id),
        message="Page details saved.",
        page=page,
        details=lambda: PageDetails.of(page),  # after the commit: the new version
    )


@bp.post("/pages/<int:page_id>/duplicate")
@require(any_role)
def duplicate_page(page_id: int):
    """A draft copy of the page, its rows and blocks, owned by whoever duplicates it."""
    page = editable_page(page_id, with_content=True)
    title = f"Copy of {page.title}"[:200]
    copy = store_new_page(
        lambda: Page(
            title=title,
            slug=unique_slug(title),
            summary=page.summary,
            author=current_user,
            tags=list(page.tags),
            rows=rows_from_document(page_document(page)["rows"]),
        )
    )
    if copy is None:
        return respond(navigate_to=editor_url(page_id), status=409, message=BUSY)
    return respond(navigate_to=editor_url(copy.id), message=f"This is a copy of “{page.title}”.")


@bp.route("/pages/<int:page_id>/delete", methods=["GET", "POST"])
@require(any_role)
def delete_page(page_id: int):
    """Ask first (GET), then move the page, with everything it holds, to the Trash."""
    page = editable_page(page_id)
    if not can_delete_page(current_user, page):
        abort(403, PUBLISHED_STAYS)
    if request.method == "GET":
        return render_template("builder/delete_page.html", page=page)
    title = page.title
    move_to_trash(page)
    db.session.commit()
    who = "you" if can_use_trash(current_user) else "an editor"
    message = f"“{title}” is in the Trash, where {who} can restore it."
    return respond(navigate_to=url_for("builder.pages"), message=message)
