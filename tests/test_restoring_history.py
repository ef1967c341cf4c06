"""Restore, from a published revision or a draft checkpoint: it asks first (a question page
that works without JavaScript), keeps the draft it replaces as a checkpoint, and Undo gives
that draft back exactly, blocks added since the last publish included."""

import pytest

from helpers.builder_pages import back_to_editor, build_page, parse_html
from helpers.checkpoints import block_texts, checkpoint_ids, checkpoints_of
from helpers.stored_documents import exported

PUBLISHED = [("1-1", [["Spring menu", "Soup"], ["Bread"]])]


def _entry(app, page, kind: str) -> str:
    """The URL of revision 1, or of the checkpoint publishing took."""
    if kind == "revision":
        return f"/builder/pages/{page.id}/revisions/1"
    return f"/builder/pages/{page.id}/checkpoints/{checkpoint_ids(app, page.id)[0]}"


def _changed_since_publishing(client, page) -> None:
    """A block and a row added, a block edited, another deleted: the draft differs from
    what was published in every way a restore replaces."""
    row, (first, soup), _ = page.rows[0], *page.blocks[0]
    assert client.post(f"/builder/rows/{row}/columns/1/blocks", data={"type": "text"}).status_code
    assert client.post(f"/builder/pages/{page.id}/rows", data={"layout": "1-2"}).status_code == 303
    edit = {"text": "Summer menu", "level": "2", "version": "1"}
    assert client.post(f"/builder/blocks/{first}", data=edit).status_code == 303
    assert client.post(f"/builder/blocks/{soup}/delete").status_code == 303
    details = {"title": "Summer", "slug": "summer", "summary": "Hot.", "tags": "Food"}
    assert client.post(f"/builder/pages/{page.id}/details", data=details).status_code == 303


@pytest.mark.parametrize("kind", ["revision", "checkpoint"])
def test_restore_asks_first_and_changes_nothing_until_confirmed(app, auth, client, kind):
    page = build_page(app, auth.login_as("editor"), *PUBLISHED, title="Menu", published=True)
    _changed_since_publishing(client, page)
    before = exported(app, page.id)
    history = parse_html(client.get(f"/builder/pages/{page.id}/history").get_data(as_text=True))
    name = "revision 1" if kind == "revision" else "draft checkpoint (before publishing)"
    [link] = [a for a in history.find_all("a") if a.attrs.get("aria-label") == f"Restore {name}"]
    assert link.attrs["href"] == f"{_entry(app, page, kind)}/restore"
    question = client.get(link.attrs["href"])
    assert question.status_code == 200
    shown = parse_html(question.get_data(as_text=True))
    assert shown.find_all("h1")[0].text == f"Restore {name} of “Summer”?"
    [form] = [f for f in shown.find_all("form") if f.attrs.get("action") == link.attrs["href"]]
    assert form.attrs["method"] == "post"
    assert exported(app, page.id) == before
    back_to_editor(client.post(form.attrs["action"]), page.id)
    assert exported(app, page.id) != before


@pytest.mark.parametrize("kind", ["revision", "checkpoint"])
def test_restore_makes_the_entry_the_draft_and_keeps_the_draft_it_replaced(app, auth, client, kind):
    editor = auth.login_as("editor")
    page = build_page(app, editor, *PUBLISHED, title="Menu", published=True)
    published = exported(app, page.id)
    _changed_since_publishing(client, page)
    replaced = exported(app, page.id)
    back_to_editor(client.post(f"{_entry(app, page, kind)}/restore"), page.id)
    restored = exported(app, page.id)
    assert {**restored, "slug": None} == {**published, "slug": None, "status": "published"}
    assert restored["slug"] == "summer"  # the page keeps its address
    reason, person, content = checkpoints_of(app, page.id)[-1]
    assert (reason, person) == ("restore", editor)
    assert block_texts(content) == block_texts(replaced)
    assert (content["title"], content["tags"]) == ("Summer", ["Food"])


@pytest.mark.parametrize("kind", ["revision", "checkpoint"])
def test_undoing_a_restore_gives_the_draft_back_exactly_and_redo_restores_again(
    app, auth, client, kind
):
    page = build_page(app, auth.login_as("editor"), *PUBLISHED, title="Menu", published=True)
    _changed_since_publishing(client, page)
    before = exported(app, page.id)
    back_to_editor(client.post(f"{_entry(app, page, kind)}/restore"), page.id)
    restored = exported(app, page.id)
    back_to_editor(client.post(f"/builder/pages/{page.id}/undo"), page.id)
    assert exported(app, page.id) == before
    back_to_editor(client.post(f"/builder/pages/{page.id}/redo"), page.id)
    assert exported(app, page.id) == restored


def test_restoring_says_where_the_replaced_draft_is(app, auth, client):
    page = build_page(app, auth.login_as("editor"), *PUBLISHED, published=True)
    response = client.post(f"/builder/pages/{page.id}/revisions/1/restore")
    editor = parse_html(client.get(response.headers["Location"]).get_data(as_text=True))
    flashes = [element.text for element in editor.find_all(class_="flash")]
    said = " ".join(flashes)
    assert "Revision 1 is the draft again; the draft it replaced is kept in History" in said
    assert "Undo puts it back" in said


@pytest.mark.parametrize("kind", ["revision", "checkpoint"])
@pytest.mark.parametrize(
    ("limit", "value", "words"),
    [
        ("MAX_BLOCKS_PER_PAGE", 4, "a page holds at most 4 blocks, and it has 5."),
        ("MAX_ROWS_PER_PAGE", 2, "a page holds at most 2 rows, and it has 3."),
    ],
)
def test_an_entry_larger_than_a_page_may_now_hold_is_refused_in_words(
    app, auth, client, kind, limit, value, words
):
    three_rows = [*PUBLISHED, ("1", [["Coffee"]]), ("1", [["Tea"]])]
    page = build_page(app, auth.login_as("editor"), *three_rows, title="Menu", published=True)
    _changed_since_publishing(client, page)
    before, checkpoints = exported(app, page.id), checkpoint_ids(app, page.id)
    app.config[limit] = value  # lowered since the entry was stored

    answer = client.post(f"{_entry(app, page, kind)}/restore")
    assert answer.status_code == 422
    name = "Revision 1" if kind == "revision" else "Draft checkpoint (before publishing)"
    assert f"{name} cannot be restored: {words}" in answer.get_data(as_text=True)
    assert exported(app, page.id) == before
    assert checkpoint_ids(app, page.id) == checkpoints
