"""Pages published or rendered again by a command (`pages import`, `pages rerender`) or by a
settings save from a request naming another host carry BLOG_BASE_URL's canonical, og:url and
og:image addresses, never a loopback default or that host."""

import pytest

from helpers.builder_pages import parse_html
from helpers.image_blocks import png
from helpers.page_documents import garden_document
from helpers.published_pages import make_published_page, person
from helpers.site_settings import SETTINGS_URL, settings_form
from helpers.stored_documents import import_command
from helpers.support import PASSWORD

SITE = "https://blog.example.org"
FORGED = {"Host": "attacker.example"}


@pytest.fixture
def site(make_app):
    """The app in development with its address configured, and an admin."""
    app = make_app(WTF_CSRF_ENABLED=False, BLOG_BASE_URL=SITE)
    person(app, "admin@example.com", role="admin")
    return app


def _addresses(html: str) -> list[str]:
    """The canonical link and every Open Graph address of a page."""
    tree = parse_html(html)
    links = [link.attrs["href"] for link in tree.find_all("link", rel="canonical")]
    metas = [
        m.attrs["content"]
        for m in tree.find_all("meta")
        if m.attrs.get("property") in ("og:url", "og:image")
    ]
    return links + metas


def test_a_page_imported_by_the_command_is_stored_with_the_base_url(site):
    document = garden_document() | {"status": "published"}
    result = import_command(site.test_cli_runner(), document)
    assert result.exit_code == 0, result.output
    stored = site.test_client().get("/spring-garden").text
    assert _addresses(stored) == [f"{SITE}/spring-garden"] * 2


def test_pages_rendered_again_by_the_command_keep_the_base_url(site):
    make_published_page(site, "Leek soup", "leek-soup")
    result = site.test_cli_runner().invoke(args=["pages", "rerender"])
    assert result.exit_code == 0, result.output
    assert _addresses(site.test_client().get("/leek-soup").text) == [f"{SITE}/leek-soup"] * 2


def test_a_settings_save_from_another_host_stores_the_base_url(site):
    make_published_page(site, "Leek soup", "leek-soup")
    admin = site.test_client()
    login = {"email": "admin@example.com", "password": PASSWORD}
    assert admin.post("/login", data=login, headers=FORGED).status_code == 303
    saved = admin.post(SETTINGS_URL, data=settings_form(image=png()), headers=FORGED)
    assert saved.status_code == 303
    stored = site.test_client().get("/leek-soup").text
    canonical, og_url, og_image = _addresses(stored)
    assert (canonical, og_url) == (f"{SITE}/leek-soup",) * 2
    assert og_image.startswith(f"{SITE}/media/")
    assert "attacker.example" not in stored
