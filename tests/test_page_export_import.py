"""Pages as JSON documents: export, import (refused whole when bad), the commands, the download."""

import base64
import io
import json

import pytest
from PIL import Image
from sqlalchemy import func, select

from blog.content.document_checks import DocumentInvalid, validate_document
from blog.content.document_export import export_page
from blog.content.document_import import import_page
from blog.extensions import db
from blog.media import media_store
from blog.models import Block, Media, Page, Revision, Row, Tag, User
from blog.publishing import import_document

from helpers.page_documents import (
    DELETE,
    PICTURE_NAME,
    changed,
    garden_document,
    image,
    picture_entry,
    png,
    sha256,
)

NOT_A_PICTURE = b"these bytes are no image"


def add_user(app, role: str, email: str | None = None, active: bool = True) -> int:
    """A user without a password (the commands need none); returns their id."""
    with app.app_context():
        user = User(email=email or f"{role}@example.com", name=role, role=role, active=active)
        db.session.add(user)
        db.session.commit()
        return user.id


@pytest.fixture
def admin(app) -> int:
    return add_user(app, "admin")


def imported(app, document: dict, user_id: int) -> int:
    """Import and commit, as the command does; returns the new page's id."""
    with app.app_context():
        page = import_document(document, db.session.get(User, user_id))
        db.session.commit()
        return page.id


def exported(app, page_id: int) -> dict:
    with app.app_context():
        return export_page(db.session.get(Page, page_id))


def stored_counts(app) -> dict[str, int]:
    with app.app_context():
        models = (Page, Row, Block, Tag, Media, Revision)
        return {m.__name__: db.session.scalar(select(func.count()).select_from(m)) for m in models}


def import_command(runner, document, *options: str):
    text = document if isinstance(document, str | bytes) else json.dumps(document)
    return runner.invoke(args=["pages", "import", "-", *options], input=text)


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
    with app.app_context(), media_store().open(name) as stored:
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


def test_validate_document_cleans_block_data_as_the_editor_does():
    document = changed(garden_document(), ("rows", 0, "columns", 0, 0, "data"), {"text": " Beds "})
    changed(document, ("rows", 0, "columns", 0, 0, "data", "level"), "3")
    changed(document, ("title",), "  Spring garden ")
    cleaned = validate_document(document)
    assert cleaned["rows"][0]["columns"][0][0]["data"] == {"text": "Beds", "level": 3}
    assert cleaned["title"] == "Spring garden"


def test_error_names_the_json_path_of_the_first_problem():
    rows = [{"layout": "1", "columns": [[]]} for _ in range(3)]
    headings = [
        {"type": "heading", "data": {"text": "Hi", "level": level}} for level in (2, 3, 5, 6)
    ]
    rows.append({"layout": "1", "columns": [headings]})
    document = {**garden_document(), "rows": rows, "media": {}}
    with pytest.raises(DocumentInvalid) as refused:
        validate_document(document)
    assert str(refused.value) == "rows[3].columns[0][2].data.level: must be 2, 3 or 4"


BAD_DOCUMENTS = [
    (("format",), "blog.page/2", 'format: must be "blog.page/1"'),
    (
        ("colour",),
        "red",
        "colour: unknown key; a page document has only "
        "format, title, slug, summary, tags, status, rows, media",
    ),
    (("title",), "  ", "title: must be a non-empty string"),
    (("title",), "x" * 201, "title: must be at most 200 characters"),
    (("tags",), "Garden, Spring", "tags: must be a list of strings"),
    (
        ("tags", 1),
        "!?",
        "tags[1]: must be 40 characters at most, with a letter or digit and no comma",
    ),
    (("status",), "live", 'status: must be "draft" or "published"'),
    (("rows",), DELETE, "rows: must be a list of rows"),
    (
        ("rows", 0, "layout"),
        "1-3",
        "rows[0].layout: must be one of 1, 1-1, 1-2, 2-1, 1-1-1, 1-1-1-1",
    ),
    (("rows", 1, "layout"), "1-1", "rows[1].columns: must hold 2 columns for layout 1-1"),
    (
        ("rows", 1, "columns", 0, 1, "type"),
        "carousel",
        'rows[1].columns[0][1].type: unknown block type "carousel"',
    ),
    (
        ("rows", 0, "columns", 0, 0, "data", "level"),
        5,
        "rows[0].columns[0][0].data.level: must be 2, 3 or 4",
    ),
    (
        ("rows", 1, "columns", 0, 3, "data", "url"),
        "javascript:alert(1)",
        "rows[1].columns[0][3].data.url: "
        "Links may only use http, https, mailto or a path on this site.",
    ),
    (
        ("rows", 0, "columns", 0, 0, "data", "colour"),
        "red",
        "rows[0].columns[0][0].data.colour: is not a field of heading blocks",
    ),
    (
        ("rows", 0, "columns", 0, 0, "id"),
        7,
        "rows[0].columns[0][0].id: unknown key; a block has only type, data",
    ),
    (
        ("rows", 0, "columns", 1, 1, "data", "media"),
        "0" * 64,
        f"rows[0].columns[1][1].data.media: image {'0' * 64} is not in the document's media",
    ),
    (("rows", 0, "columns", 1, 1), DELETE, f"media.{PICTURE_NAME}: is not shown by any block"),
    (
        ("media", PICTURE_NAME, "base64"),
        "not base64!",
        f"media.{PICTURE_NAME}.base64: must be the picture's bytes in base64",
    ),
    (
        ("media", PICTURE_NAME, "base64"),
        base64.b64encode(png((4, 4))).decode(),
        f"media.{PICTURE_NAME}.base64: holds bytes whose SHA-256 is not the name",
    ),
]


@pytest.mark.parametrize("path, value, message", BAD_DOCUMENTS)
def test_import_refuses_a_bad_document_whole_naming_its_path(
    app, runner, admin, path, value, message
):
    before = stored_counts(app)
    result = import_command(runner, changed(garden_document(), path, value))
    assert result.exit_code != 0
    assert result.output == f"Error: {message}\n"
    assert stored_counts(app) == before


def test_a_picture_the_media_store_refuses_is_named_and_nothing_is_stored(app, runner, admin):
    bad_name = sha256(NOT_A_PICTURE)
    document = changed(garden_document(), ("media", bad_name), picture_entry(NOT_A_PICTURE))
    document["rows"][1]["columns"][0].append(image(bad_name))
    before = stored_counts(app)
    result = import_command(runner, document)
    assert result.exit_code != 0
    assert f"media.{bad_name}: That file is not an image this site can use" in result.output
    assert stored_counts(app) == before


@pytest.mark.parametrize(
    "text, reason",
    [
        ("{not json", "Expecting property name"),
        ("NaN", "NaN is not a JSON value"),
        (b"\xff", "utf-8"),
        ('{"title": "One", "title": "Two"}', "the key 'title' appears twice in one object"),
    ],
)
def test_import_refuses_text_that_is_not_json(app, runner, admin, text, reason):
    before = stored_counts(app)
    result = import_command(runner, text)
    assert result.exit_code != 0
    assert result.output.startswith("Error: Not a JSON document: ")
    assert reason in result.output
    assert stored_counts(app) == before


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


def test_import_refuses_a_document_nested_far_too_deep(app, runner, admin):
    before = stored_counts(app)
    result = import_command(runner, "[" * 100_000 + "]" * 100_000)
    assert result.exit_code != 0
    assert result.output == "Error: Not a page document: it nests far too deep.\n"
    assert stored_counts(app) == before


def test_import_drops_control_characters_from_details_as_the_editor_does(app, admin):
    document = {
        **garden_document(),
        "title": "Spring\x00 garden\x0b",
        "summary": "Line one\r\nline two\x07",
        "tags": ["Gar\x00den"],
    }
    with app.app_context():
        page = import_page(document, db.session.get(User, admin))
        assert (page.title, page.summary) == ("Spring garden", "Line one\nline two")
        assert [tag.name for tag in page.tags] == ["Garden"]


@pytest.mark.parametrize(
    "limits, problem",
    [
        ({"MAX_ROWS_PER_PAGE": 1}, "rows: must hold at most 1 rows"),
        ({"MAX_BLOCKS_PER_PAGE": 3}, "rows: must hold at most 3 blocks in all"),
    ],
)
def test_import_refuses_a_page_past_the_row_and_block_limits(make_app, limits, problem):
    app = make_app(**limits)
    runner = app.test_cli_runner()
    admin = add_user(app, "admin")
    document = garden_document()
    assert len(document["rows"]) > 1
    result = import_command(runner, document, "--author", "admin@example.com")
    assert result.exit_code != 0 and admin
    assert result.output == f"Error: {problem}\n"
