"""Importing a page document refuses a bad one whole, naming the JSON path of its first
problem, and stores nothing: bad values, text that is no JSON, documents nested far too deep,
pages past the row and block limits; what it keeps is cleaned as the editor's forms clean it."""

import base64

import pytest

from blog.content.document_checks import DocumentInvalid, validate_document
from blog.content.document_import import import_page
from blog.extensions import db
from blog.models import User

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
from helpers.stored_documents import add_user, import_command, stored_counts

NOT_A_PICTURE = b"these bytes are no image"


@pytest.fixture
def admin(app) -> int:
    return add_user(app, "admin")


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
        "format, title, slug, summary, tags, kind, featured_image, seo_title, "
        "seo_description, noindex, status, rows, media",
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
