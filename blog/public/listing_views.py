"""Lists of published pages: the front page, a tag's pages, and search results."""

from flask import abort, current_app, render_template, request
from sqlalchemy import func, select

from blog.extensions import db
from blog.models import Tag
from blog.numbers import whole_number
from blog.public import bp
from blog.public.queries import PAGE_SIZE, listed, published_with_tag
from blog.search import search as search_pages

SEARCH_PAGE_SIZE = 20


def _paginated(query):
    """One page of results (`?page=N`, ten to a page) and whether there are more; 404 for
    a page number past the end."""
    number = whole_number(request.args.get("page", "1"), largest=10**6)
    if not number:
        abort(404)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    pages = db.session.scalars(query.limit(PAGE_SIZE).offset((number - 1) * PAGE_SIZE)).all()
    if number > 1 and not pages:
        abort(404)
    return pages, number, number * PAGE_SIZE < total


@bp.get("/")
def index():
    """Published posts, newest first."""
    pages, number, has_next = _paginated(listed())
    return render_template("public/index.html", pages=pages, number=number, has_next=has_next)


@bp.get("/tags/<tag_slug>")
def tag(tag_slug: str):
    """Published pages with one tag."""
    found = db.first_or_404(select(Tag).where(Tag.slug == tag_slug))
    pages, number, has_next = _paginated(published_with_tag(found.slug))
    if not pages:
        abort(404)
    return render_template(
        "public/tag.html", tag=found, pages=pages, number=number, has_next=has_next
    )


@bp.get("/search")
def search():
    """Published pages matching the words of `q`, best first, with snippets, twenty to a
    page (`?page=N`); 404 for a page number past the end."""
    query = request.args.get("q", "").strip()[:200]
    number = whole_number(request.args.get("page", "1"), largest=10**4)
    if not number:
        abort(404)
    first = (number - 1) * SEARCH_PAGE_SIZE
    # One more than a page tells whether there is a next page, without counting them all.
    hits = search_pages(query, SEARCH_PAGE_SIZE + 1, first) if query else []
    if number > 1 and not hits:
        abort(404)
    context = dict(
        query=query,
        hits=hits[:SEARCH_PAGE_SIZE],
        first=first,
        number=number,
        has_next=len(hits) > SEARCH_PAGE_SIZE,
    )
    if current_app.config["SESSION_COOKIE_NAME"] in request.cookies:
        return render_template("public/search.html", **context)
    # Nobody can be logged in without a session cookie: render for nobody, without the
    # context processors (Flask-Login's would look up who is asking in the session).
    template = current_app.jinja_env.get_template("public/search.html")
    html = template.render(request=request, reader_copy=True, **context)
    return html, {"Vary": "Cookie"}
