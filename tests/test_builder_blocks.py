"""Builder views for one block: add, edit, save (with its optimistic lock) and cancel."""

import re

import pytest

from blog.content.blocks import REGISTRY
from blog.extensions import db
from blog.models import Block, Media, Page

from helpers.builder_pages import (
    announcement,
    back_to_editor,
    build_page,
    column_ids,
    editor_page,
    fragment,
    parse_html,
    stored_state,
)

UPLOAD = "5f" * 32

# Per block type: what its form posts, what is stored, and a piece of what readers see.
SAVES = {
    "heading": ({"text": " Opening hours ", "level": "3"}, {"text": "Opening hours", "level": 3}),
    "text": ({"markdown": "Some *soft* words"}, {"markdown": "Some *soft* words"}),
    "quote": ({"text": "Less is more.", "cite": "Mies"}, {"text": "Less is more.", "cite": "Mies"}),
    "image": (
        {"media": UPLOAD, "alt": "A red kite", "caption": "", "width": "1200", "height": "800"},
        {
            "media": UPLOAD,
            "alt": "A red kite",
            "caption": "",
            "decorative": False,
            "width": 1200,
            "height": 800,
        },
    ),
    "code": (
        {"code": "print('hi')", "language": "py"},
        {"code": "print('hi')", "language": "python"},
    ),
    "divider": ({}, {}),
    "button": ({"label": "Read more", "url": "/about"}, {"label": "Read more", "url": "/about"}),
    "embed": (
        {"url": "https://youtu.be/dQw4w9WgXcQ"},
        {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
    ),
}
SHOWN = {
    "heading": '<h3 class="block block-heading">Opening hours</h3>',
    "text": "<em>soft</em>",
    "quote": "<p>Less is more.</p>",
    "image": f'src="/media/{UPLOAD}"',
    "code": 'data-language="python"',
    "divider": '<hr class="block block-divider">',
    "button": '<a class="button" href="/about">Read more</a>',
    "embed": 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"',
}

REFUSED = [
    ("heading", {"text": "", "level": "2"}, "text", "Write the heading's text."),
    ("heading", {"text": "Too deep", "level": "7"}, "level", "must be 2, 3 or 4"),
    (
        "button",
        {"label": "Click", "url": "javascript:alert(1)"},
        "url",
        "Links may only use http, https, mailto or a path on this site.",
    ),
    (
        "embed",
        {"url": "https://videos.example.com/watch?v=1"},
        "url",
        "Only YouTube and Vimeo videos can be embedded.",
    ),
]

HEADING = ("heading", {"text": "Stored", "level": 2})


def _own_block(app, auth, spec=HEADING):
    """Log in as an author and build them a page whose only block is `spec`."""
    page = build_page(app, auth.login_as("author"), ("1", [[spec]]))
    return page, page.blocks[0][0][0]


def _store_sample_picture(app, page) -> None:
    """A stored picture named UPLOAD, as the page's author uploaded it (no file: nothing here
    fetches it), for the image block's sample save."""
    with app.app_context():
        author_id = db.session.get(Page, page.id).author_id
        db.session.add(
            Media(
                sha256=UPLOAD,
                content_type="image/png",
                width=1200,
                height=800,
                size=1,
                uploader_id=author_id,
            )
        )
        db.session.commit()


def _stored(app, block_id):
    with app.app_context():
        block = db.session.get(Block, block_id)
        return block.data, block.version


def _input(form, name):
    return form.find_all(name=name)[0]


# Add block


def test_every_block_type_has_a_save_sample_here():
    assert set(SAVES) == set(SHOWN) == set(REGISTRY)


@pytest.mark.parametrize("type_name", sorted(REGISTRY))
def test_add_block_of_each_type_opens_its_form_at_the_end_of_the_column(app, auth, htmx, type_name):
    page = build_page(app, auth.login_as("author"), ("1-1", [["Before"], []]))
    row = page.rows[0]
    response = htmx.post(f"/builder/rows/{row}/columns/0/blocks", data={"type": type_name})
    *before, new = column_ids(app, row, 0)
    form = fragment(response)
    assert (form.tag, form.id) == ("form", f"block-{new}")
    assert form.find_all("button", type="submit")[0].text == "Save"
    assert announcement(response) == f"{REGISTRY[type_name].label} block added."
    assert before == page.blocks[0][0]
    with app.app_context():
        block = db.session.get(Block, new)
        assert (block.type, block.data) == (type_name, REGISTRY[type_name].defaults())


def test_add_block_without_javascript_opens_its_form_in_the_editor(app, auth, client):
    page = build_page(app, auth.login_as("author"), ("1", [[]]))
    response = client.post(f"/builder/rows/{page.rows[0]}/columns/0/blocks", data={"type": "quote"})
    [new] = column_ids(app, page.rows[0])
    location = back_to_editor(response, page.id)
    assert location.endswith(f"?edit={new}#block-{new}")
    html = editor_page(client.get(location))
    assert html.find(f"block-{new}").tag == "form"


@pytest.mark.parametrize(
    "column, typed",
    [pytest.param(0, "carousel", id="unknown-type"), pytest.param(1, "heading", id="no-column")],
)
def test_add_block_is_refused_for_an_unknown_type_or_column(app, auth, htmx, column, typed):
    page = build_page(app, auth.login_as("author"), ("1", [[]]))
    before = stored_state(app)
    url = f"/builder/rows/{page.rows[0]}/columns/{column}/blocks"
    response = htmx.post(url, data={"type": typed})
    assert response.status_code == 422
    assert announcement(response)
    assert stored_state(app) == before


def test_add_block_of_an_unknown_type_without_javascript_shows_the_editor(app, auth, client):
    page = build_page(app, auth.login_as("author"), ("1", [[]]))
    before = stored_state(app)
    url = f"/builder/rows/{page.rows[0]}/columns/0/blocks"
    html = editor_page(client.post(url, data={"type": "carousel"}), 422)
    assert "Choose a block type from the list." in html.find("main").text
    assert stored_state(app) == before


# Edit and cancel


def test_edit_returns_the_blocks_form_filled_with_what_is_stored(app, auth, htmx):
    page, block = _own_block(app, auth)
    form = fragment(htmx.get(f"/builder/blocks/{block}/edit"), announced=False)
    assert (form.tag, form.id) == ("form", f"block-{block}")
    assert form.attrs["action"] == f"/builder/blocks/{block}"
    assert _input(form, "text").attrs["value"] == "Stored"
    assert _input(form, "version").attrs["value"] == "1"


def test_edit_without_javascript_redirects_to_the_editor_with_the_form_open(app, auth, client):
    page, block = _own_block(app, auth)
    response = client.get(f"/builder/blocks/{block}/edit")
    assert back_to_editor(response, page.id).endswith(f"?edit={block}#block-{block}")


def test_editor_opens_the_form_of_the_block_named_by_edit(app, auth, client):
    page = build_page(app, auth.login_as("author"))
    first, second, third = page.blocks[0][0]
    html = editor_page(client.get(f"/builder/pages/{page.id}?edit={second}"))
    assert [html.find(f"block-{b}").tag for b in (first, second, third)] == [
        "article",
        "form",
        "article",
    ]
    assert _input(html.find(f"block-{second}"), "text").attrs["value"] == "Second"


def test_cancel_brings_back_the_stored_block(app, auth, htmx):
    page, block = _own_block(app, auth)
    htmx.post(f"/builder/blocks/{block}", data={"text": "", "level": "2", "version": "1"})
    shown = fragment(htmx.get(f"/builder/blocks/{block}"), announced=False)
    assert (shown.tag, shown.id) == ("article", f"block-{block}")
    assert shown.find_all("h2")[0].text == "Stored"


def test_cancel_without_javascript_redirects_to_the_block_in_the_editor(app, auth, client):
    page, block = _own_block(app, auth)
    response = client.get(f"/builder/blocks/{block}")
    assert back_to_editor(response, page.id).endswith(f"#block-{block}")


# Save


@pytest.mark.parametrize("type_name", sorted(REGISTRY))
def test_saving_valid_data_shows_the_rendered_block_and_stores_it(app, auth, htmx, type_name):
    page, block = _own_block(app, auth, (type_name, REGISTRY[type_name].defaults()))
    _store_sample_picture(app, page)
    typed, stored = SAVES[type_name]
    response = htmx.post(f"/builder/blocks/{block}", data={**typed, "version": "1"})
    shown = fragment(response)
    assert (shown.tag, shown.id) == ("article", f"block-{block}")
    assert SHOWN[type_name] in response.get_data(as_text=True)
    assert announcement(response) == f"{REGISTRY[type_name].label} block saved."
    assert _stored(app, block) == (stored, 2)


def test_saving_without_javascript_redirects_to_the_block(app, auth, client):
    page, block = _own_block(app, auth)
    data = {"text": "Saved", "level": "4", "version": "1"}
    response = client.post(f"/builder/blocks/{block}", data=data)
    assert back_to_editor(response, page.id).endswith(f"#block-{block}")
    assert _stored(app, block) == ({"text": "Saved", "level": 4}, 2)


@pytest.mark.parametrize("type_name, typed, field, message", REFUSED)
def test_invalid_data_is_refused_with_the_fields_message(
    app, auth, htmx, type_name, typed, field, message
):
    page, block = _own_block(app, auth, (type_name, REGISTRY[type_name].defaults()))
    before = _stored(app, block)
    response = htmx.post(f"/builder/blocks/{block}", data={**typed, "version": "1"})
    form = fragment(response, 422)
    assert (form.tag, form.id) == ("form", f"block-{block}")
    assert form.find(f"block-{block}-{field}-error").text == message
    assert message in announcement(response)
    assert _stored(app, block) == before


def test_refused_save_keeps_what_was_typed_in_the_form(app, auth, htmx):
    page, block = _own_block(app, auth, ("button", {"label": "Old", "url": "/old"}))
    typed = {"label": "Click me", "url": "javascript:alert(1)", "version": "1"}
    form = fragment(htmx.post(f"/builder/blocks/{block}", data=typed), 422)
    assert _input(form, "label").attrs["value"] == "Click me"
    assert _input(form, "url").attrs["value"] == "javascript:alert(1)"


def test_refused_save_without_javascript_shows_the_editor_with_the_message(app, auth, client):
    page, block = _own_block(app, auth)
    before = stored_state(app)
    response = client.post(f"/builder/blocks/{block}", data={"text": "", "version": "1"})
    html = editor_page(response, 422)
    form = html.find(f"block-{block}")
    assert form.tag == "form"
    assert form.find(f"block-{block}-text-error").text == "Write the heading's text."
    assert stored_state(app) == before


def test_refused_save_without_javascript_says_why_at_the_top_of_the_editor(app, auth, client):
    _, block = _own_block(app, auth)
    data = {"text": "", "level": "2", "version": "1"}
    response = client.post(f"/builder/blocks/{block}", data=data)
    alert = re.search(r'<p class="flash flash-error" role="alert">([^<]*)</p>', response.text)
    assert alert is not None, response.text[:2000]
    assert alert.group(1) == "The block was not saved: Write the heading&#39;s text."


def test_the_blocks_form_carries_the_page_it_was_opened_on_and_saves_with_it(app, auth, htmx):
    page, block = _own_block(app, auth)
    form = htmx.get(f"/builder/blocks/{block}/edit").text
    assert f'name="page" value="{page.id}"' in form
    data = {"text": "Saved", "level": "2", "version": "1", "page": str(page.id)}
    assert htmx.post(f"/builder/blocks/{block}", data=data).status_code == 200


def test_a_form_opened_on_another_page_saves_nothing_into_this_block(app, auth, htmx):
    page, block = _own_block(app, auth)
    before = stored_state(app)
    data = {"text": "Meant elsewhere", "level": "2", "version": "1", "page": str(page.id + 1)}
    assert htmx.post(f"/builder/blocks/{block}", data=data).status_code == 404
    assert stored_state(app) == before


# Two people editing


def _saved_by_someone_else(app, block_id, text="Theirs"):
    """Save the block the way another person's browser would have (version 1 -> 2)."""
    with app.app_context():
        block = db.session.get(Block, block_id)
        block.data, block.version = {"text": text, "level": 2}, 2
        db.session.commit()


def test_stale_save_is_refused_with_both_versions_shown(app, auth, htmx):
    page, block = _own_block(app, auth)
    _saved_by_someone_else(app, block)
    data = {"text": "Mine", "level": "2", "version": "1"}
    response = htmx.post(f"/builder/blocks/{block}", data=data)
    form = fragment(response, 409)
    assert (form.tag, form.id) == ("form", f"block-{block}")
    assert _input(form, "text").attrs["value"] == "Mine"
    assert form.find_all(class_="their-version")[0].text == "Theirs"
    assert "Someone else saved this block" in announcement(response)
    assert _stored(app, block) == ({"text": "Theirs", "level": 2}, 2)


def test_saving_again_after_a_conflict_replaces_the_other_version(app, auth, htmx):
    page, block = _own_block(app, auth)
    _saved_by_someone_else(app, block)
    data = {"text": "Mine", "level": "2", "version": "1"}
    form = fragment(htmx.post(f"/builder/blocks/{block}", data=data), 409)
    again = {**data, "version": _input(form, "version").attrs["value"]}
    assert fragment(htmx.post(f"/builder/blocks/{block}", data=again)).tag == "article"
    assert _stored(app, block) == ({"text": "Mine", "level": 2}, 3)


def test_stale_save_without_javascript_shows_the_editor_with_both_versions(app, auth, client):
    page, block = _own_block(app, auth)
    _saved_by_someone_else(app, block)
    data = {"text": "Mine", "level": "2", "version": "1"}
    html = editor_page(client.post(f"/builder/blocks/{block}", data=data), 409)
    form = html.find(f"block-{block}")
    assert _input(form, "text").attrs["value"] == "Mine"
    assert form.find_all(class_="their-version")[0].text == "Theirs"
    assert _stored(app, block) == ({"text": "Theirs", "level": 2}, 2)


def test_two_blocks_saved_from_stale_page_loads_do_not_conflict(app, auth, htmx, client):
    page = build_page(app, auth.login_as("author"))
    first, second, _ = page.blocks[0][0]
    html = parse_html(
        client.get(f"/builder/pages/{page.id}?edit={first}&edit={second}").get_data(as_text=True)
    )
    versions = {
        b: _input(html.find(f"block-{b}"), "version").attrs["value"] for b in (first, second)
    }
    for block in (first, second):
        data = {"text": f"Saved {block}", "level": "2", "version": versions[block]}
        assert htmx.post(f"/builder/blocks/{block}", data=data).status_code == 200
    assert _stored(app, second) == ({"text": f"Saved {second}", "level": 2}, 2)


def test_moving_a_block_does_not_make_its_open_form_stale(app, auth, htmx):
    page = build_page(app, auth.login_as("author"))
    block = page.blocks[0][0][2]
    htmx.post(f"/builder/blocks/{block}/move", data={"direction": "up"})
    data = {"text": "Edited", "level": "2", "version": "1"}
    assert htmx.post(f"/builder/blocks/{block}", data=data).status_code == 200
