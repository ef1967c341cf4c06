"""What articles and lists tell search engines and sharing sites: Open Graph and Twitter tags,
the SEO title and description, the JSON-LD `Article` (parsed and compared with the page),
teaser images, and the lists' canonical links and descriptions."""

import json
from datetime import timedelta

import pytest

from blog.extensions import db
from blog.models import Page

from helpers.builder_pages import Element, parse_html
from helpers.page_kinds import change_details, make_page_of_kind, picture_rows, stored_picture

BASE = "http://blog.example"


@pytest.fixture
def app(make_app, media_backend):
    """The site at its own address: every absolute link starts with BASE."""
    return make_app(WTF_CSRF_ENABLED=False, BLOG_BASE_URL=BASE, **media_backend)


@pytest.fixture
def picture(app) -> str:
    return stored_picture(app)


def _meta(head: Element, key: str) -> str | None:
    """The content of the <meta> named (name or property) `key`, None when absent."""
    for meta in head.find_all("meta"):
        if key in (meta.attrs.get("name"), meta.attrs.get("property")):
            return meta.attrs["content"]
    return None


def _json_ld(document: Element) -> dict:
    (script,) = document.find_all("script", type="application/ld+json")
    return json.loads("".join(script.children))


def _featured_post(app, picture: str, title: str = "Soup season", **sharing) -> int:
    return make_page_of_kind(
        app,
        title,
        "soup-season",
        rows=picture_rows(picture),
        summary="Six soups for autumn.",
        tags=("news",),
        featured_image=picture,
        featured_image_alt="A blue bowl",
        **sharing,
    )


def test_a_featured_image_is_shared_as_a_large_card(app, client, picture):
    _featured_post(app, picture)
    head = parse_html(client.get("/soup-season").text)
    assert _meta(head, "og:image") == f"{BASE}/media/{picture}"
    assert _meta(head, "og:image:alt") == "A blue bowl"
    assert _meta(head, "twitter:card") == "summary_large_image"
    assert _meta(head, "og:site_name") == "Blog"


def test_without_a_featured_image_the_card_is_a_summary(app, client):
    make_page_of_kind(app, "Plain", "plain")
    head = parse_html(client.get("/plain").text)
    assert _meta(head, "og:image") is None and _meta(head, "twitter:card") == "summary"


def test_seo_title_and_description_replace_title_and_summary_for_sharing(app, client, picture):
    _featured_post(app, picture, seo_title="Soups to warm you", seo_description="Hot bowls.")
    document = parse_html(client.get("/soup-season").text)
    assert document.find_all("title")[0].text == "Soups to warm you · Blog"
    assert _meta(document, "og:title") == "Soups to warm you"
    assert _meta(document, "description") == _meta(document, "og:description") == "Hot bowls."
    assert document.find("article-title").text == "Soup season"


def test_title_and_summary_are_shared_without_seo_details(app, client, picture):
    _featured_post(app, picture)
    document = parse_html(client.get("/soup-season").text)
    assert _meta(document, "og:title") == "Soup season"
    assert _meta(document, "description") == "Six soups for autumn."


def test_the_json_ld_article_says_what_the_page_shows(app, client, picture):
    page_id = _featured_post(app, picture)
    with app.app_context():  # first published yesterday, changed and published again today
        page = db.session.get(Page, page_id)
        page.published_at -= timedelta(days=1)
        page.published_revision.created_at -= timedelta(days=1)
        db.session.commit()
    change_details(app, page_id, title="Soup season, again", publish_it=True)
    document = parse_html(client.get("/soup-season").text)
    article = _json_ld(document)
    assert article["@type"] == "Article"
    assert article["headline"] == document.find("article-title").text
    (published,) = document.find_all("time", class_="published")
    (updated,) = document.find_all("time", class_="updated")
    assert article["datePublished"] == published.attrs["datetime"]
    assert article["dateModified"] == updated.attrs["datetime"] != article["datePublished"]
    (author,) = document.find_all("span", class_="author")
    assert article["author"]["name"] == author.text == "Wren Writer"
    assert article["image"] == _meta(document, "og:image")
    assert article["url"] == document.find_all("link", rel="canonical")[0].attrs["href"]


def test_the_json_ld_cannot_end_its_script_early(app, client, picture):
    title = "Soup </script><script>alert(1)</script> <!-- & more"
    _featured_post(app, picture, title=title)
    html = client.get("/soup-season").text
    assert "<script>alert(1)" not in html
    document = parse_html(html)
    assert _json_ld(document)["headline"] == document.find("article-title").text == title


def test_a_page_has_no_json_ld_article_or_article_times(app, client):
    make_page_of_kind(app, "About the kitchen", "about", kind="page")
    document = parse_html(client.get("/about").text)
    assert document.find_all("script", type="application/ld+json") == []
    assert _meta(document, "article:published_time") is None
    assert _meta(document, "og:type") == "website"


@pytest.mark.parametrize("address", ["/", "/tags/news"])
def test_teasers_show_the_featured_image_sized_described_and_lazy(app, client, picture, address):
    _featured_post(app, picture)
    (image,) = parse_html(client.get(address).text).find_all("img", class_="teaser-image")
    assert image.attrs["src"] == f"/media/{picture}"
    assert (image.attrs["width"], image.attrs["height"]) == ("800", "500")
    assert image.attrs["alt"] == "A blue bowl" and image.attrs["loading"] == "lazy"


def test_a_teaser_without_a_featured_image_has_no_image(app, client):
    make_page_of_kind(app, "Plain", "plain")
    assert parse_html(client.get("/").text).find_all("img", class_="teaser-image") == []


@pytest.mark.parametrize(
    ("address", "canonical"),
    [
        ("/", f"{BASE}/"),
        ("/?page=2", f"{BASE}/?page=2"),
        ("/tags/news", f"{BASE}/tags/news"),
    ],
)
def test_lists_have_a_canonical_link_and_a_description(app, client, address, canonical):
    for number in range(11):
        make_page_of_kind(app, f"Post {number}", f"post-{number}", tags=("news",))
    head = parse_html(client.get(address).text)
    assert head.find_all("link", rel="canonical")[0].attrs["href"] == canonical
    assert _meta(head, "description")
