"""What makes an article cheap to serve: validators and 304s, a stored page that holds nobody's
session, and a number of SQL statements that does not grow with the page."""

from contextlib import contextmanager

import pytest
from sqlalchemy import select

from blog.extensions import db
from blog.models import Block, Page, Row, User
from blog.publishing import publish, rerender_all

from helpers.published_pages import (
    approve_comments,
    make_published_page,
    person,
    text_rows,
)
from helpers.statement_counter import statements_sent

ARTICLE = "/leek-soup"
EDITOR_EMAIL = "eve@example.com"


@pytest.fixture
def article(app) -> str:
    """The address of a published page, "Leek soup"."""
    make_published_page(app, "Leek soup", "leek-soup", text_rows("Sweat the leeks."))
    return ARTICLE


def _page_id(app, slug: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Page.id).where(Page.slug == slug))


def _log_in_as_editor(app, auth) -> None:
    """Log the client in as an editor who is not the pages' author."""
    person(app, EDITOR_EMAIL, name="Eve Editor")
    assert auth.login(EDITOR_EMAIL).status_code == 303


# Validators and conditional requests


def test_anonymous_article_can_be_kept_by_any_cache_if_revalidated(client, article):
    response = client.get(article)

    assert response.status_code == 200
    assert response.headers["ETag"] and response.headers["Last-Modified"]
    assert response.cache_control.no_cache and response.cache_control.public
    assert "Cookie" in response.vary


def test_matching_etag_answers_not_modified_with_an_empty_body(client, article):
    etag = client.get(article).headers["ETag"]

    response = client.get(article, headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert response.data == b""


def test_if_modified_since_the_last_change_answers_not_modified(client, article):
    last_modified = client.get(article).headers["Last-Modified"]

    response = client.get(article, headers={"If-Modified-Since": last_modified})

    assert response.status_code == 304
    assert response.data == b""


def test_approving_a_comment_changes_the_etag_and_the_body(app, client, article):
    before = client.get(article)
    app.test_client().post(f"{article}/comments", data={"name": "Ada", "comment": "Lovely soup."})
    approve_comments(app, _page_id(app, "leek-soup"))

    after = client.get(article, headers={"If-None-Match": before.headers["ETag"]})

    assert after.status_code == 200
    assert after.headers["ETag"] != before.headers["ETag"]
    assert "Lovely soup." in after.get_data(as_text=True)
    assert "Lovely soup." not in before.get_data(as_text=True)


def test_rendering_published_pages_again_changes_the_etag(app, client, article):
    before = client.get(article)
    app.config["BLOG_TITLE"] = "The Soup Kitchen"
    with app.test_request_context():
        rerender_all()
        db.session.commit()

    after = client.get(article, headers={"If-None-Match": before.headers["ETag"]})

    assert after.status_code == 200
    assert "The Soup Kitchen" in after.get_data(as_text=True)


def test_logged_in_editor_gets_their_own_etag_and_a_log_out_button(app, client, auth, article):
    anonymous = app.test_client().get(article)
    _log_in_as_editor(app, auth)

    editor = client.get(article, headers={"If-None-Match": anonymous.headers["ETag"]})

    assert editor.status_code == 200
    assert editor.headers["ETag"] != anonymous.headers["ETag"]
    assert editor.cache_control.private and not editor.cache_control.public
    assert "Log out" in editor.get_data(as_text=True)
    assert "Log out" not in anonymous.get_data(as_text=True)


def test_flash_message_is_not_shown_again_from_a_revalidated_copy(app, client, article):
    posted = client.post(f"{article}/comments", data={"name": "Ada", "comment": "Lovely."})
    with_message = client.get(posted.headers["Location"])
    assert "once a moderator approves it" in with_message.get_data(as_text=True)
    # Nothing a cache could keep and replay: no validators, no storing.
    assert "ETag" not in with_message.headers
    assert with_message.cache_control.no_store

    again = client.get(article)

    assert again.status_code == 200
    assert "once a moderator approves it" not in again.get_data(as_text=True)


# The stored page holds nobody's session


def test_page_published_by_a_logged_in_editor_holds_no_csrf_token(app, client, auth):
    _log_in_as_editor(app, auth)
    with app.app_context():
        author = db.session.get(User, person(app))
        page = Page(title="Leek soup", slug="leek-soup", author=author, rows=[Row(layout="1")])
        db.session.add(page)
        db.session.commit()
        page_id = page.id
    assert client.post(f"/builder/pages/{page_id}/publish").status_code == 303

    body = app.test_client().get(ARTICLE).get_data(as_text=True)

    assert "Leek soup" in body
    assert "csrf" not in body.lower()
    assert "Log out" not in body and "Builder" not in body


@pytest.mark.parametrize(
    "url", [ARTICLE, "/", "/tags/soup", "/search?q=leeks", "/feed.xml", "/sitemap.xml", "/gone"]
)
def test_anonymous_reader_is_never_given_a_cookie(app, client, url):
    make_published_page(app, "Leek soup", "leek-soup", text_rows("Sweat leeks."), tags=("Soup",))

    response = client.get(url)

    assert response.status_code in (200, 404)
    assert "Set-Cookie" not in response.headers


# SQL statements per article view


def _published_page_of_blocks(app, slug: str, count: int) -> None:
    """A published page of `count` blocks: rows of two columns, five blocks in each."""
    author_id = person(app)
    with app.test_request_context():
        author = db.session.get(User, author_id)
        rows = []
        for start in range(0, count, 10):
            blocks = [
                Block(
                    column=index % 2,
                    position=index // 2,
                    type="heading" if index % 5 == 0 else "text",
                    data={"text": f"Part {start + index}", "level": 2}
                    if index % 5 == 0
                    else {"markdown": f"Paragraph {start + index} with *emphasis*."},
                )
                for index in range(min(10, count - start))
            ]
            rows.append(Row(position=start // 10, layout="1-1", blocks=blocks))
        page = Page(title=slug.title(), slug=slug, author=author, rows=rows)
        db.session.add(page)
        db.session.flush()
        publish(page, author)
        db.session.commit()


@contextmanager
def _statements(app):
    """The SQL statements sent to the database inside the block."""
    with app.app_context():
        engine = db.engine
    with statements_sent(engine) as sent:
        yield sent


def _statements_for_view(app, client, url: str) -> int:
    assert client.get(url).status_code == 200  # connections are set up before counting
    with _statements(app) as sent:
        assert client.get(url).status_code == 200
    return len(sent)


@pytest.mark.parametrize("viewer", ["anonymous reader", "logged-in editor"])
def test_article_view_statements_do_not_grow_with_the_number_of_blocks(app, client, auth, viewer):
    _published_page_of_blocks(app, "ten-blocks", 10)
    _published_page_of_blocks(app, "five-hundred-blocks", 500)
    if viewer == "logged-in editor":
        _log_in_as_editor(app, auth)

    counts = {
        blocks: _statements_for_view(app, client, f"/{slug}")
        for blocks, slug in ((10, "ten-blocks"), (500, "five-hundred-blocks"))
    }

    assert counts[10] == counts[500], counts


def test_anonymous_article_view_reads_one_row(app, client, article):
    assert _statements_for_view(app, client, article) == 1
