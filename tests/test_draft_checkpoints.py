"""Draft checkpoints: the draft is kept with the first change BLOG_CHECKPOINT_MINUTES after
the last checkpoint (as it was before that change), before each publish, never twice the
same, and a page keeps at most CHECKPOINTS_KEPT_PER_PAGE of them."""

import pytest

from blog.checkpoints import draft_document
from blog.config import ConfigError, config_from_environment
from blog.content.document import page_document
from blog.content.tags import tags_named
from blog.extensions import db
from blog.models import CHECKPOINTS_KEPT_PER_PAGE, Page

from helpers.builder_pages import build_page, mark_deleted
from helpers.checkpoints import block_texts, checkpoint_ids, checkpoints_of, minutes_pass


def _edit_first(client, page, text: str, version: int = 1):
    data = {"text": text, "level": "2", "version": str(version)}
    response = client.post(f"/builder/blocks/{page.blocks[0][0][0]}", data=data)
    assert response.status_code == 303
    return response


def test_an_edit_ten_minutes_after_the_page_began_keeps_the_draft_before_it(app, auth, client):
    author = auth.login_as("author")
    page = build_page(app, author)
    minutes_pass(app, page.id, 10)
    _edit_first(client, page, "Edited")
    [(reason, person, content)] = checkpoints_of(app, page.id)
    assert (reason, person) == ("editing", author)
    assert block_texts(content) == ["First", "Second", "Third"]


@pytest.mark.parametrize("minutes", [0, 9])
def test_edits_within_ten_minutes_of_the_last_checkpoint_take_none(app, auth, client, minutes):
    page = build_page(app, auth.login_as("author"))
    minutes_pass(app, page.id, 60)
    _edit_first(client, page, "Edited")
    assert len(checkpoints_of(app, page.id)) == 1
    minutes_pass(app, page.id, minutes)
    _edit_first(client, page, "Edited again", version=2)
    assert len(checkpoints_of(app, page.id)) == 1


def test_the_next_edit_ten_minutes_after_the_last_checkpoint_takes_another(app, auth, client):
    page = build_page(app, auth.login_as("author"))
    minutes_pass(app, page.id, 60)
    _edit_first(client, page, "Edited")
    minutes_pass(app, page.id, 10)
    _edit_first(client, page, "Edited again", version=2)
    kept = [block_texts(content) for _, _, content in checkpoints_of(app, page.id)]
    assert kept == [["First", "Second", "Third"], ["Edited", "Second", "Third"]]


def test_a_checkpoint_is_not_taken_twice_of_the_same_draft(app, auth, client):
    page = build_page(app, auth.login_as("author"))
    minutes_pass(app, page.id, 60)
    _edit_first(client, page, "Edited")
    _edit_first(client, page, "First", version=2)  # back to the draft the checkpoint holds
    minutes_pass(app, page.id, 60)
    _edit_first(client, page, "Edited", version=3)
    assert len(checkpoints_of(app, page.id)) == 1


def test_publishing_keeps_the_draft_as_a_checkpoint_first(app, auth, client):
    editor = auth.login_as("editor")
    page = build_page(app, editor)
    assert client.post(f"/builder/pages/{page.id}/publish").status_code == 303
    [(reason, person, content)] = checkpoints_of(app, page.id)
    assert (reason, person, content["status"]) == ("publish", editor, "draft")
    assert block_texts(content) == ["First", "Second", "Third"]


def test_a_page_keeps_its_newest_checkpoints_within_the_bound(app, auth, client):
    page = build_page(app, auth.login_as("author"))
    app.config["CHECKPOINT_MINUTES"] = 0  # every edit keeps the draft before it
    edits = CHECKPOINTS_KEPT_PER_PAGE + 2
    for version in range(1, edits + 1):
        _edit_first(client, page, f"Edit {version}", version=version)
    kept = checkpoints_of(app, page.id)
    assert len(kept) == CHECKPOINTS_KEPT_PER_PAGE
    # The two oldest drafts ("First", "Edit 1") were forgotten; the newest is the last but one.
    assert block_texts(kept[0][2])[0] == "Edit 2"
    assert block_texts(kept[-1][2])[0] == f"Edit {edits - 1}"
    assert checkpoint_ids(app, page.id) == sorted(checkpoint_ids(app, page.id))


def test_checkpoint_minutes_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("BLOG_CHECKPOINT_MINUTES", "3")
    assert config_from_environment(tmp_path)["CHECKPOINT_MINUTES"] == 3
    monkeypatch.setenv("BLOG_CHECKPOINT_MINUTES", "ten")
    with pytest.raises(ConfigError, match="BLOG_CHECKPOINT_MINUTES must be a whole number"):
        config_from_environment(tmp_path)


def test_a_checkpoint_holds_the_draft_as_its_export_document_does(app, make_user):
    rows = [("1-2", [["A", "B"], ["C"]]), ("1", [["D", "Deleted"]])]
    page = build_page(app, make_user("author"), *rows)
    mark_deleted(app, page.blocks[1][0][1])
    with app.app_context():
        db.session.get(Page, page.id).tags = tags_named(["Zucchini", "Apple"])
        db.session.commit()
        stored = db.session.get(Page, page.id)
        assert draft_document(page.id) == page_document(stored, with_ids=True)
        assert [len(row["columns"]) for row in draft_document(page.id)["rows"]] == [2, 1]
