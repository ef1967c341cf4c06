"""The site's address: absolute links (feed, sitemap, robots.txt, canonical and Open Graph
URLs, stored reader pages, password links) come from BLOG_BASE_URL whatever Host a request
names, and in production a request naming another host is refused."""

import xml.etree.ElementTree as ElementTree

import feedparser
import pytest

from blog.auth.invitations import password_link
from blog.extensions import db
from blog.models import User

from helpers.builder_pages import parse_html
from helpers.published_pages import (
    AUTHOR_EMAIL,
    make_draft_page,
    make_published_page,
    person,
)
from helpers.support import PASSWORD

SITE = "https://blog.example.org"
FORGED = {"Host": "attacker.example"}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def site(make_app):
    """The app in development (any host is answered) with its address configured."""
    return make_app(WTF_CSRF_ENABLED=False, BLOG_BASE_URL=SITE)


@pytest.fixture
def production(make_app):
    """The app as production configures it: only its own host, and a health check's. (Its
    pages are published through `site`, on the same database: the helpers publish in a
    request to localhost, which production refuses.)"""
    return make_app(
        BLOG_BASE_URL=SITE,
        TRUSTED_HOSTS=["blog.example.org", "app.internal"],
        BLOG_ENV="production",
    )


def _canonical(html: str) -> tuple[str, str]:
    """The article's canonical link and its Open Graph URL."""
    tree = parse_html(html)
    [canonical] = tree.find_all("link", rel="canonical")
    [og_url] = tree.find_all("meta", property="og:url")
    return canonical.attrs["href"], og_url.attrs["content"]


# Links from BLOG_BASE_URL, whatever the Host


def test_feed_links_use_the_base_url_whatever_the_host(site):
    make_published_page(site, "Leek soup", "leek-soup")
    response = site.test_client().get("/feed.xml", headers=FORGED)
    feed = feedparser.parse(response.data)
    assert (feed.feed.id, feed.feed.link) == (f"{SITE}/", f"{SITE}/")
    assert [link.href for link in feed.feed.links if link.rel == "self"] == [f"{SITE}/feed.xml"]
    assert [entry.link for entry in feed.entries] == [f"{SITE}/leek-soup"]
    assert b"attacker.example" not in response.data


def test_sitemap_and_robots_use_the_base_url_whatever_the_host(site):
    make_published_page(site, "Leek soup", "leek-soup")
    client = site.test_client()
    urlset = ElementTree.fromstring(client.get("/sitemap.xml", headers=FORGED).data)
    robots = client.get("/robots.txt", headers=FORGED).get_data(as_text=True)
    assert sorted(loc.text for loc in urlset.iter(f"{SITEMAP}loc")) == [
        f"{SITE}/",
        f"{SITE}/leek-soup",
    ]
    assert f"Sitemap: {SITE}/sitemap.xml" in robots.splitlines()


@pytest.mark.parametrize("signed_in", [False, True], ids=["stored page", "rendered page"])
def test_article_canonical_and_og_url_use_the_base_url_whatever_the_host(site, signed_in):
    make_published_page(site, "Leek soup", "leek-soup")
    client = site.test_client()
    if signed_in:
        client.post("/login", data={"email": AUTHOR_EMAIL, "password": PASSWORD}, headers=FORGED)
    response = client.get("/leek-soup", headers=FORGED)
    assert response.status_code == 200
    assert _canonical(response.get_data(as_text=True)) == (f"{SITE}/leek-soup",) * 2


def test_publishing_from_a_request_naming_another_host_stores_the_base_url(site):
    page_id = make_draft_page(site, "Leek soup", "leek-soup")
    editor = site.test_client()
    editor.post("/login", data={"email": AUTHOR_EMAIL, "password": PASSWORD}, headers=FORGED)
    published = editor.post(f"/builder/pages/{page_id}/publish", headers=FORGED)
    assert published.status_code == 303
    # Every anonymous reader gets the page stored at that moment.
    stored = site.test_client().get("/leek-soup").get_data(as_text=True)
    assert _canonical(stored) == (f"{SITE}/leek-soup",) * 2
    assert "attacker.example" not in stored


def test_password_links_use_the_base_url_inside_and_outside_requests(site):
    user_id = person(site, "new@example.com", role="author")
    with site.test_request_context(headers=FORGED):
        in_a_request = password_link(db.session.get(User, user_id))
    with site.app_context():
        from_a_command = password_link(db.session.get(User, user_id))
    assert in_a_request.startswith(f"{SITE}/")
    assert from_a_command.startswith(f"{SITE}/")


# Unknown hosts in production


@pytest.mark.parametrize("path", ["/", "/leek-soup", "/feed.xml", "/login", "/no-such-page"])
def test_production_refuses_a_request_naming_another_host(site, production, path):
    make_published_page(site, "Leek soup", "leek-soup")
    response = production.test_client().get(path, headers=FORGED)
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    assert response.get_data(as_text=True) == "This site does not answer to that host name.\n"


def test_production_refuses_a_post_naming_another_host_before_reading_it(production):
    response = production.test_client().post("/login", headers=FORGED, data={"email": "x"})
    assert response.status_code == 400
    assert "host name" in response.get_data(as_text=True)


@pytest.mark.parametrize("host", ["blog.example.org", "blog.example.org:443", "app.internal"])
def test_production_serves_its_own_host_and_the_allowed_ones(site, production, host):
    make_published_page(site, "Leek soup", "leek-soup")
    client = production.test_client()
    for path in ("/", "/leek-soup", "/healthz"):
        assert client.get(path, headers={"Host": host}).status_code == 200, path


def test_development_answers_any_host(site):
    make_published_page(site, "Leek soup", "leek-soup")
    assert site.test_client().get("/leek-soup", headers=FORGED).status_code == 200
