"""Page kinds: a post is dated and listed; a page (About) is neither, but keeps its address and
is in the sitemap and search. A kind changed in the draft reaches readers at Publish."""

import pytest

from blog.extensions import db
from blog.models import Page

from helpers.page_kinds import change_details, make_page_of_kind
from helpers.published_pages import make_published_page

LISTS = ("/", "/tags/news", "/feed.xml", "/sitemap.xml")


@pytest.fixture
def site(app) -> dict[str, int]:
    """A post and an About page, both tagged "news", both published."""
    return {
        "post": make_published_page(app, "Soup season", "soup-season", tags=("news",)),
        "page": make_page_of_kind(app, "About the kitchen", "about", kind="page", tags=("news",)),
    }


def _validators(client) -> dict[str, tuple[int, str | None]]:
    answers = {address: client.get(address) for address in LISTS}
    return {address: (a.status_code, a.headers.get("ETag")) for address, a in answers.items()}


def test_a_page_is_in_no_list_but_in_the_sitemap(client, site):
    assert "Soup season" in client.get("/").text
    assert "About the kitchen" not in client.get("/").text
    assert "About the kitchen" not in client.get("/tags/news").text
    assert "About the kitchen" not in client.get("/feed.xml").text
    assert "/about</loc>" in client.get("/sitemap.xml").text


def test_a_page_is_found_by_search_and_at_its_address(client, site):
    assert 'href="/about"' in client.get("/search?q=kitchen").text
    assert client.get("/about").status_code == 200


def test_a_page_shows_no_date_or_byline_and_a_post_does(client, site):
    about, post = client.get("/about").text, client.get("/soup-season").text
    assert 'class="byline"' not in about and "<time" not in about
    assert 'class="byline"' in post and "<time" in post


def test_a_tag_only_pages_carry_has_no_tag_page(app, client):
    make_page_of_kind(app, "Contact", "contact", kind="page", tags=("people",))
    assert client.get("/tags/people").status_code == 404


def test_a_new_kind_reaches_the_lists_at_publish_and_changes_exactly_them(app, client, site):
    before = _validators(client)
    change_details(app, site["post"], kind="page")
    assert _validators(client) == before and "Soup season" in client.get("/").text
    change_details(app, site["post"], publish_it=True)
    after = _validators(client)
    # The sitemap still lists the page, with today's date: it reads the same.
    assert {a for a in LISTS if before[a] != after[a]} == {"/", "/tags/news", "/feed.xml"}
    assert "Soup season" not in client.get("/").text and after["/tags/news"][0] == 404
    assert 'class="byline"' not in client.get("/soup-season").text


def test_a_page_made_a_post_again_is_listed_again(app, client, site):
    change_details(app, site["page"], kind="post", publish_it=True)
    assert (
        "About the kitchen" in client.get("/").text
        and "About the kitchen" in client.get("/feed.xml").text
    )


def test_noindex_keeps_a_post_listed_but_out_of_the_sitemap(app, client, site):
    change_details(app, site["post"], noindex=True, publish_it=True)
    assert "/soup-season</loc>" not in client.get("/sitemap.xml").text
    assert "Soup season" in client.get("/").text
    assert '<meta name="robots" content="noindex">' in client.get("/soup-season").text
    assert '<meta name="robots"' not in client.get("/about").text


def test_noindex_waits_for_publish_like_the_other_details(app, client, site):
    change_details(app, site["post"], noindex=True)
    assert "/soup-season</loc>" in client.get("/sitemap.xml").text


def test_the_editor_saves_kind_and_sharing_details(app, client, auth, site):
    auth.login_as("editor")
    answer = client.post(
        f"/builder/pages/{site['post']}/details",
        data={
            "title": "Soup season",
            "slug": "soup-season",
            "summary": "",
            "tags": "news",
            "kind": "page",
            "seo_title": "Soups for autumn",
            "seo_description": "Six soups.",
            "noindex": "1",
            "featured_image": "",
            "featured_image_alt": "",
        },
    )
    assert answer.status_code == 303
    with app.app_context():
        page = db.session.get(Page, site["post"])
        stored = (page.kind, page.seo_title, page.seo_description, page.noindex)
    assert stored == ("page", "Soups for autumn", "Six soups.", True)


def test_a_details_form_without_a_kind_keeps_the_pages_kind(app, client, auth, site):
    auth.login_as("editor")
    form = {"title": "About them", "slug": "about", "summary": "", "tags": "news"}
    assert client.post(f"/builder/pages/{site['page']}/details", data=form).status_code == 303
    with app.app_context():
        page = db.session.get(Page, site["page"])
        assert (page.title, page.kind) == ("About them", "page")


def test_an_unknown_kind_is_refused_in_words_and_nothing_changes(app, htmx, auth, site):
    auth.login_as("editor")
    form = {"title": "Renamed", "slug": "soup-season", "summary": "", "tags": "", "kind": "x"}
    answer = htmx.post(f"/builder/pages/{site['post']}/details", data=form)
    assert answer.status_code == 422 and "Choose Post or Page." in answer.text
    with app.app_context():
        page = db.session.get(Page, site["post"])
        assert (page.title, page.kind) == ("Soup season", "post")


def test_the_kind_is_chosen_in_page_settings(client, auth, site):
    auth.login_as("editor")
    editor = client.get(f"/builder/pages/{site['page']}").text
    assert '<label for="page-kind">Kind</label>' in editor
    assert '<option value="page" selected>' in editor


def test_undo_puts_back_the_kind_and_sharing_details(app, client, auth, site):
    auth.login_as("editor")
    form = {"title": "Soup season", "slug": "soup-season", "summary": "", "tags": "news"}
    changed = form | {"kind": "page", "seo_title": "Soups", "noindex": "1"}
    client.post(f"/builder/pages/{site['post']}/details", data=changed)
    assert client.post(f"/builder/pages/{site['post']}/undo").status_code == 303
    with app.app_context():
        page = db.session.get(Page, site["post"])
        assert (page.kind, page.seo_title, page.noindex) == ("post", "", False)
    assert client.post(f"/builder/pages/{site['post']}/redo").status_code == 303
    with app.app_context():
        page = db.session.get(Page, site["post"])
        assert (page.kind, page.seo_title, page.noindex) == ("page", "Soups", True)


def test_restoring_a_revision_restores_its_kind_and_sharing_details(app, client, auth, site):
    change_details(app, site["page"], kind="post", seo_title="Kitchen", noindex=True)
    auth.login_as("editor")
    assert client.post(f"/builder/pages/{site['page']}/revisions/1/restore").status_code == 303
    with app.app_context():
        page = db.session.get(Page, site["page"])
        assert (page.kind, page.seo_title, page.noindex) == ("page", "", False)


def test_previews_of_a_page_show_no_byline(app, client, auth, site):
    auth.login_as("editor")
    for preview in ("preview", "revisions/1/preview"):
        shown = client.get(f"/builder/pages/{site['page']}/{preview}").text
        assert "About the kitchen" in shown and 'class="byline"' not in shown
