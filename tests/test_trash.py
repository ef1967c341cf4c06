"""Deleting a page moves it to the Trash: off the builder's list and the public site, its
slugs still held, until an editor restores it or deletes it for good. Authors cannot delete
published pages."""

from sqlalchemy import func, select

from blog.extensions import db
from blog.models import Comment, FormerAddress, Page, Revision, Row

from helpers.builder_pages import build_page, flash_after, fragment, parse_html, put_in_trash
from helpers.published_pages import make_published_page

ARTICLE = "/leek-soup"
PUBLISHED_STAYS = "A published page can be deleted only by an editor or an admin."


def _counts(app) -> dict[str, int]:
    with app.app_context():
        return {
            model.__name__: db.session.scalar(select(func.count()).select_from(model))
            for model in (Page, Row, Revision, Comment, FormerAddress)
        }


def _listed_titles(client, url: str = "/builder/") -> list[str]:
    rows = parse_html(client.get(url).text).find_all("tbody")[0].find_all("tr")
    return [row.find_all("td")[0].text for row in rows if len(row.find_all("td")) > 1]


def test_an_author_cannot_delete_their_published_page_nor_is_offered_to(app, auth, client):
    author = auth.login_as("author")
    page = build_page(app, author, title="Leek soup", slug="leek-soup", published=True)

    asked = client.get(f"/builder/pages/{page.id}/delete")
    deleted = client.post(f"/builder/pages/{page.id}/delete")
    editor = parse_html(client.get(f"/builder/pages/{page.id}").text)

    assert (asked.status_code, deleted.status_code) == (403, 403)
    assert PUBLISHED_STAYS in deleted.text
    assert "Delete page" not in [link.text for link in editor.find_all("a")]
    assert app.test_client().get(ARTICLE).status_code == 200
    assert _listed_titles(client) == ["Leek soup"]


def test_an_author_deletes_their_draft_into_the_trash_for_an_editor_to_restore(
    app, auth, client, make_user
):
    author = auth.login_as("author")
    page = build_page(app, author, title="Half a thought")

    response = client.post(f"/builder/pages/{page.id}/delete")

    assert flash_after(client, response) == [
        "“Half a thought” is in the Trash, where an editor can restore it."
    ]
    assert _listed_titles(client) == []
    assert client.get("/builder/trash").status_code == 403
    assert client.get(f"/builder/pages/{page.id}").status_code == 404
    auth.logout()
    make_user("editor")
    auth.login("editor@example.com")
    assert _listed_titles(client, "/builder/trash") == ["Half a thought"]


def test_a_deleted_published_page_leaves_the_site_and_comes_back_when_restored(app, auth, client):
    auth.login_as("editor")
    page_id = make_published_page(app, "Leek soup", "leek-soup")
    reader = app.test_client()

    client.post(f"/builder/pages/{page_id}/delete")
    in_trash = (reader.get(ARTICLE).status_code, client.get(ARTICLE).status_code)
    listed = (_listed_titles(client), _listed_titles(client, "/builder/trash"))
    gone_from_lists = ("Leek soup" in reader.get("/").text, reader.get("/search?q=leek").text)
    restored = client.post(f"/builder/trash/{page_id}/restore")

    assert in_trash == (404, 404)
    assert listed == ([], ["Leek soup Published"])
    assert gone_from_lists[0] is False and "Leek soup" not in gone_from_lists[1]
    assert flash_after(client, restored) == [
        "“Leek soup” is back in the pages list. Readers find it at /leek-soup again."
    ]
    assert reader.get(ARTICLE).status_code == 200
    assert "Leek soup" in reader.get("/search?q=leek").text
    assert _listed_titles(client) == ["Leek soup"]


def test_the_slug_of_a_page_in_the_trash_stays_its_own(app, auth, client):
    editor = auth.login_as("editor")
    trashed = build_page(app, editor, title="Leek soup", slug="leek-soup")
    put_in_trash(app, trashed.id)
    other = build_page(app, editor, title="Other")

    refused = client.post(
        f"/builder/pages/{other.id}/details",
        data={"title": "Other", "slug": "leek-soup", "summary": "", "tags": ""},
    )

    assert refused.status_code == 422
    assert "Another page already uses “leek-soup”" in refused.text


def test_empty_trash_deletes_its_pages_for_good_and_frees_their_slugs(app, auth, client):
    editor = auth.login_as("editor")
    kept = build_page(app, editor, title="Kept")
    page_id = make_published_page(app, "Leek soup", "leek-soup")
    client.post("/leek-soup/comments", data={"name": "Ada", "comment": "Lovely."})
    put_in_trash(app, page_id)

    emptied = client.post("/builder/trash/empty")

    assert flash_after(client, emptied) == ["The Trash is empty: 1 page deleted for good."]
    assert _counts(app) == {"Page": 1, "Row": 1, "Revision": 0, "Comment": 0, "FormerAddress": 0}
    taken = client.post(
        f"/builder/pages/{kept.id}/details",
        data={"title": "Kept", "slug": "leek-soup", "summary": "", "tags": ""},
    )
    assert taken.status_code == 303


def test_delete_forever_deletes_one_page_and_answers_htmx_with_the_trash_list(app, auth, htmx):
    editor = auth.login_as("editor")
    first, second = build_page(app, editor, title="First"), build_page(app, editor, title="Second")
    put_in_trash(app, first.id)
    put_in_trash(app, second.id)

    trash = fragment(htmx.post(f"/builder/trash/{first.id}/delete"))

    assert trash.id == "trash-list"
    assert [row.find_all("td")[0].text for row in trash.find_all("tr")[1:]] == ["Second"]
    with app.app_context():
        assert db.session.get(Page, first.id) is None


def test_restore_is_a_plain_form_that_htmx_upgrades(app, auth, client):
    editor = auth.login_as("editor")
    page = build_page(app, editor, title="Leek soup")
    put_in_trash(app, page.id)

    trash = parse_html(client.get("/builder/trash").text)

    restore = f"/builder/trash/{page.id}/restore"
    (form,) = trash.find_all("form", action=restore)
    assert (form.attrs["method"], form.attrs["hx-post"]) == ("post", restore)
    assert [b.text for b in form.find_all("button")] == ["Restore"]
    assert [b.text for b in trash.find_all("button") if "danger" in b.attrs["class"]] == [
        "Delete forever",
        "Empty trash",
    ]


def test_delete_forever_from_a_stale_trash_list_keeps_a_page_restored_meanwhile(app, auth, client):
    editor = auth.login_as("editor")
    page = build_page(app, editor, title="Leek soup")
    put_in_trash(app, page.id)
    client.get("/builder/trash")  # the list this editor acts from
    client.post(f"/builder/trash/{page.id}/restore")  # as another editor does meanwhile

    stale = client.post(f"/builder/trash/{page.id}/delete")

    assert stale.status_code == 404
    assert _listed_titles(client) == ["Leek soup"]
