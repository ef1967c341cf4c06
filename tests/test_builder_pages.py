"""Builder views for whole pages: the list, new, the editor, details, duplicate and delete."""

import re

import pytest
from sqlalchemy import func, select

from blog.extensions import db
from blog.models import Page, Tag

from helpers.builder_pages import (
    back_to_editor,
    build_page,
    editor_page,
    flash_after,
    fragment,
    mark_deleted,
    outline,
    parse_html,
    stored_state,
)

DETAILS = {"title": "Spring menu", "slug": "spring-menu", "summary": "What we cook.", "tags": ""}


def _stored_page(app, page_id):
    with app.app_context():
        page = db.session.get(Page, page_id)
        return page.title, page.slug, page.summary, [tag.name for tag in page.tags]


def _listed_titles(response):
    return [link.text for link in parse_html(response.get_data(as_text=True)).find_all("a")]


# The list


def test_pages_list_shows_editors_every_authors_pages_with_their_author(
    app, auth, client, make_user
):
    build_page(app, make_user("author", "wren@example.com", name="Wren"), title="Spring menu")
    editor = auth.login_as("editor")
    build_page(app, editor, title="House rules")
    html = parse_html(client.get("/builder/").get_data(as_text=True))
    rows = [[cell.text for cell in row.find_all("td")] for row in html.find_all("tr")[1:]]
    assert sorted((cells[0], cells[2]) for cells in rows) == [
        ("House rules", "Editor"),
        ("Spring menu", "Wren"),
    ]


def test_pages_list_puts_the_most_recently_changed_page_first(app, auth, client):
    author = auth.login_as("author")
    older = build_page(app, author, title="Older")
    build_page(app, author, title="Newer")
    client.post(f"/builder/pages/{older.id}/details", data={**DETAILS, "title": "Older, edited"})
    titles = _listed_titles(client.get("/builder/"))
    assert titles.index("Older, edited") < titles.index("Newer")


# New page and the editor


def test_new_page_starts_as_a_draft_of_its_creator_with_one_empty_row(app, auth, client):
    author = auth.login_as("author")
    response = client.post("/builder/pages")
    with app.app_context():
        page = db.session.scalar(select(Page))
        assert (page.status, page.author_id) == ("draft", author)
    back_to_editor(response, page.id)
    assert outline(app, page.id) == [("1", [[]])]


def test_new_page_for_htmx_redirects_to_its_editor(app, auth, htmx):
    auth.login_as("author")
    response = htmx.post("/builder/pages")
    assert response.status_code == 200
    with app.app_context():
        page_id = db.session.scalar(select(Page.id))
    assert response.headers["HX-Redirect"] == f"/builder/pages/{page_id}"


def test_editor_shows_the_rows_and_their_blocks_in_order(app, auth, client):
    author = auth.login_as("author")
    page = build_page(app, author, ("1-2", [["Left"], ["Right one", "Right two"]]), ("1", [[]]))
    html = editor_page(client.get(f"/builder/pages/{page.id}"))
    assert html.find("rows").ids("builder-row") == [f"row-{row}" for row in page.rows]
    right = html.find(f"column-{page.rows[0]}-1")
    assert right.ids("builder-block") == [f"block-{block}" for block in page.blocks[0][1]]


# Details


def test_saving_details_for_htmx_returns_the_details_form(app, auth, htmx):
    author = auth.login_as("author")
    page = build_page(app, author)
    response = htmx.post(f"/builder/pages/{page.id}/details", data=DETAILS)
    form = fragment(response)
    assert form.id == "page-details"
    assert form.find("page-title").attrs["value"] == "Spring menu"
    assert _stored_page(app, page.id) == ("Spring menu", "spring-menu", "What we cook.", [])


def _details_version(html: str) -> int:
    """The version the page's details form names."""
    return int(re.search(r'id="page-details".*?name="version" value="(\d+)"', html, re.S)[1])


def test_the_details_form_carries_the_version_it_edits_and_each_save_moves_it_on(
    app, auth, client, htmx
):
    page = build_page(app, auth.login_as("author"))
    assert _details_version(client.get(f"/builder/pages/{page.id}").text) == 1
    saved = htmx.post(f"/builder/pages/{page.id}/details", data={**DETAILS, "version": "1"})
    assert _details_version(saved.text) == 2
    again = htmx.post(f"/builder/pages/{page.id}/details", data={**DETAILS, "version": "2"})
    assert again.status_code == 200 and _details_version(again.text) == 3


def test_a_stale_details_save_is_refused_with_both_versions_and_the_typed_values_kept(
    app, auth, htmx
):
    page = build_page(app, auth.login_as("editor"))
    first = {**DETAILS, "title": "First person's title", "slug": "first", "version": "1"}
    assert htmx.post(f"/builder/pages/{page.id}/details", data=first).status_code == 200
    stale = {**DETAILS, "title": "Second person's title", "slug": "second", "version": "1"}
    response = htmx.post(f"/builder/pages/{page.id}/details", data=stale)
    assert response.status_code == 409
    assert "Someone else changed these details" in response.text
    assert "First person&#39;s title" in response.text  # theirs, shown
    assert fragment(response, 409).find("page-title").attrs["value"] == "Second person's title"
    assert _stored_page(app, page.id)[:2] == ("First person's title", "first")
    # Saving again from the refused form is a choice made knowingly: it goes through.
    assert _details_version(response.text) == 2
    again = htmx.post(f"/builder/pages/{page.id}/details", data={**stale, "version": "2"})
    assert again.status_code == 200
    assert _stored_page(app, page.id)[:2] == ("Second person's title", "second")


def test_saving_details_without_javascript_redirects_to_the_editor(app, auth, client):
    author = auth.login_as("author")
    page = build_page(app, author)
    response = client.post(f"/builder/pages/{page.id}/details", data=DETAILS)
    back_to_editor(response, page.id)
    assert "Page details saved." in flash_after(client, response)
    assert _stored_page(app, page.id) == ("Spring menu", "spring-menu", "What we cook.", [])


def test_tags_are_trimmed_without_repeats_and_reuse_existing_tags(app, auth, client):
    author = auth.login_as("author")
    tagged = build_page(app, author, title="Tagged")
    client.post(f"/builder/pages/{tagged.id}/details", data={**DETAILS, "tags": "Food"})
    page = build_page(app, author)
    typed = {**DETAILS, "slug": "menu", "tags": " travel, food ,Travel,, "}
    client.post(f"/builder/pages/{page.id}/details", data=typed)
    assert _stored_page(app, page.id)[3] == ["Food", "travel"]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Tag)) == 2


REFUSED_DETAILS = [
    ("slug", "admin", "is used by the site itself"),
    ("slug", "taken", "Another page already uses “taken”"),
    ("slug", "Not A Slug", "only lower-case letters, digits and hyphens"),
    ("title", "  ", "Give the page a title."),
]


@pytest.mark.parametrize("field, typed, message", REFUSED_DETAILS)
def test_details_that_cannot_be_stored_are_refused_with_a_message(
    app, auth, htmx, field, typed, message
):
    author = auth.login_as("author")
    build_page(app, author, title="Other", slug="taken")
    page = build_page(app, author)
    before = stored_state(app)
    response = htmx.post(f"/builder/pages/{page.id}/details", data={**DETAILS, field: typed})
    form = fragment(response, 422)
    assert form.id == "page-details"
    assert message in form.find(f"page-{field}-error").text
    assert form.find("page-summary").text == "What we cook."
    assert stored_state(app) == before


def test_refused_details_without_javascript_show_the_editor_with_the_message(app, auth, client):
    author = auth.login_as("author")
    page = build_page(app, author)
    before = stored_state(app)
    response = client.post(f"/builder/pages/{page.id}/details", data={**DETAILS, "slug": "login"})
    html = editor_page(response, 422)
    assert "is used by the site itself" in html.find("page-slug-error").text
    assert html.find("page-title").attrs["value"] == "Spring menu"
    assert stored_state(app) == before


@pytest.mark.parametrize("slug", ["untitled-page", "untitled-page-2"])
def test_slug_follows_the_title_of_a_never_published_page(app, auth, client, slug):
    author = auth.login_as("author")
    page = build_page(app, author, title="Untitled page", slug=slug)
    client.post(f"/builder/pages/{page.id}/details", data={**DETAILS, "slug": slug})
    assert _stored_page(app, page.id)[1] == "spring-menu"


def test_slug_of_a_published_page_stays_when_the_title_changes(app, auth, client):
    editor = auth.login_as("editor")
    page = build_page(app, editor, title="Winter menu", slug="winter-menu", published=True)
    typed = {**DETAILS, "slug": "winter-menu"}
    client.post(f"/builder/pages/{page.id}/details", data=typed)
    assert _stored_page(app, page.id)[:2] == ("Spring menu", "winter-menu")


def test_slug_the_author_chose_stays_when_the_title_changes(app, auth, client):
    author = auth.login_as("author")
    page = build_page(app, author, title="Python", slug="python-tips")
    typed = {**DETAILS, "title": "Python tricks", "slug": "python-tips"}
    client.post(f"/builder/pages/{page.id}/details", data=typed)
    assert _stored_page(app, page.id)[:2] == ("Python tricks", "python-tips")


# Duplicate and delete


def test_duplicate_page_is_a_draft_copy_owned_by_whoever_duplicates_it(
    app, auth, client, make_user
):
    writer = make_user("author", "writer@example.com")
    rows = [("1-1", [["Left"], ["Right"]]), ("1", [["Below"]])]
    original = build_page(app, writer, *rows, title="Recipes", published=True)
    editor = auth.login_as("editor")
    response = client.post(f"/builder/pages/{original.id}/duplicate")
    with app.app_context():
        copy = db.session.scalar(select(Page).where(Page.id != original.id))
        assert (copy.title, copy.status, copy.author_id) == ("Copy of Recipes", "draft", editor)
    back_to_editor(response, copy.id)
    assert outline(app, copy.id) == outline(app, original.id)


def test_duplicate_page_for_htmx_redirects_to_the_copy(app, auth, htmx):
    author = auth.login_as("author")
    original = build_page(app, author)
    response = htmx.post(f"/builder/pages/{original.id}/duplicate")
    with app.app_context():
        copy_id = db.session.scalar(select(Page.id).where(Page.id != original.id))
    assert response.headers["HX-Redirect"] == f"/builder/pages/{copy_id}"


def test_delete_page_asks_first(app, auth, client):
    author = auth.login_as("author")
    page = build_page(app, author, title="Recipes")
    before = stored_state(app)
    html = parse_html(client.get(f"/builder/pages/{page.id}/delete").get_data(as_text=True))
    assert html.find_all("h1")[0].text == "Delete “Recipes”?"
    [form] = html.find_all("form", action=f"/builder/pages/{page.id}/delete")
    assert form.find_all("button")[0].text == "Delete page"
    assert stored_state(app) == before


def test_delete_page_moves_it_to_the_trash_with_its_rows_blocks_and_revisions(app, auth, client):
    editor = auth.login_as("editor")
    page = build_page(app, editor, title="Recipes", published=True)
    mark_deleted(app, page.blocks[0][0][0])
    before = {name: rows for name, rows in stored_state(app).items() if name != "pages"}
    response = client.post(f"/builder/pages/{page.id}/delete")
    assert response.status_code == 303
    assert response.headers["Location"] == "/builder/"
    assert "“Recipes” is in the Trash, where you can restore it." in flash_after(client, response)
    assert "Recipes" not in _listed_titles(client.get("/builder/"))
    assert {name: rows for name, rows in stored_state(app).items() if name != "pages"} == before


def test_delete_page_for_htmx_redirects_to_the_pages_list(app, auth, htmx):
    author = auth.login_as("author")
    page = build_page(app, author)
    response = htmx.post(f"/builder/pages/{page.id}/delete")
    assert response.headers["HX-Redirect"] == "/builder/"
    with app.app_context():
        assert db.session.get(Page, page.id).deleted_at is not None


def test_a_stale_details_save_lists_only_the_details_that_differ_kind_and_sharing_too(
    app, auth, htmx
):
    page = build_page(app, auth.login_as("editor"))
    first = {
        **DETAILS,
        "title": "Theirs",
        "tags": "Soup, Bread",
        "kind": "page",
        "seo_title": "Their SEO title",
        "version": "1",
    }
    assert htmx.post(f"/builder/pages/{page.id}/details", data=first).status_code == 200
    stale = {**DETAILS, "title": "Mine", "tags": "Soup,Bread", "kind": "post", "version": "1"}
    response = htmx.post(f"/builder/pages/{page.id}/details", data=stale)
    assert response.status_code == 409
    listed = fragment(response, 409).find_all("ul", class_="conflict-details")[0]
    assert [item.text for item in listed.find_all("li")] == [
        "Title: “Theirs”",
        "Kind: “page”",
        "SEO title: “Their SEO title”",
    ]
