"""The "+" under a block without JavaScript: the editor, asked with `?after=<block id>`,
shows the block types right under that block, each a button that adds one there."""

from helpers.builder_pages import build_page, editor_page

TWO = ("1", [["First", "Third"]])


def test_after_a_block_the_editor_shows_the_types_to_add_there(app, auth, client):
    page = build_page(app, auth.login_as("author"), TWO)
    first, third = page.blocks[0][0]
    html = editor_page(client.get(f"/builder/pages/{page.id}?after={first}"))
    [form] = html.find_all("form", class_="insert-here")
    assert form.attrs["action"] == f"/builder/blocks/{first}/after"
    assert [b.text for b in form.find_all("button")][:3] == ["Heading", "Text", "Quote"]
    column = html.find(f"column-{page.rows[0]}-0").find_all(class_="column-blocks")[0]
    order = [e.attrs.get("id") or "insert-here" for e in column.elements]
    assert order == [f"block-{first}", "insert-here", f"block-{third}"]


def test_an_address_that_names_no_block_shows_no_types(app, auth, client):
    page = build_page(app, auth.login_as("author"), TWO)
    for query in ("?after=soup", "?after=999999", "?after="):
        html = editor_page(client.get(f"/builder/pages/{page.id}{query}"))
        assert html.find_all("form", class_="insert-here") == []
