"""Comments on/off per page: off, the live article keeps its approved comments but shows no
form, and posts are refused; on again, the form is back. At once, for whoever edits it."""

import pytest
from sqlalchemy import select

from blog.extensions import db
from blog.models import Comment, Page

from helpers.builder_pages import build_page
from helpers.published_pages import approve_comments, make_published_page

POST = {"name": "Ada", "comment": "Lovely soup."}


def _switch(client, page_id: int, to: str, **headers):
    return client.post(
        f"/builder/pages/{page_id}/comments-switch", data={"comments": to}, headers=headers
    )


def _stored_comments(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(Comment.body).order_by(Comment.id)))


def test_comments_off_closes_the_live_article_and_on_opens_it_again(app, auth, client):
    auth.login_as("editor")
    page_id = make_published_page(app, "Leek soup", "leek-soup")
    reader = app.test_client()
    reader.post(f"/pages/{page_id}/comments", data={"name": "Bo", "comment": "First!"})
    approve_comments(app, page_id)
    before = reader.get("/leek-soup")
    assert "Post comment" in before.get_data(as_text=True)

    assert _switch(client, page_id, "off").status_code == 303
    closed = reader.get("/leek-soup", headers={"If-None-Match": before.headers["ETag"]})
    assert closed.status_code == 200  # the stored copy changed, so did its ETag
    html = closed.get_data(as_text=True)
    assert "Comments are closed." in html and "Post comment" not in html
    assert "First!" in html  # the approved comments stay
    refused = reader.post(f"/pages/{page_id}/comments", data=POST)
    assert refused.status_code == 403
    assert "Comments are closed on this page." in refused.get_data(as_text=True)
    assert _stored_comments(app) == ["First!"]

    _switch(client, page_id, "on")
    assert "Post comment" in reader.get("/leek-soup").get_data(as_text=True)
    assert reader.post(f"/pages/{page_id}/comments", data=POST).status_code == 303
    assert _stored_comments(app) == ["First!", "Lovely soup."]


def test_the_switch_answers_htmx_in_place_and_is_in_the_editor(app, auth, client):
    author = auth.login_as("author")
    page = build_page(app, author)
    editor = client.get(f"/builder/pages/{page.id}").get_data(as_text=True)
    assert "Comments are on." in editor and "Turn comments off" in editor
    answer = _switch(client, page.id, "off", **{"HX-Request": "true"})
    html = answer.get_data(as_text=True)
    assert answer.status_code == 200 and 'id="comments-switch"' in html
    assert "Comments are off." in html and "Turn comments on" in html
    assert "cannot write more" in answer.headers["HX-Trigger"]
    with app.app_context():
        assert db.session.get(Page, page.id).comments_open is False


@pytest.mark.parametrize("choice", ["", "maybe", "OFF"])
def test_an_unknown_choice_is_refused_and_changes_nothing(app, auth, client, choice):
    author = auth.login_as("author")
    page = build_page(app, author)
    answer = _switch(client, page.id, choice)
    assert answer.status_code == 422
    assert "Choose whether comments are on or off." in answer.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Page, page.id).comments_open is True


def test_an_author_cannot_switch_comments_on_another_authors_page(app, auth, client, make_user):
    owner = make_user("author", email="owner@example.com")
    page = build_page(app, owner)
    auth.login_as("author")
    assert _switch(client, page.id, "off").status_code in (403, 404)
    with app.app_context():
        assert db.session.get(Page, page.id).comments_open is True
