"""Saving a block while typing, and leaving a block: an autosave answers only the new version
(the form stays open), and a block nothing was written into is removed when it is left."""

import json

import pytest
from sqlalchemy import update

from blog.builder.draft import remove_unwritten_block
from blog.content.blocks import REGISTRY
from blog.extensions import db
from blog.models import Block

from helpers.block_samples import SAMPLES
from helpers.builder_pages import (
    announcement,
    back_to_editor,
    build_page,
    column_ids,
    fragment,
    stored_state,
)

HEADING = ("heading", {"text": "Stored", "level": 2})


def _own_block(app, auth, spec=HEADING):
    """Log in as an author and build them a page whose only block is `spec`."""
    page = build_page(app, auth.login_as("author"), ("1", [[spec]]))
    return page, page.blocks[0][0][0]


def _stored(app, block_id):
    with app.app_context():
        block = db.session.get(Block, block_id)
        return (block.data, block.version) if block else None


def _empty(type_name):
    return (type_name, REGISTRY[type_name].defaults())


# What "empty" means, per block type


@pytest.mark.parametrize("type_name", sorted(set(REGISTRY) - {"divider"}))
def test_a_new_block_of_each_type_is_empty_and_a_written_one_is_not(type_name):
    kind = REGISTRY[type_name]
    assert kind.is_empty(kind.defaults())
    assert not kind.is_empty(SAMPLES[type_name])


def test_a_divider_is_never_empty():
    assert not REGISTRY["divider"].is_empty({})


@pytest.mark.parametrize(
    "type_name, data",
    [
        ("quote", {"text": "", "cite": "Someone"}),
        ("button", {"label": "", "url": "/about"}),
        ("code", {"code": "x = 1", "language": ""}),
    ],
)
def test_a_block_with_any_typed_field_is_not_empty(type_name, data):
    assert not REGISTRY[type_name].is_empty(data)


def test_an_image_with_alt_text_but_no_upload_is_empty():
    data = {**REGISTRY["image"].defaults(), "alt": "A red kite"}
    assert REGISTRY["image"].is_empty(data)


# Saved while typing


def test_an_autosave_stores_the_block_and_answers_only_its_new_version(app, auth, htmx):
    _, block = _own_block(app, auth)
    data = {"text": "Typed", "level": "2", "version": "1", "autosave": "1"}
    response = htmx.post(f"/builder/blocks/{block}", data=data)
    assert response.status_code == 204
    assert response.get_data(as_text=True) == ""
    assert json.loads(response.headers["HX-Trigger"]) == {"blockSaved": {"version": 2}}
    assert _stored(app, block) == ({"text": "Typed", "level": 2}, 2)


def test_the_next_autosave_carries_the_version_the_last_one_answered(app, auth, htmx):
    _, block = _own_block(app, auth)
    url, version = f"/builder/blocks/{block}", "1"
    for text in ("Ty", "Typed on"):
        data = {"text": text, "level": "2", "version": version, "autosave": "1"}
        answer = htmx.post(url, data=data)
        version = str(json.loads(answer.headers["HX-Trigger"])["blockSaved"]["version"])
    assert _stored(app, block) == ({"text": "Typed on", "level": 2}, 3)


def test_a_stale_autosave_gets_the_conflict_form_with_both_versions(app, auth, htmx):
    _, block = _own_block(app, auth)
    with app.app_context():
        db.session.get(Block, block).data = {"text": "Theirs", "level": 2}
        db.session.get(Block, block).version = 2
        db.session.commit()
    data = {"text": "Mine", "level": "2", "version": "1", "autosave": "1"}
    form = fragment(htmx.post(f"/builder/blocks/{block}", data=data), 409)
    assert form.find_all(class_="their-version")[0].text == "Theirs"
    assert form.find_all("input", name="text")[0].attrs["value"] == "Mine"
    assert _stored(app, block) == ({"text": "Theirs", "level": 2}, 2)


def test_an_invalid_autosave_gets_the_field_message_and_stores_nothing(app, auth, htmx):
    _, block = _own_block(app, auth)
    data = {"text": "", "level": "2", "version": "1", "autosave": "1"}
    form = fragment(htmx.post(f"/builder/blocks/{block}", data=data), 422)
    assert form.find(f"block-{block}-text-error").text == "Write the heading's text."
    assert _stored(app, block) == ({"text": "Stored", "level": 2}, 1)


def test_an_autosave_flag_without_htmx_is_an_ordinary_save(app, auth, client):
    page, block = _own_block(app, auth)
    data = {"text": "Posted", "level": "2", "version": "1", "autosave": "1"}
    response = client.post(f"/builder/blocks/{block}", data=data)
    assert back_to_editor(response, page.id).endswith(f"#block-{block}")
    assert _stored(app, block) == ({"text": "Posted", "level": 2}, 2)


# Leaving a block (Cancel, Esc, focus moving away)


@pytest.mark.parametrize("type_name", sorted(set(REGISTRY) - {"divider"}))
def test_leaving_a_block_nothing_was_written_into_removes_it(app, auth, htmx, type_name):
    page, block = _own_block(app, auth, _empty(type_name))
    response = htmx.post(f"/builder/blocks/{block}/leave")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == ""
    label = REGISTRY[type_name].label
    assert announcement(response) == f"{label} block removed: it was empty."
    assert _stored(app, block) is None
    assert column_ids(app, page.rows[0]) == []


def test_leaving_a_written_block_shows_it_as_stored(app, auth, htmx):
    _, block = _own_block(app, auth)
    before = stored_state(app)
    shown = fragment(htmx.post(f"/builder/blocks/{block}/leave"), announced=False)
    assert (shown.tag, shown.id) == ("article", f"block-{block}")
    assert shown.find_all("h2")[0].text == "Stored"
    assert stored_state(app) == before


def test_leaving_drops_what_the_form_carried(app, auth, htmx):
    _, block = _own_block(app, auth)
    data = {"text": "Not meant to be kept", "level": "2", "version": "1"}
    shown = fragment(htmx.post(f"/builder/blocks/{block}/leave", data=data), announced=False)
    assert shown.find_all("h2")[0].text == "Stored"
    assert _stored(app, block) == ({"text": "Stored", "level": 2}, 1)


@pytest.mark.parametrize(
    "spec", [("divider", {}), ("carousel", {"slides": []})], ids=["divider", "unknown-type"]
)
def test_leaving_a_divider_or_a_block_of_unknown_type_keeps_it(app, auth, htmx, spec):
    _, block = _own_block(app, auth, spec)
    before = stored_state(app)
    shown = fragment(htmx.post(f"/builder/blocks/{block}/leave"), announced=False)
    assert shown.id == f"block-{block}"
    assert stored_state(app) == before


def test_an_empty_block_someone_wrote_into_since_it_was_read_is_not_removed(app, auth):
    _, block_id = _own_block(app, auth, _empty("heading"))
    with app.app_context():
        block = db.session.get(Block, block_id)  # read empty, at version 1
        written = {"text": "Written meanwhile", "level": 2}
        db.session.execute(
            update(Block)
            .where(Block.id == block_id)
            .values(data=written, version=2)
            .execution_options(synchronize_session=False)
        )
        assert remove_unwritten_block(block) is False
        db.session.commit()
    assert _stored(app, block_id) == ({"text": "Written meanwhile", "level": 2}, 2)


def test_leaving_an_empty_block_without_javascript_removes_it_and_shows_the_column(
    app, auth, client
):
    page, block = _own_block(app, auth, _empty("text"))
    response = client.post(f"/builder/blocks/{block}/leave")
    location = back_to_editor(response, page.id)
    assert location.endswith(f"#column-{page.rows[0]}-0")
    assert _stored(app, block) is None


def test_cancel_without_javascript_shows_the_written_block(app, auth, client):
    page, block = _own_block(app, auth)
    response = client.post(f"/builder/blocks/{block}/leave", data={"text": "Dropped"})
    assert back_to_editor(response, page.id).endswith(f"#block-{block}")
    assert _stored(app, block) == ({"text": "Stored", "level": 2}, 1)


def test_the_blocks_form_cancels_through_the_leave_address(app, auth, htmx):
    _, block = _own_block(app, auth)
    form = fragment(htmx.get(f"/builder/blocks/{block}/edit"), announced=False)
    [cancel] = [b for b in form.find_all("button") if b.text == "Cancel"]
    assert cancel.attrs["formaction"] == f"/builder/blocks/{block}/leave"
