"""Front page and articles, served from published revisions."""

from flask import Blueprint, abort, render_template, request
from markupsafe import Markup
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from blog.extensions import db
from blog.models import Page, Revision

bp = Blueprint("public", __name__)
PAGE_SIZE = 10


def published_pages():
    return select(Page).where(Page.status == "published", Page.published_revision_id.is_not(None))


@bp.get("/")
def index():
    """Published pages, newest first, ten to a page."""
    number = request.args.get("page", 1, type=int)
    if number < 1:
        abort(404)
    total = db.session.scalar(select(func.count()).select_from(published_pages().subquery()))
    pages = db.session.scalars(
        published_pages()
        .options(joinedload(Page.author))
        .order_by(Page.published_at.desc(), Page.id.desc())
        .limit(PAGE_SIZE)
        .offset((number - 1) * PAGE_SIZE)
    ).all()
    if number > 1 and not pages:
        abort(404)
    has_next = number * PAGE_SIZE < total
    return render_template("public/index.html", pages=pages, number=number, has_next=has_next)


@bp.get("/<slug>")
def article(slug: str):
    """A published page: its stored HTML, never its draft."""
    page = db.first_or_404(
        published_pages().where(Page.slug == slug).options(joinedload(Page.author))
    )
    revision = db.session.get(Revision, page.published_revision_id)
    return render_template("public/article.html", page=page, body=Markup(revision.html))
