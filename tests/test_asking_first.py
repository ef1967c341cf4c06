"""Destructive actions that ask first, also without JavaScript, and offer Undo after: Unpublish,
Delete row, and a block's deletion without JavaScript."""

from blog.extensions import db
from blog.models import Page

from helpers.builder_pages import build_page, editor_page, outline, parse_html


def is_published(app, page_id: int) -> bool:
    with app.app_context():
        return db.session.get(Page, page_id).is_published


def test_unpublish_asks_first_and_changes_nothing_until_confirmed(app, auth, client):
    page = build_page(app, auth.login_as("editor"), published=True, title="Spring menu")
    editor = editor_page(client.get(f"/builder/pages/{page.id}"))
    [link] = [a for a in editor.find_all("a") if a.text == "Unpublish"]
    question = client.get(link.attrs["href"])
    assert question.status_code == 200
    shown = parse_html(question.get_data(as_text=True))
    assert shown.find_all("h1")[0].text == "Unpublish “Spring menu”?"
    [form] = [f for f in shown.find_all("form") if f.attrs.get("action") == link.attrs["href"]]
    assert form.attrs["method"] == "post"
    assert is_published(app, page.id)
    assert client.post(form.attrs["action"]).status_code == 303
    assert not is_published(app, page.id)


def test_delete_row_without_javascript_asks_first(app, auth, client):
    page = build_page(app, auth.login_as("author"))
    editor = editor_page(client.get(f"/builder/pages/{page.id}"))
    [button] = [
        b for b in editor.find(f"row-{page.rows[0]}").find_all("button") if b.text == "Delete row"
    ]
    [form] = [f for f in editor.find_all("form") if button in list(f.iter())]
    assert form.attrs["method"] == "get"
    assert not form.find_all("input", name="csrf_token")
    question = parse_html(client.get(form.attrs["action"]).get_data(as_text=True))
    assert any("its 3 blocks" in paragraph.text for paragraph in question.find_all("p"))
    assert outline(app, page.id) == [("1", [["First", "Second", "Third"]])]
    assert client.post(form.attrs["action"]).status_code == 303
    assert outline(app, page.id) == []


def test_a_block_deleted_without_javascript_comes_back_with_the_editors_undo(app, auth, client):
    page = build_page(app, auth.login_as("author"))
    response = client.post(f"/builder/blocks/{page.blocks[0][0][1]}/delete")
    editor = editor_page(client.get(response.headers["Location"]))
    actions = editor.find_all("nav", **{"aria-label": "Page actions"})[0]
    [form] = [f for f in actions.find_all("form") if f.find_all("button")[0].text == "Undo"]
    assert client.post(form.attrs["action"]).status_code == 303
    assert outline(app, page.id) == [("1", [["First", "Second", "Third"]])]
