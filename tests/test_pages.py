"""Pages as data: new pages, unique slugs, the builder list and the public views."""

import pytest
from jinja2 import TemplateNotFound
from sqlalchemy import select

from blog import create_app
from blog.extensions import db
from blog.models import Page, Row, User
from blog.publishing import publish
from blog.slugs import RESERVED_SLUGS, slug_problem, slugify, unique_slug


def _page(app, title, slug, author_email, published=False):
    with app.app_context():
        author = db.session.scalar(select(User).where(User.email == author_email))
        page = Page(title=title, slug=slug, author=author, rows=[Row(layout="1")])
        db.session.add(page)
        db.session.flush()
        if published:
            publish(page, author)
        db.session.commit()
        return page.id


def test_new_page_is_a_draft_with_a_slug_from_its_title(app, auth, client):
    auth.login_as("author")
    response = client.post("/builder/pages")
    assert response.status_code == 303
    with app.app_context():
        page = db.session.scalar(select(Page))
        assert (page.title, page.slug, page.status) == ("Untitled page", "untitled-page", "draft")
        assert response.headers["Location"] == f"/builder/pages/{page.id}"


def test_second_new_page_gets_a_fresh_slug(app, auth, client):
    auth.login_as("author")
    client.post("/builder/pages")
    client.post("/builder/pages")
    with app.app_context():
        slugs = sorted(db.session.scalars(select(Page.slug)))
    assert slugs == ["untitled-page", "untitled-page-2"]


@pytest.mark.parametrize(
    "title, slug",
    [("Hello, World!", "hello-world"), ("Crème brûlée  ", "creme-brulee"), ("---", "")],
)
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_reserved_slugs_are_refused_with_a_reason():
    for slug in RESERVED_SLUGS:
        assert "used by the site" in slug_problem(slug)
    assert slug_problem("Not A Slug") is not None
    assert slug_problem("fine-slug") is None


def test_unique_slug_avoids_reserved_words_and_taken_slugs(app, make_user):
    make_user("editor")
    _page(app, "Admin", "admin-page", "editor@example.com")
    with app.app_context():
        assert unique_slug("Admin") == "admin-page-2"
        assert unique_slug("Something new") == "something-new"


def test_builder_list_shows_authors_only_their_own_pages(app, auth, client, make_user):
    make_user("editor")
    _page(app, "Editor's page", "editors-page", "editor@example.com")
    auth.login_as("author")
    client.post("/builder/pages")
    html = client.get("/builder/").get_data(as_text=True)
    assert "Untitled page" in html
    assert "Editor&#39;s page" not in html


def test_builder_list_filters_by_status(app, auth, client, make_user):
    auth.login_as("editor")
    _page(app, "Draft one", "draft-one", "editor@example.com")
    _page(app, "Live one", "live-one", "editor@example.com", published=True)
    drafts = client.get("/builder/?status=draft").get_data(as_text=True)
    assert "Draft one" in drafts and "Live one" not in drafts
    published = client.get("/builder/?status=published").get_data(as_text=True)
    assert "Live one" in published and "Draft one" not in published


def test_author_cannot_open_another_authors_page(app, auth, client, make_user):
    make_user("editor")
    page_id = _page(app, "Not yours", "not-yours", "editor@example.com")
    auth.login_as("author")
    assert client.get(f"/builder/pages/{page_id}").status_code == 403


def test_front_page_lists_only_published_pages(app, client, make_user):
    make_user("editor")
    _page(app, "A public thing", "public-thing", "editor@example.com", published=True)
    _page(app, "A secret draft", "secret-draft", "editor@example.com")
    html = client.get("/").get_data(as_text=True)
    assert "A public thing" in html
    assert "A secret draft" not in html


def test_article_is_served_and_drafts_are_not_found(app, client, make_user):
    make_user("editor")
    _page(app, "A public thing", "public-thing", "editor@example.com", published=True)
    _page(app, "A secret draft", "secret-draft", "editor@example.com")
    assert client.get("/public-thing").status_code == 200
    missing = client.get("/secret-draft")
    assert missing.status_code == 404
    assert "no page at this address" in missing.get_data(as_text=True)


def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_healthz_fails_when_the_templates_are_missing(database_url, tmp_path):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    app.template_folder = str(tmp_path / "no-templates")
    try:
        with pytest.raises(TemplateNotFound):
            app.test_client().get("/healthz")
    finally:
        with app.app_context():
            db.engine.dispose()


def test_every_response_varies_on_htmx(client):
    assert "HX-Request" in client.get("/").headers["Vary"]
