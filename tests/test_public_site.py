"""The public site as readers and their software see it: the front page, tag pages, search,
the Atom feed, the sitemap, robots.txt and the article page."""

import xml.etree.ElementTree as ElementTree
from datetime import datetime

import feedparser
import pytest

from blog.extensions import db
from blog.models import Page

from helpers.builder_pages import parse_html
from helpers.published_pages import (
    AUTHOR_EMAIL,
    AUTHOR_NAME,
    PAGES_READERS_CANNOT_SEE,
    edit_draft,
    heading_block,
    make_draft_page,
    make_published_page,
    one_column,
    publish_again,
    take_offline,
    text_block,
    text_rows,
)

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _page(client, url: str, status: int = 200, **query):
    response = client.get(url, query_string=query or None)
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    return parse_html(response.get_data(as_text=True))


def _at_site(client, path: str) -> str:
    """The absolute address of a path: at BLOG_BASE_URL, whatever host the client names."""
    return client.application.config["BLOG_BASE_URL"] + path


def _teaser_titles(client, url: str = "/") -> list[str]:
    return [
        article.find_all("h2")[0].text for article in _page(client, url).find_all(class_="teaser")
    ]


def _result_titles(client, query: str) -> list[str]:
    results = _page(client, "/search", q=query).find_all("ol", class_="search-results")[0]
    return [heading.text for heading in results.find_all("h2")]


def _meta(tree, **attrs: str) -> str:
    (element,) = tree.find_all("meta", **attrs)
    return element.attrs["content"]


@pytest.fixture(params=["anonymous reader", "logged-in editor"])
def viewer(request, app, auth):
    """Read as an anonymous reader (the stored page) or as a logged-in editor (rendered)."""
    if request.param == "logged-in editor":
        make_draft_page(app, "Unrelated", "unrelated")  # stores the author, who is an editor
        assert auth.login(AUTHOR_EMAIL).status_code == 303
    return request.param


# The front page


def test_front_page_lists_published_pages_newest_first(app, client):
    make_published_page(app, "Autumn soups", "autumn-soups")
    make_draft_page(app, "Unfinished draft", "unfinished-draft")
    make_published_page(app, "Winter stews", "winter-stews")
    make_published_page(app, "Spring salads", "spring-salads")

    assert _teaser_titles(client) == ["Spring salads", "Winter stews", "Autumn soups"]


def test_front_page_shows_title_and_summary_of_the_published_revision(app, client):
    page_id = make_published_page(app, "Leek soup", "leek-soup", summary="Warm and green.")
    edit_draft(app, page_id, title="Pea soup", summary="Sweet and bright.")

    (teaser,) = _page(client, "/").find_all(class_="teaser")

    assert "Leek soup" in teaser.text and "Warm and green." in teaser.text
    assert "Pea soup" not in teaser.text and "Sweet and bright." not in teaser.text


def test_front_page_shows_ten_pages_and_the_older_ones_on_page_two(app, client):
    titles = [f"Recipe {number}" for number in range(1, 12)]
    for title in titles:
        make_published_page(app, title, title.lower().replace(" ", "-"))

    first = _page(client, "/")
    second = _page(client, "/?page=2")

    assert [a.find_all("h2")[0].text for a in first.find_all(class_="teaser")] == titles[:0:-1]
    assert [a.attrs["href"] for a in first.find_all("a", rel="next")] == ["/?page=2"]
    assert [a.find_all("h2")[0].text for a in second.find_all(class_="teaser")] == ["Recipe 1"]
    assert not second.find_all("a", rel="next")


@pytest.mark.parametrize("number", ["2", "0", "-1"])
def test_front_page_number_outside_the_pages_is_not_found(app, client, number):
    make_published_page(app, "Only page", "only-page")

    assert client.get(f"/?page={number}").status_code == 404


# Tag pages


def test_tag_page_lists_only_published_pages_with_the_tag(app, client):
    make_published_page(app, "Leek soup", "leek-soup", tags=("Soup",))
    make_published_page(app, "Bread", "bread", tags=("Baking",))
    make_draft_page(app, "Pea soup", "pea-soup", tags=("Soup",))

    assert _teaser_titles(client, "/tags/soup") == ["Leek soup"]


def test_tag_page_follows_the_tags_of_the_published_revision_not_the_draft(app, client):
    page_id = make_published_page(app, "Leek soup", "leek-soup", tags=("Soup",))
    edit_draft(app, page_id, tags=["Winter"])

    assert _teaser_titles(client, "/tags/soup") == ["Leek soup"]
    assert client.get("/tags/winter").status_code == 404


def test_unknown_tag_is_not_found(app, client):
    make_published_page(app, "Leek soup", "leek-soup", tags=("Soup",))

    assert client.get("/tags/no-such-tag").status_code == 404


# Search


def test_search_finds_a_word_that_is_only_in_a_block_of_a_published_page(app, client):
    rows = text_rows("Start with the oranges.", "Bitter marmalade needs patience.")
    make_published_page(app, "Breakfast", "breakfast", rows)
    make_published_page(app, "Dinner", "dinner")

    results = _page(client, "/search?q=marmalade").find_all("ol", class_="search-results")[0]

    assert [a.attrs["href"] for a in results.find_all("a")] == ["/breakfast"]


def test_search_ranks_a_title_match_above_a_match_in_the_text(app, client):
    make_published_page(app, "Quince jelly", "quince-jelly", text_rows("Slow and golden."))
    make_published_page(app, "Autumn", "autumn", text_rows("Apples, pears and a quince."))

    assert _result_titles(client, "quince") == ["Quince jelly", "Autumn"]


def test_search_shows_a_snippet_with_the_matching_word_marked(app, client):
    rows = text_rows("Bitter marmalade needs patience and sugar.")
    make_published_page(app, "Breakfast", "breakfast", rows)

    (snippet,) = _page(client, "/search?q=marmalade").find_all(class_="snippet")

    assert [mark.text for mark in snippet.find_all("mark")] == ["marmalade"]
    assert "Bitter marmalade needs patience" in snippet.text


def _never_published(app):
    make_draft_page(app, "Breakfast", "breakfast", text_rows("Bitter marmalade."))


def _edited_after_publishing(app):
    page_id = make_published_page(app, "Breakfast", "breakfast", text_rows("Toast."))
    edit_draft(app, page_id, block_data={"markdown": "Bitter marmalade."})


def _unpublished(app):
    page_id = make_published_page(app, "Breakfast", "breakfast", text_rows("Bitter marmalade."))
    take_offline(app, page_id)


@pytest.mark.parametrize(
    "make_page",
    [_never_published, _edited_after_publishing, _unpublished],
    ids=lambda f: f.__name__,
)
def test_search_does_not_find_words_readers_cannot_see(app, client, make_page):
    make_page(app)

    assert _result_titles(client, "marmalade") == []


@pytest.mark.parametrize(
    "query", ['"marmalade"', "marmalade!", "(marmalade)", "marmalade*", "-marmalade", "'marmalade"]
)
def test_search_ignores_punctuation_around_words(app, client, query):
    make_published_page(app, "Breakfast", "breakfast", text_rows("Bitter marmalade."))

    assert _result_titles(client, query) == ["Breakfast"]


@pytest.mark.parametrize(
    "query",
    [
        "' OR 1=1 --",
        '"; DROP TABLE pages; --',
        "NEAR(marmalade toast",
        '"',
        "*",
        "%25_",
        "AND OR NOT",
        "marmalade:^toast",
        "\\",
        "word " * 500,
    ],
)
def test_search_answers_any_typed_query_without_an_error(app, client, query):
    make_published_page(app, "Breakfast", "breakfast", text_rows("Bitter marmalade."))

    response = client.get("/search", query_string={"q": query})

    assert response.status_code == 200
    assert "result" in parse_html(response.get_data(as_text=True)).find_all(role="status")[0].text
    assert _teaser_titles(client) == ["Breakfast"]  # nothing was dropped


def test_search_escapes_html_in_titles_and_snippets(app, client):
    rows = text_rows("Bitter marmalade <script>alert(1)</script> & toast.")
    make_published_page(app, "Jam <em>and</em> toast", "jam", rows)

    response = client.get("/search?q=marmalade")
    results = parse_html(response.get_data(as_text=True)).find_all(class_="search-results")[0]
    (snippet,) = results.find_all(class_="snippet")

    assert "<script>" not in response.get_data(as_text=True)
    assert [heading.text for heading in results.find_all("h2")] == ["Jam <em>and</em> toast"]
    assert [element.tag for element in snippet.iter()] == ["p", "mark"]
    assert "& toast." in snippet.text


# The feed, the sitemap and robots.txt


def test_feed_is_well_formed_atom(app, client):
    rows = text_rows("Fish & chips < steak?", "Plain text.")
    make_published_page(app, "Fish & <chips>", "fish", rows, summary="Salt & vinegar.")

    response = client.get("/feed.xml")
    feed = feedparser.parse(response.data)

    assert response.mimetype == "application/atom+xml"
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.entries[0].title == "Fish & <chips>"


def test_feed_has_entries_for_published_pages_only_with_their_content(app, client):
    make_published_page(app, "Leek soup", "leek-soup", text_rows("Sweat the leeks slowly."))
    make_draft_page(app, "Pea soup", "pea-soup", text_rows("Unfinished."))
    make_published_page(app, "Rye bread", "rye-bread", text_rows("Feed the starter first."))

    entries = feedparser.parse(client.get("/feed.xml").data).entries

    assert [(entry.title, entry.link) for entry in entries] == [
        ("Rye bread", _at_site(client, "/rye-bread")),
        ("Leek soup", _at_site(client, "/leek-soup")),
    ]
    assert "<p>Feed the starter first.</p>" in entries[0].content[0].value
    assert "<p>Sweat the leeks slowly.</p>" in entries[1].content[0].value


def test_sitemap_lists_every_published_page_and_nothing_else(app, client):
    make_published_page(app, "Leek soup", "leek-soup")
    make_published_page(app, "Rye bread", "rye-bread")
    make_draft_page(app, "Pea soup", "pea-soup")
    take_offline(app, make_published_page(app, "Old news", "old-news"))

    response = client.get("/sitemap.xml")
    urlset = ElementTree.fromstring(response.data)

    assert response.mimetype == "application/xml"
    assert sorted(loc.text for loc in urlset.iter(f"{SITEMAP}loc")) == [
        _at_site(client, "/"),
        _at_site(client, "/leek-soup"),
        _at_site(client, "/rye-bread"),
    ]


def test_robots_txt_keeps_crawlers_out_of_the_builder_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    lines = response.get_data(as_text=True).splitlines()

    assert response.mimetype == "text/plain"
    assert "Disallow: /builder/" in lines
    assert f"Sitemap: {_at_site(client, '/sitemap.xml')}" in lines


# The article page


def test_article_describes_itself_to_search_engines_and_link_previews(app, client, viewer):
    make_published_page(app, "Leek soup", "leek-soup", summary="Warm, green and quick.")

    tree = _page(client, "/leek-soup")

    assert _meta(tree, name="description") == "Warm, green and quick."
    assert [link.attrs["href"] for link in tree.find_all("link", rel="canonical")] == [
        _at_site(client, "/leek-soup")
    ]
    assert _meta(tree, property="og:title") == "Leek soup"
    assert _meta(tree, property="og:url") == _at_site(client, "/leek-soup")


def test_article_shows_author_date_reading_time_and_tag_links(app, client, viewer):
    words = " ".join(["soup"] * 440)  # two minutes at 220 words a minute
    page_id = make_published_page(
        app, "Leek soup", "leek-soup", text_rows(words), tags=("Soup", "Winter food")
    )
    with app.app_context():
        published_at: datetime = db.session.get(Page, page_id).published_at

    header = _page(client, "/leek-soup").find_all("header", class_="article-header")[0]
    (byline,) = header.find_all(class_="byline")
    (date,) = byline.find_all("time")
    tag_links = [(a.attrs["href"], a.text) for a in header.find_all(class_="tags")[0].find_all("a")]

    assert f"By {AUTHOR_NAME}" in byline.text and "2 min read" in byline.text
    assert date.attrs["datetime"] == published_at.replace(microsecond=0).isoformat() + "Z"
    assert date.text == f"{published_at.day} {published_at:%B %Y}"
    assert tag_links == [("/tags/soup", "Soup"), ("/tags/winter-food", "Winter food")]


@pytest.mark.parametrize("make_page", PAGES_READERS_CANNOT_SEE, ids=lambda f: f.__name__)
def test_page_readers_cannot_see_is_not_found_with_a_helpful_message(app, client, make_page):
    make_page(app)

    tree = _page(client, "/leek-soup", status=404)

    assert "There is no page at this address. It may have moved or been unpublished." in tree.text
    assert any(a.text == "Go to the front page" for a in tree.find_all("a", href="/"))


def test_not_found_page_links_to_the_search_page(client):
    main = _page(client, "/no-such-page", status=404).find("main")

    assert [a.attrs["href"] for a in main.find_all("a") if a.text == "search the blog"] == [
        "/search"
    ]


def _article_text(client) -> str:
    return _page(client, "/winter-menu").find_all("article", class_="article")[0].text


def test_published_page_keeps_its_revision_while_the_draft_changes(app, client, viewer):
    rows = [one_column(heading_block("Soups"), text_block("Leek and potato."))]
    page_id = make_published_page(app, "Winter menu", "winter-menu", rows)
    edit_draft(app, page_id, title="Spring menu", block_data={"text": "Salads", "level": 2})

    text = _article_text(client)

    assert "Winter menu" in text and "Soups" in text
    assert "Spring menu" not in text and "Salads" not in text


def test_next_publish_shows_the_edited_draft(app, client, viewer):
    rows = [one_column(heading_block("Soups"), text_block("Leek and potato."))]
    page_id = make_published_page(app, "Winter menu", "winter-menu", rows)
    edit_draft(app, page_id, title="Spring menu", block_data={"text": "Salads", "level": 2})
    publish_again(app, page_id)

    text = _article_text(client)

    assert "Spring menu" in text and "Salads" in text
    assert "Winter menu" not in text and "Soups" not in text
