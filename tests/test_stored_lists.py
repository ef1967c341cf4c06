"""The front page, tag pages, feed, sitemap and robots.txt are answered from stored copies with
validators; each change to what is published changes exactly the lists that show it."""

import pytest
from flask import g
from sqlalchemy import select

from blog.builder.trash import move_to_trash, restore_from_trash
from blog.extensions import db
from blog.models import Comment, Page, StoredList, User
from blog.publishing import rerender_all

from helpers.published_pages import (
    AUTHOR_EMAIL,
    approve_comments,
    edit_draft,
    make_draft_page,
    make_published_page,
    person,
    publish_again,
    take_offline,
    text_rows,
)
from helpers.request_races import second_meets_first
from helpers.statement_counter import statements_sent

LISTS = ("/", "/?page=2", "/tags/news", "/tags/garden", "/feed.xml", "/sitemap.xml", "/robots.txt")
PAGES = ("/", "/?page=2")  # ten to a page: the eleventh page, the oldest, is on the second


@pytest.fixture
def site(app) -> dict[str, int]:
    """Eleven published pages: the oldest tagged "garden", the newest "news", nine between."""
    ids = {"garden": make_published_page(app, "Garden", "garden", tags=("garden",))}
    for number in range(9):
        make_published_page(app, f"Filler {number}", f"filler-{number}")
    ids["news"] = make_published_page(app, "News", "news", text_rows("Said."), tags=("news",))
    return ids


def _validators(client) -> dict[str, tuple[int, str | None]]:
    answers = {address: client.get(address) for address in LISTS}
    return {address: (a.status_code, a.headers.get("ETag")) for address, a in answers.items()}


def _changed(before: dict, after: dict) -> set[str]:
    return {address for address in LISTS if before[address] != after[address]}


def test_every_list_is_stored_with_validators_and_answers_304(client, site):
    for address in LISTS:
        first = client.get(address)
        assert first.status_code == 200 and first.headers["ETag"].startswith('"l')
        again = client.get(address, headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304 and again.data == b""
        since = client.get(address, headers={"If-Modified-Since": first.headers["Last-Modified"]})
        assert since.status_code == 304


def test_a_list_answers_304_to_its_etag_among_others_or_weak(client, site):
    for address in ("/", "/feed.xml"):
        etag = client.get(address).headers["ETag"]
        for held in (f'"l000", {etag}', f"W/{etag}"):
            answer = client.get(address, headers={"If-None-Match": held})
            assert (answer.status_code, answer.data) == (304, b"")


def test_the_feed_answers_200_to_an_old_etag(client, site):
    answer = client.get("/feed.xml", headers={"If-None-Match": '"l000"'})
    assert answer.status_code == 200 and b"<feed" in answer.data
    assert answer.headers["Content-Type"] == "application/atom+xml; charset=utf-8"


def test_the_feed_answers_304_before_its_first_stored_copy_too(app, client, site):
    with app.app_context():  # as just after upgrading, before `pages rerender`
        db.session.execute(db.delete(StoredList))
        db.session.commit()
    first = client.get("/feed.xml")
    assert first.status_code == 200 and not first.headers["ETag"].startswith('"l')
    again = client.get("/feed.xml", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_publishing_a_page_changes_the_lists_that_show_it_and_no_other(app, client, site):
    before = _validators(client)
    make_published_page(app, "More news", "more-news", tags=("news",))
    after = _validators(client)
    assert _changed(before, after) == {*PAGES, "/tags/news", "/feed.xml", "/sitemap.xml"}
    assert "More news" in client.get("/tags/news").text


def test_publishing_a_new_revision_changes_its_lists_only(app, client, site):
    before = _validators(client)
    edit_draft(app, site["news"], title="Breaking news")
    publish_again(app, site["news"])
    after = _validators(client)
    # The sitemap shows the day of the revision: still today. The page stays on page one.
    assert _changed(before, after) == {"/", "/tags/news", "/feed.xml"}
    assert "Breaking news" in client.get("/").text


def test_unpublishing_a_page_changes_the_lists_that_showed_it_and_no_other(app, client, site):
    before = _validators(client)
    take_offline(app, site["garden"])
    after = _validators(client)
    # The front page loses its link to page two; the feed (twenty newest) held it too.
    assert _changed(before, after) == {*PAGES, "/tags/garden", "/feed.xml", "/sitemap.xml"}
    assert after["/tags/garden"][0] == 404 and after["/?page=2"][0] == 404


def test_the_trash_and_back_changes_the_lists_and_restores_their_validators(app, client, site):
    before = _validators(client)
    with app.app_context():
        move_to_trash(db.session.get(Page, site["news"]))
        db.session.commit()
    trashed = _validators(client)
    assert _changed(before, trashed) == {*PAGES, "/tags/news", "/feed.xml", "/sitemap.xml"}
    with app.app_context():
        assert restore_from_trash(site["news"])
        db.session.commit()
    assert _validators(client) == before


def test_an_approved_comment_changes_its_article_and_no_list(app, client, site):
    before, article = _validators(client), client.get("/news").headers["ETag"]
    with app.app_context():
        db.session.add(Comment(page_id=site["news"], author_name="Reader", body="Well said."))
        db.session.commit()
    approve_comments(app, site["news"])
    assert _changed(before, _validators(client)) == set()
    assert client.get("/news").headers["ETag"] != article


def test_rendering_again_with_the_same_templates_changes_no_list(client, runner, site):
    before = _validators(client)
    assert "Rendered 11" in runner.invoke(args=["pages", "rerender"]).output
    assert _validators(client) == before


def test_rendering_again_after_a_new_title_changes_every_list_naming_it(app, client, runner, site):
    before = _validators(client)
    app.config["BLOG_TITLE"] = "Soup Weekly"
    runner.invoke(args=["pages", "rerender"])
    after = _validators(client)
    assert _changed(before, after) == set(LISTS) - {"/robots.txt", "/sitemap.xml"}
    assert "Soup Weekly" in client.get("/feed.xml").text


def test_a_new_name_changes_the_lists_that_show_the_authors_pages(app, client, site):
    make_published_page(app, "Guest post", "guest", tags=("guest",), author_email="g@example.com")
    before = _validators(client)
    with app.test_request_context():
        author = db.session.scalar(select(User).where(User.email == AUTHOR_EMAIL))
        author.name = "Wren Renamed"
        rerender_all(author=author)
        db.session.commit()
    after = _validators(client)
    assert _changed(before, after) == {*PAGES, "/tags/news", "/tags/garden", "/feed.xml"}
    assert client.get("/tags/guest").headers["ETag"] is not None


def test_a_publish_through_one_app_changes_what_another_serves_at_once(make_app, site):
    first, second = make_app(WTF_CSRF_ENABLED=False), make_app(ANOTHER_PROCESS=True)
    assert first is not second
    reader = second.test_client()
    before = reader.get("/").headers["ETag"]
    make_published_page(first, "Fresh", "fresh")
    after = reader.get("/")
    assert after.headers["ETag"] != before and "Fresh" in after.text


def test_two_pages_published_at_once_both_reach_the_front_page(app, client, site):
    first = make_draft_page(app, "First at once", "first-at-once")
    second = make_draft_page(app, "Second at once", "second-at-once")
    with app.app_context():
        postgres = db.engine.dialect.name == "postgresql"
    # The first is held once its lists are written (on SQLite, before it writes anything).
    held_at = "COMMIT" if postgres else "UPDATE"
    second_meets_first(
        app,
        lambda sql: sql.startswith(held_at),
        lambda: publish_again(app, first),
        lambda: publish_again(app, second),
    )
    front = client.get("/").text
    assert "First at once" in front and "Second at once" in front


def test_an_anonymous_front_page_costs_at_most_one_sql_statement(app, client, site):
    with app.app_context():
        engine = db.engine
    for address in ("/", "/?page=2", "/tags/news", "/feed.xml"):
        client.get(address)  # connections are set up before counting
        with statements_sent(engine) as sent:
            assert client.get(address).status_code == 200
        assert len(sent) <= 1, (address, sent)


def test_someone_logged_in_gets_the_front_page_made_for_them(app, client, auth, site):
    person(app, "eve@example.com", name="Eve Editor")
    assert auth.login("eve@example.com").status_code == 303
    front = client.get("/")
    assert "Log out" in front.text and "ETag" not in front.headers


def test_an_anonymous_search_looks_up_nobody_and_names_nobody(client, site):
    with client:  # keeps the request's context to look at afterwards
        answer = client.get("/search?q=news")
        assert "_login_user" not in g  # Flask-Login was never asked who is searching
    assert "News" in answer.text and "Log in" in answer.text
    assert "Cookie" in answer.headers["Vary"]


def test_a_search_by_someone_logged_in_names_them(app, client, auth, site):
    person(app, "eve@example.com", name="Eve Editor")
    assert auth.login("eve@example.com").status_code == 303
    assert "Log out" in client.get("/search?q=news").text
