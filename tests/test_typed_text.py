"""Control characters people paste (a vertical tab from a word processor, a NUL) never reach
the database, the pages or the feed."""

import feedparser
import pytest
from sqlalchemy import select

from blog.extensions import db
from blog.models import Block, Comment, Page, Row, User
from blog.publishing import publish
from blog.typed_text import typed_text


@pytest.mark.parametrize(
    "typed, multiline, stored",
    [
        ("Line\x0bbreak", False, "Linebreak"),
        ("nul\x00byte", False, "nulbyte"),
        ("one\r\ntwo", True, "one\ntwo"),
        ("one\r\ntwo", False, "one two"),
        ("tab\tkept", False, "tab\tkept"),
    ],
)
def test_typed_text_drops_control_characters(typed, multiline, stored):
    assert typed_text(typed, multiline) == stored


def test_a_pasted_vertical_tab_in_a_title_does_not_break_the_feed(app, auth, client):
    auth.login_as("editor")
    with app.app_context():
        author = db.session.scalar(select(User))
        heading = Block(type="heading", data={"text": "Hi", "level": 2})
        page = Page(title="Draft", slug="draft", author=author, rows=[Row(blocks=[heading])])
        db.session.add(page)
        db.session.commit()
        page_id, block_id = page.id, heading.id
    client.post(
        f"/builder/pages/{page_id}/details",
        data={"title": "Soup\x0b recipes", "slug": "draft", "summary": "", "tags": ""},
    )
    client.post(
        f"/builder/blocks/{block_id}",
        data={"text": "Nul\x00 and tab\x0b", "level": "2", "version": "1"},
    )
    client.post(f"/builder/pages/{page_id}/publish")
    feed = feedparser.parse(client.get("/feed.xml").data)
    assert not feed.bozo, feed.bozo_exception
    assert feed.entries[0].title == "Soup recipes"
    with app.app_context():
        assert db.session.get(Block, block_id).data["text"] == "Nul and tab"


def test_a_nul_in_a_comment_is_dropped_not_a_server_error(app, client, make_user):
    make_user("editor")
    with app.app_context():
        page = Page(title="Talk", slug="talk", author=db.session.scalar(select(User)), rows=[Row()])
        db.session.add(page)
        db.session.flush()
        publish(page, page.author)
        db.session.commit()
    response = client.post("/talk/comments", data={"name": "A\x00da", "comment": "Hi\x00!"})
    assert response.status_code == 303
    with app.app_context():
        comment = db.session.scalar(select(Comment))
        assert (comment.author_name, comment.body) == ("Ada", "Hi!")
