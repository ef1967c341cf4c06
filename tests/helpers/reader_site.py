"""A small published site for the whole-page checks of what readers see (HTML checker, axe,
width): an article with a block of every type, tags and approved comments, and the reader
pages to look at. Add a page kind here and every check covers it."""

from sqlalchemy import select

from blog.extensions import db
from blog.models import User
from blog.publishing import import_document

from helpers.page_documents import garden_document
from helpers.published_pages import approve_comments, person

# What each check visits: a name for the failure message, and the address.
READER_PAGES = {
    "front page": "/",
    "article": "/spring-garden",
    "tag page": "/tags/garden",
    "search results": "/search?q=garden",
    "page not found": "/no-such-page",
    "standalone page": "/about-the-garden",
}
COMMENTS = ("Tulips in April, at last.", "Which variety is the red one?\n\nMine are pink.")


def publish_reader_site(app) -> None:
    """Publish the sample article (every block type, two tags, a picture) with two approved
    comments, and a standalone Page with the same blocks, so each reader page above has
    something on it."""
    author_id = person(app)
    with app.test_request_context():
        author = db.session.scalar(select(User).where(User.id == author_id))
        page = import_document({**garden_document(), "status": "published"}, author)
        standalone = {
            "title": "About the garden",
            "slug": "about-the-garden",
            "tags": [],
            "status": "published",
        }
        import_document({**garden_document(), **standalone, "kind": "page"}, author)
        db.session.commit()
        page_id = page.id
    client = app.test_client()
    for number, comment in enumerate(COMMENTS):
        client.post(
            "/spring-garden/comments", data={"name": f"Reader {number}", "comment": comment}
        )
    approve_comments(app, page_id)
