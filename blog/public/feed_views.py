"""Machine-read views: the Atom feed, the sitemap and robots.txt. Feed readers and crawlers
are answered from the stored copies (blog/public/stored_lists.py); these views render the
same bodies, for the stored copies and for a request the stored copies cannot answer."""

from datetime import datetime

from flask import Response, render_template, request
from sqlalchemy import func, select

from blog.extensions import db
from blog.models import Page, Revision
from blog.public import bp
from blog.public.queries import indexed, listed
from blog.site_address import absolute_url

FEED_SIZE = 20


def feed_xml(pages: list[Page], updated: datetime | None) -> str:
    """The Atom feed of these pages (the newest FEED_SIZE), last updated at `updated`."""
    return render_template("public/feed.xml", pages=pages, updated=updated)


def sitemap_xml(pages: list[Page]) -> str:
    """The sitemap listing these pages."""
    return render_template("public/sitemap.xml", pages=pages)


def robots_txt() -> str:
    """Where crawlers may go, and where the sitemap is."""
    sitemap_url = absolute_url("public.sitemap")
    lines = [
        "User-agent: *",
        "Disallow: /builder/",
        "Disallow: /admin/",
        "Disallow: /login",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return "\n".join(lines)


@bp.get("/feed.xml")
def feed():
    """The newest published posts as an Atom feed, with their full HTML."""
    pages = db.session.scalars(listed().limit(FEED_SIZE)).all()
    updated = db.session.scalar(
        select(func.max(Revision.created_at))
        .join(Page, Page.published_revision_id == Revision.id)
        .where(Page.status == "published", Page.deleted_at.is_(None), Revision.kind == "post")
    )
    # Usually the stored copy answers; this one too gets validators, for a feed reader that
    # polls before the first copy is stored.
    response = Response(feed_xml(pages, updated), mimetype="application/atom+xml")
    response.add_etag()
    return response.make_conditional(request)


@bp.get("/sitemap.xml")
def sitemap():
    """Every published page and post, except those marked noindex, and nothing else."""
    return Response(sitemap_xml(db.session.scalars(indexed()).all()), mimetype="application/xml")


@bp.get("/robots.txt")
def robots():
    return Response(robots_txt(), mimetype="text/plain")
