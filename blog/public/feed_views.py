"""Machine-read views: the Atom feed, the sitemap and robots.txt."""

from flask import Response, render_template
from sqlalchemy import func, select

from blog.extensions import db
from blog.models import Page, Revision
from blog.public import bp
from blog.public.queries import published
from blog.site_address import absolute_url

FEED_SIZE = 20


def _xml(template: str, **context) -> Response:
    return Response(render_template(template, **context), mimetype="application/xml")


@bp.get("/feed.xml")
def feed():
    """The newest published pages as an Atom feed, with their full HTML."""
    pages = db.session.scalars(published().limit(FEED_SIZE)).all()
    updated = db.session.scalar(
        select(func.max(Revision.created_at))
        .join(Page, Page.published_revision_id == Revision.id)
        .where(Page.status == "published", Page.deleted_at.is_(None))
    )
    response = _xml("public/feed.xml", pages=pages, updated=updated)
    response.mimetype = "application/atom+xml"
    return response


@bp.get("/sitemap.xml")
def sitemap():
    """Every published page, and nothing else."""
    return _xml("public/sitemap.xml", pages=db.session.scalars(published()).all())


@bp.get("/robots.txt")
def robots():
    sitemap_url = absolute_url("public.sitemap")
    lines = [
        "User-agent: *",
        "Disallow: /builder/",
        "Disallow: /admin/",
        "Disallow: /login",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return Response("\n".join(lines), mimetype="text/plain")
