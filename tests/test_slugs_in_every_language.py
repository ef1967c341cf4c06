"""Titles and tags in any language give readable ASCII addresses that work: the page at its
slug and its tag's page, for readers who are not logged in."""

import pytest

from blog.slugs import slug_problem

from helpers.builder_pages import build_page, parse_html

# (language, title, its slug, a tag, the tag's slug)
LANGUAGES = [
    ("German", "Straße der Träume", "strasse-der-traume", "Straße", "strasse"),
    ("Danish", "Ærøskøbing om sommeren", "aeroskobing-om-sommeren", "Ærø", "aero"),
    ("Polish", "Łódź nocą", "lodz-noca", "Łódź", "lodz"),
    ("Russian", "Привет, мир", "privet-mir", "Путешествия", "puteshestviia"),
    ("Chinese", "你好世界", "ni-hao-shi-jie", "旅行", "lu-xing"),
    ("Japanese", "こんにちは世界", "konnitihashi-jie", "日本語", "ri-ben-yu"),
]


def _publish_titled(client, page_id: int, title: str, tags: str) -> None:
    """Give a new page its title and tags in the editor, then publish it."""
    details = {"title": title, "slug": "untitled-page", "summary": "", "tags": tags}
    saved = client.post(f"/builder/pages/{page_id}/details", data=details)
    assert saved.status_code == 303, saved.get_data(as_text=True)[:2000]
    assert client.post(f"/builder/pages/{page_id}/publish").status_code == 303


def _titles(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    tree = parse_html(response.get_data(as_text=True))
    return [heading.text for heading in tree.find_all("h1") + tree.find_all("h2")]


@pytest.mark.parametrize(
    "title, slug, tag, tag_slug", [case[1:] for case in LANGUAGES], ids=[c[0] for c in LANGUAGES]
)
def test_a_title_and_tag_in_any_language_give_working_addresses(
    app, auth, client, title, slug, tag, tag_slug
):
    editor = auth.login_as("editor")
    page = build_page(app, editor, title="Untitled page", slug="untitled-page")
    _publish_titled(client, page.id, title, tag)
    auth.logout()

    assert title in _titles(client, f"/{slug}")
    assert title in _titles(client, f"/tags/{tag_slug}")
    article = client.get(f"/{slug}").get_data(as_text=True)
    assert f'href="/tags/{tag_slug}"' in article


def test_two_pages_with_the_same_chinese_title_get_different_readable_slugs(app, auth, client):
    editor = auth.login_as("editor")
    for _ in range(2):
        page = build_page(app, editor, title="Untitled page", slug="untitled-page")
        _publish_titled(client, page.id, "你好世界", "")
    auth.logout()

    assert "你好世界" in _titles(client, "/ni-hao-shi-jie")
    assert "你好世界" in _titles(client, "/ni-hao-shi-jie-2")


@pytest.mark.parametrize("stored", ["strae", "rskbing", "odz", "hello-world", "c-2024"])
def test_slugs_stored_before_stay_valid(stored):
    assert slug_problem(stored) is None
