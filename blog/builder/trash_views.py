"""Builder views of the Trash: the deleted pages, "Restore", "Delete forever" and "Empty
trash" (editors and admins)."""

from flask import abort, render_template, url_for
from sqlalchemy import select

from blog.auth.roles import can_use_trash, require
from blog.builder import bp
from blog.builder.trash import delete_for_good, restore_from_trash, trashed_pages
from blog.extensions import db
from blog.htmx import respond
from blog.models import Page

TRASH = "builder/trash.html"
TRASH_LIST = "builder/_trash_list.html"


def _trashed_page(page_id: int) -> Page:
    """The page, 404 unless it is in the Trash."""
    return db.first_or_404(select(Page).where(Page.id == page_id, Page.deleted_at.is_not(None)))


@bp.get("/trash")
@require(can_use_trash)
def trash():
    """The pages in the Trash, most recently deleted first."""
    return render_template(TRASH, pages=trashed_pages())


@bp.post("/trash/<int:page_id>/restore")
@require(can_use_trash)
def restore_page(page_id: int):
    """Put a page back where it was: in the pages list and, if published, on the site."""
    page = _trashed_page(page_id)
    title, public = page.title, page.is_published
    address = url_for("public.article", slug=page.published_slug) if public else ""
    if not restore_from_trash(page_id):
        abort(404)
    db.session.commit()
    message = f"“{title}” is back in the pages list."
    if public:
        message += f" Readers find it at {address} again."
    return respond(
        fragment=TRASH_LIST,
        redirect_to=url_for("builder.trash"),
        message=message,
        pages=trashed_pages,
    )


@bp.post("/trash/<int:page_id>/delete")
@require(can_use_trash)
def delete_forever(page_id: int):
    """Delete one page of the Trash for good."""
    title = _trashed_page(page_id).title
    if not delete_for_good(page_id):
        abort(404)
    db.session.commit()
    return respond(
        fragment=TRASH_LIST,
        redirect_to=url_for("builder.trash"),
        message=f"“{title}” was deleted for good.",
        pages=trashed_pages,
    )


@bp.post("/trash/empty")
@require(can_use_trash)
def empty_trash():
    """Delete every page in the Trash for good."""
    count = delete_for_good()
    db.session.commit()
    message = f"The Trash is empty: {count} page{'' if count == 1 else 's'} deleted for good."
    return respond(
        fragment=TRASH_LIST,
        redirect_to=url_for("builder.trash"),
        message=message,
        pages=trashed_pages,
    )
