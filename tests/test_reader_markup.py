"""What readers' software reads in the public pages: times to the second, search snippets
in plain words, and search results on as many pages as they fill."""

import re

from blog.extensions import db
from blog.models import Page
from blog.search import index_page

from helpers.builder_pages import build_page, parse_html
from helpers.published_pages import (
    approve_comments,
    make_published_page,
    text_rows,
)

TO_THE_SECOND = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def _tree(client, url: str, **query):
    response = client.get(url, query_string=query or None)
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    return parse_html(response.get_data(as_text=True))


def test_every_time_readers_get_is_given_to_the_second(app, client):
    page_id = make_published_page(app, "Leek soup", "leek-soup", tags=("Soups",))
    client.post(f"/pages/{page_id}/comments", data={"name": "Ada", "comment": "Lovely."})
    approve_comments(app, page_id)

    times = []
    for url in ("/", "/leek-soup", "/tags/soups"):
        times += [time.attrs["datetime"] for time in _tree(client, url).find_all("time")]
    feed = client.get("/feed.xml").get_data(as_text=True)
    times += re.findall(r"<(?:published|updated)>([^<]*)<", feed)

    assert len(times) >= 6
    assert [moment for moment in times if not TO_THE_SECOND.fullmatch(moment)] == []


def test_search_snippets_are_the_words_readers_see_without_markdown_marks(app, client):
    markdown = "Leeks are *sweet* when **slowly** cooked; see [the soup](https://soup.example)."
    make_published_page(app, "Leek soup", "leek-soup", text_rows(markdown))

    (snippet,) = _tree(client, "/search", q="leeks").find_all(class_="snippet")

    assert "sweet when slowly cooked; see the soup." in snippet.text
    assert not re.search(r"[*\[\]]", snippet.text)


def test_search_results_go_on_past_twenty_on_further_pages(app, client):
    for number in range(25):
        make_published_page(app, f"Leek soup {number}", f"leek-soup-{number}", text_rows("Leeks."))

    first = _tree(client, "/search", q="leeks")
    (more,) = [link for link in first.find_all("a") if link.text == "More results"]
    second = _tree(client, more.attrs["href"])
    titles = [
        heading.text
        for tree in (first, second)
        for heading in tree.find_all("ol", class_="search-results")[0].find_all("h2")
    ]

    assert len(titles) == 25 and len(set(titles)) == 25
    assert "Results 21–25" in second.find_all(class_="result-count")[0].text
    assert [link.text for link in second.find_all("a", rel="prev")] == ["Previous results"]
    assert client.get("/search", query_string={"q": "leeks", "page": "3"}).status_code == 404


def test_rerendering_takes_the_search_words_of_pages_published_before_afresh(app, client):
    markdown = "Leeks are *sweet* when **slowly** cooked."
    page_id = make_published_page(app, "Leek soup", "leek-soup", text_rows(markdown))
    with app.app_context():  # as publishing stored the words before they were plain
        page = db.session.get(Page, page_id)
        page.published_revision.search_text = markdown
        index_page(page_id, page.published_revision.title, markdown)
        db.session.commit()
    before = _tree(client, "/search", q="leeks").find_all(class_="snippet")[0].text

    app.test_cli_runner().invoke(args=["pages", "rerender"])

    after = _tree(client, "/search", q="leeks").find_all(class_="snippet")[0].text
    assert "*sweet*" in before and "*" not in after and "sweet when slowly" in after


def test_every_time_in_the_builder_is_given_to_the_second(app, client, auth):
    """The pages list, History and the Trash, as editors meet them."""
    editor_id = auth.login_as("editor")
    page_id = make_published_page(app, "Leek soup", "leek-soup")
    trashed = build_page(app, editor_id, title="Old news")
    assert client.post(f"/builder/pages/{trashed.id}/delete").status_code == 303
    times = []
    for url in ("/builder/", f"/builder/pages/{page_id}/history", "/builder/trash"):
        found = [time.attrs["datetime"] for time in _tree(client, url).find_all("time")]
        assert found, url
        times += found
    assert [moment for moment in times if not TO_THE_SECOND.fullmatch(moment)] == []
