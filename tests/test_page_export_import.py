"""Pages as JSON documents: export, import, the commands and the download (refusals are in
test_page_import_refusals.py)."""

import base64
import io
import json

import pytest
from PIL import Image
from sqlalchemy import select

from blog.content.document_export import export_page
from blog.content.document_import import import_page
from blog.extensions import db
from blog.media_names import MediaFile
from blog.media_storage import media_storage
from blog.models import Page, Revision, Tag, User

from helpers.page_documents import (
    PICTURE_NAME,
    changed,
    garden_document,
    image,
)
from helpers.stored_documents import add_user, exported, import_command, imported, stored_counts


@pytest.fixture
def admin(app) -> int:
    return add_user(app, "admin")


def test_export_import_export_gives_the_same_document_under_a_fresh_slug(app, admin):
    first = exported(app, imported(app, garden_document(), admin))
    again = exported(app, imported(app, first, admin))
    assert first["slug"] == "spring-garden"
    assert again == {**first, "slug": "spring-garden-2"}


def test_export_lists_the_parts_in_the_documented_order(app, admin):
    document = exported(app, imported(app, garden_document(), admin))
    keys = ["format", "title", "slug", "summary", "tags", "status", "rows", "media"]
    assert list(document) == keys


def test_imported_picture_is_stored_re_encoded_and_its_image_block_points_at_it(app, admin):
    document = exported(app, imported(app, garden_document(), admin))
    (name,) = document["media"]
    assert name != PICTURE_NAME
    assert document["rows"][0]["columns"][1][1] == image(name)
    assert document["media"][name]["alt"] == "Tulips in a row"
    data = base64.b64decode(document["media"][name]["base64"])
    picture = MediaFile(name, document["media"][name]["content_type"])
    with app.app_context(), media_storage().open(picture) as stored:
        assert stored.read() == data
    assert Image.open(io.BytesIO(data)).size == (40, 30)


def test_image_of_a_picture_already_stored_needs_no_media_entry(app, admin):
    stored_name = next(iter(exported(app, imported(app, garden_document(), admin))["media"]))
    document = changed(garden_document(), ("media",), {})
    changed(document, ("rows", 0, "columns", 1, 1), image(stored_name))
    assert exported(app, imported(app, document, admin))["media"].keys() == {stored_name}


def test_a_block_not_filled_in_yet_travels_as_it_is(app, admin):
    fresh_image = {"media": "", "alt": "", "caption": "", "decorative": False}
    blocks = [
        {"type": "heading", "data": {"text": "", "level": 2}},
        {"type": "image", "data": {**fresh_image, "width": 0, "height": 0}},
    ]
    document = {**garden_document(), "rows": [{"layout": "1", "columns": [blocks]}], "media": {}}
    assert exported(app, imported(app, document, admin))["rows"] == document["rows"]


@pytest.mark.parametrize("from_file", [True, False], ids=["file", "stdin"])
def test_import_command_stores_the_page_and_prints_its_url_path(
    app, runner, admin, tmp_path, from_file
):
    if from_file:
        path = tmp_path / "garden.json"
        path.write_text(json.dumps(garden_document()), encoding="utf-8")
        result = runner.invoke(args=["pages", "import", str(path)])
    else:
        result = import_command(runner, garden_document())
    assert (result.exit_code, result.output) == (0, "/spring-garden\n")
    with app.app_context():
        page = db.session.scalar(select(Page).where(Page.slug == "spring-garden"))
        assert (page.title, page.author_id, page.status) == ("Spring garden", admin, "draft")


def test_import_records_the_author_named_by_email(app, runner, admin):
    editor = add_user(app, "editor")
    assert (
        import_command(runner, garden_document(), "--author", "Editor@example.com").exit_code == 0
    )
    with app.app_context():
        assert db.session.scalar(select(Page.author_id)) == editor


@pytest.mark.parametrize(
    "options, reason",
    [
        ((), "There is no active admin to record as the author: pass --author EMAIL."),
        (("--author", "ghost@example.com"), "No user has the email ghost@example.com."),
        (("--author", "admin@example.com"), "admin@example.com is deactivated"),
    ],
)
def test_import_without_an_author_to_record_fails(app, runner, options, reason):
    add_user(app, "admin", active=False)
    before = stored_counts(app)
    result = import_command(runner, garden_document(), *options)
    assert result.exit_code != 0
    assert reason in result.output
    assert stored_counts(app) == before


def test_published_document_is_published(app, runner, admin):
    document = {**garden_document(), "status": "published"}
    assert import_command(runner, document).exit_code == 0
    with app.app_context():
        page = db.session.scalar(select(Page))
        revisions = db.session.scalars(select(Revision.id).where(Revision.page_id == page.id))
        assert (page.status, list(revisions)) == ("published", [page.published_revision_id])
        assert export_page(page)["status"] == "published"


@pytest.mark.parametrize(
    "slug, taken, expected",
    [
        ("spring-garden", False, "spring-garden"),
        ("spring-garden", True, "spring-garden-2"),
        ("admin", False, "admin-page"),
        ("Not A Slug", False, "not-a-slug"),
        ("", False, "spring-garden"),
    ],
)
def test_slug_is_kept_when_free_and_allowed_else_made_fresh(app, admin, slug, taken, expected):
    if taken:
        imported(app, garden_document(), admin)
    page_id = imported(app, {**garden_document(), "slug": slug}, admin)
    assert exported(app, page_id)["slug"] == expected


def test_existing_tags_are_reused_by_slug(app, admin):
    with app.app_context():
        db.session.add(Tag(name="garden", slug="garden"))
        db.session.commit()
    document = exported(app, imported(app, garden_document(), admin))
    assert set(document["tags"]) == {"garden", "Spring"}
    with app.app_context():
        assert sorted(db.session.scalars(select(Tag.slug))) == ["garden", "spring"]


def test_export_command_prints_the_page_as_indented_json(app, runner, admin):
    page_id = imported(app, garden_document(), admin)
    result = runner.invoke(args=["pages", "export", "spring-garden"])
    assert result.exit_code == 0
    assert json.loads(result.output) == exported(app, page_id)
    assert '\n  "summary": "What grows in April — and why.",\n' in result.output


def test_export_command_of_an_unknown_slug_fails_with_a_reason(runner):
    result = runner.invoke(args=["pages", "export", "nowhere"])
    assert (result.exit_code, result.output) == (1, "Error: No page has the slug nowhere.\n")


def test_export_json_downloads_the_page_as_a_file_named_after_its_slug(app, client, auth):
    page_id = imported(app, garden_document(), auth.login_as("author"))
    response = client.get(f"/builder/pages/{page_id}/export.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"] == "attachment; filename=spring-garden.json"
    assert json.loads(response.data) == exported(app, page_id)


@pytest.mark.parametrize("role, status", [("author", 403), ("editor", 200), ("admin", 200)])
def test_export_json_is_only_for_who_may_edit_the_page(app, client, auth, role, status):
    page_id = imported(app, garden_document(), add_user(app, "author", "owner@example.com"))
    auth.login_as(role)
    assert client.get(f"/builder/pages/{page_id}/export.json").status_code == status


def test_export_json_sends_anonymous_visitors_to_log_in(app, client, admin):
    page_id = imported(app, garden_document(), admin)
    response = client.get(f"/builder/pages/{page_id}/export.json")
    assert "/login" in response.headers["Location"]


def test_the_content_import_stores_a_draft_and_leaves_publishing_to_its_caller(app, admin):
    document = {**garden_document(), "status": "published"}
    with app.app_context():
        page = import_page(document, db.session.get(User, admin))
        db.session.commit()
        assert (page.status, page.published_revision_id) == ("draft", None)
    assert stored_counts(app)["Revision"] == 0
