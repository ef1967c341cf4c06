"""Block previews stored with the blocks: every change that writes a block's data leaves
its stored preview equal to a fresh render, so the editor opens without rendering blocks;
a preview stored from other templates, another version of the data or none at all is
rendered again, shown fresh and stored."""

from urllib.parse import urlsplit

import pytest
from sqlalchemy import update

from blog.extensions import db
from blog.models import Block

from helpers.block_previews import (
    assert_previews_fresh,
    block_writes_while_opening,
    edit_template,
    editable_block_template,
    fresh_preview,
    shown_previews,
    stored_previews,
)
from helpers.builder_pages import back_to_editor, build_page
from helpers.page_documents import garden_document
from helpers.stored_documents import imported
from helpers.undo_changes import CHANGES, undo_page

MIXED = (
    "1-2",
    [
        ["A heading", ("text", {"markdown": "Some *words* and a [link](https://example.org)."})],
        [("quote", {"text": "Less is more.", "cite": "Someone"}), ("divider", {})],
    ],
)


def test_a_page_built_outside_any_request_has_its_previews_stored(app, auth, client, htmx):
    page = build_page(app, auth.login_as("author"), MIXED)
    assert_previews_fresh(app, client, htmx, page.id)


@pytest.mark.parametrize("change", CHANGES, ids=[change.name for change in CHANGES])
def test_every_change_and_its_undo_and_redo_leave_the_stored_previews_fresh(
    app, auth, client, htmx, change
):
    page = undo_page(app, auth.login_as("author"))
    if change.prepare:
        assert change.prepare(client, page).status_code == 303
    assert change.post(client, page).status_code in (303, 204)
    assert_previews_fresh(app, client, htmx, page.id)
    back_to_editor(client.post(f"/builder/pages/{page.id}/undo"), page.id)
    assert_previews_fresh(app, client, htmx, page.id)
    back_to_editor(client.post(f"/builder/pages/{page.id}/redo"), page.id)
    assert_previews_fresh(app, client, htmx, page.id)


def test_a_typed_save_stores_the_new_preview(app, auth, client, htmx):
    page = build_page(app, auth.login_as("author"), MIXED)
    text_block = page.blocks[0][0][1]
    saved = htmx.post(f"/builder/blocks/{text_block}", data={"version": "1", "markdown": "New"})
    assert saved.status_code == 200
    assert "<p>New</p>" in stored_previews(app, page.id)[text_block]
    assert_previews_fresh(app, client, htmx, page.id)


def test_a_duplicated_page_has_its_previews_stored(app, auth, client, htmx):
    page = build_page(app, auth.login_as("author"), MIXED)
    answer = client.post(f"/builder/pages/{page.id}/duplicate")
    assert answer.status_code == 303
    copy_id = int(urlsplit(answer.headers["Location"]).path.rsplit("/", 1)[1])
    assert copy_id != page.id
    assert_previews_fresh(app, client, htmx, copy_id)


def test_an_imported_page_has_its_previews_stored(app, auth, client, htmx):
    author = auth.login_as("editor")
    page_id = imported(app, garden_document(), author)
    assert_previews_fresh(app, client, htmx, page_id)


@pytest.mark.parametrize(
    "stale",
    [
        {"preview_html": "<p>From other templates</p>", "preview_key": "other-templates-1"},
        {"preview_html": "<p>Of an older version</p>", "preview_key": None},
        {"preview_html": None, "preview_key": None},
    ],
    ids=["other templates", "no key", "none stored"],
)
def test_a_stale_stored_preview_is_rendered_again_and_stored(app, auth, client, htmx, stale):
    page = build_page(app, auth.login_as("author"), MIXED)
    with app.app_context():
        db.session.execute(update(Block).values(**stale))
        db.session.commit()
    fresh = {block_id: fresh_preview(htmx, block_id) for block_id in stored_previews(app, page.id)}
    assert shown_previews(client, page.id) == fresh
    assert stored_previews(app, page.id) == fresh
    assert block_writes_while_opening(app, client, page.id) == []


def test_a_preview_stored_for_an_older_version_of_the_data_is_not_shown(app, auth, client, htmx):
    """A write the previews did not hear of (straight in the database) still bumps the
    version, as every write of a block's data does: the canvas shows the new data."""
    page = build_page(app, auth.login_as("author"), MIXED)
    heading = page.blocks[0][0][0]
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(
            update(Block)
            .where(Block.id == heading)
            .values(data={"text": "Fixed by hand", "level": 2}, version=Block.version + 1)
        )
    assert "Fixed by hand" in shown_previews(client, page.id)[heading]
    assert_previews_fresh(app, client, htmx, page.id)


def test_a_changed_block_template_renders_the_stored_previews_again(
    app, auth, client, htmx, tmp_path
):
    """As in development, where templates reload when edited; a deploy is the same change,
    seen when the app starts."""
    with editable_block_template(app, "blocks/heading.html", tmp_path) as heading:
        page = build_page(app, auth.login_as("author"), ("1", [["First", "Second"]]))
        assert_previews_fresh(app, client, htmx, page.id)
        edit_template(heading, "block-heading", "block-heading changed")
        shown = shown_previews(client, page.id)
        assert all('class="block block-heading changed"' in html for html in shown.values())
        assert stored_previews(app, page.id) == shown
        assert_previews_fresh(app, client, htmx, page.id)
