"""Builder views for whole pages: the list, creating, the editor."""

from flask import redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from blog.auth.roles import any_role, require, require_page_editor
from blog.builder import bp
from blog.extensions import db
from blog.models import Page, Row
from blog.slugs import unique_slug

NEW_PAGE_TITLE = "Untitled page"


@bp.get("/")
@require(any_role)
def pages():
    """Pages the current user may edit, most recently changed first, filtered by status."""
    status = request.args.get("status", "")
    query = select(Page).options(selectinload(Page.author)).order_by(Page.updated_at.desc())
    if current_user.role == "author":
        query = query.where(Page.author_id == current_user.id)
    if status in ("draft", "published"):
        query = query.where(Page.status == status)
    return render_template("builder/pages.html", pages=db.session.scalars(query), status=status)


@bp.post("/pages")
@require(any_role)
def new_page():
    """Create an empty draft and open it in the editor."""
    page = Page(
        title=NEW_PAGE_TITLE,
        slug=unique_slug(NEW_PAGE_TITLE),
        author=current_user,
        rows=[Row(position=0, layout="1")],
    )
    db.session.add(page)
    db.session.commit()
    return redirect(url_for("builder.editor", page_id=page.id), 303)


def load_page_for_editing(page_id: int) -> Page:
    """The page with its rows and blocks in one go, or 404; 403 if not the user's to edit."""
    page = db.first_or_404(
        select(Page)
        .where(Page.id == page_id)
        .options(selectinload(Page.rows).selectinload(Row.blocks), selectinload(Page.tags))
    )
    require_page_editor(page)
    return page


@bp.get("/pages/<int:page_id>")
@require(any_role)
def editor(page_id: int):
    page = load_page_for_editing(page_id)
    return render_template("builder/editor.html", page=page)
