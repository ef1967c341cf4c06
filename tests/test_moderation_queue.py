"""The moderation queue as moderators use it: each comment with a link to its page and the
commenter's email, the waiting count in the admin menu, and pages of a hundred."""

import pytest
from sqlalchemy import select

from blog.extensions import db
from blog.models import Comment

from helpers.builder_pages import build_page, parse_html
from helpers.published_pages import make_published_page


def _comments(app, page_id: int, count: int, email: str | None = None) -> None:
    with app.app_context():
        db.session.add_all(
            Comment(page_id=page_id, author_name=f"Reader {n}", body=f"Words {n}", email=email)
            for n in range(count)
        )
        db.session.commit()


def _menu_link(client) -> str:
    [menu] = parse_html(client.get("/builder/").get_data(as_text=True)).find_all(
        "nav", **{"aria-label": "Site"}
    )
    [link] = menu.find_all("a", href="/admin/comments")
    return "".join(link.text.split())  # spaces aside: the parser joins inner text tightly


def _queue(client, address: str = "/admin/comments") -> list:
    """The comments listed, as elements."""
    html = parse_html(client.get(address).get_data(as_text=True))
    [queue] = html.find_all("ol", class_="comment-queue")
    return queue.find_all("li")


def _older(client, address: str = "/admin/comments") -> str | None:
    links = parse_html(client.get(address).get_data(as_text=True)).find_all("a", rel="next")
    return links[0].attrs["href"] if links else None


def test_each_comment_links_to_its_page_and_shows_the_email(app, auth, client):
    editor = auth.login_as("editor")
    live = make_published_page(app, "Leek soup", "leek-soup")
    draft = build_page(app, editor, title="Not out yet")
    _comments(app, live, 1, email="reader@example.org")
    _comments(app, draft.id, 1)
    items = _queue(client)
    links = {item.find_all("a")[0].text: item.find_all("a")[0].attrs["href"] for item in items}
    assert links == {"Leek soup": "/leek-soup", "Not out yet": f"/builder/pages/{draft.id}"}
    [mail] = [link for item in items for link in item.find_all("a")[1:]]
    assert (mail.attrs["href"], mail.text) == ("mailto:reader@example.org", "reader@example.org")


def test_the_admin_menu_counts_the_comments_waiting(app, auth, client):
    auth.login_as("editor")
    assert _menu_link(client) == "Comments"
    page_id = make_published_page(app, "Leek soup", "leek-soup")
    _comments(app, page_id, 3)
    assert _menu_link(client) == "Comments(3waiting)"
    with app.app_context():
        first = db.session.scalar(select(Comment.id).order_by(Comment.id))
    client.post("/admin/comments", data={"action": "approve", "comment": [first]})
    assert _menu_link(client) == "Comments(2waiting)"


def test_authors_see_no_comments_link_and_no_count(app, auth, client):
    auth.login_as("author")
    page_id = make_published_page(app, "Leek soup", "leek-soup")
    _comments(app, page_id, 2)
    html = client.get("/builder/").get_data(as_text=True)
    assert "/admin/comments" not in html and "waiting" not in html


def test_the_queue_goes_on_past_a_hundred_on_further_pages(app, auth, client):
    auth.login_as("editor")
    page_id = make_published_page(app, "Leek soup", "leek-soup")
    _comments(app, page_id, 130)
    first = _queue(client)
    older = _older(client)
    second = _queue(client, older)
    assert (len(first), len(second), _older(client, older)) == (100, 30, None)
    assert len({item.id for item in first + second}) == 130
    assert client.get("/admin/comments?page=3").status_code == 404
    assert client.get("/admin/comments?status=spam&page=2").status_code == 404


@pytest.mark.parametrize("page_number", ["0", "-1", "two", "9" * 30])
def test_a_queue_page_that_is_no_number_is_not_found(app, auth, client, page_number):
    auth.login_as("editor")
    assert client.get(f"/admin/comments?page={page_number}").status_code == 404


def test_select_all_is_there_for_scripts_to_show(app, auth, client):
    auth.login_as("editor")
    page_id = make_published_page(app, "Leek soup", "leek-soup")
    _comments(app, page_id, 2)
    html = parse_html(client.get("/admin/comments").get_data(as_text=True))
    [holder] = html.find_all("p", class_="select-all")
    assert "hidden" in holder.attrs  # shown by select_all.js
    assert holder.find_all("input", **{"data-select-all": "comment"})
