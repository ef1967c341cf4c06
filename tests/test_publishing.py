"""Publish, Unpublish, Preview, History and Restore, through the builder's routes."""

import pytest
from sqlalchemy import func, select

from blog.extensions import db
from blog.models import Page, Revision

from helpers.builder_pages import flash_after


def _heading_page(app, client, text="First words"):
    """A page built through the builder routes: one row with one heading. Returns ids."""
    client.post("/builder/pages")
    with app.app_context():
        page = db.session.scalar(select(Page).order_by(Page.id.desc()))
        page_id, row_id, slug = page.id, page.rows[0].id, page.slug
    client.post(f"/builder/rows/{row_id}/columns/0/blocks", data={"type": "heading"})
    with app.app_context():
        block_id = db.session.get(Page, page_id).rows[0].blocks[0].id
    _save_heading(client, block_id, text, version=1)
    client.post(
        f"/builder/pages/{page_id}/details",
        data={"title": "Garden diary", "slug": slug, "summary": "Notes", "tags": "Garden"},
    )
    return page_id, block_id


def _save_heading(client, block_id, text, version):
    response = client.post(
        f"/builder/blocks/{block_id}", data={"text": text, "level": "2", "version": str(version)}
    )
    assert response.status_code == 303, response.get_data(as_text=True)[:500]


def _slug(app, page_id):
    with app.app_context():
        return db.session.get(Page, page_id).slug


def test_readers_get_the_published_version_until_the_next_publish(app, auth, client):
    auth.login_as("editor")
    page_id, block_id = _heading_page(app, client)
    assert client.post(f"/builder/pages/{page_id}/publish").status_code == 303
    slug = _slug(app, page_id)

    _save_heading(client, block_id, "Second thoughts", version=2)
    client.post(
        f"/builder/pages/{page_id}/details",
        data={"title": "A new title", "slug": slug, "summary": "", "tags": ""},
    )
    reader = app.test_client()
    html = reader.get(f"/{slug}").get_data(as_text=True)
    assert "First words" in html and "Garden diary" in html
    assert "Second thoughts" not in html and "A new title" not in html

    client.post(f"/builder/pages/{page_id}/publish")
    html = reader.get(f"/{slug}").get_data(as_text=True)
    assert "Second thoughts" in html and "A new title" in html


def test_restore_changes_the_draft_but_not_what_readers_get(app, auth, client):
    auth.login_as("editor")
    page_id, block_id = _heading_page(app, client)
    client.post(f"/builder/pages/{page_id}/publish")
    _save_heading(client, block_id, "Version two", version=2)
    client.post(f"/builder/pages/{page_id}/publish")
    slug = _slug(app, page_id)

    response = client.post(f"/builder/pages/{page_id}/revisions/1/restore")
    assert response.status_code == 303
    editor = client.get(f"/builder/pages/{page_id}").get_data(as_text=True)
    assert "First words" in editor and "Version two" not in editor
    reader = app.test_client()
    assert "Version two" in reader.get(f"/{slug}").get_data(as_text=True)

    client.post(f"/builder/pages/{page_id}/publish")
    html = reader.get(f"/{slug}").get_data(as_text=True)
    assert "First words" in html and "Version two" not in html
    with app.app_context():
        count = db.session.scalar(select(func.count()).where(Revision.page_id == page_id))
    assert count == 3


def test_author_cannot_publish_or_unpublish(app, auth, client):
    auth.login_as("author")
    page_id, _ = _heading_page(app, client)
    assert client.post(f"/builder/pages/{page_id}/publish").status_code == 403
    assert client.post(f"/builder/pages/{page_id}/unpublish").status_code == 403
    with app.app_context():
        page = db.session.get(Page, page_id)
        assert (page.status, page.published_revision_id) == ("draft", None)
    assert "Publish</button>" not in client.get(f"/builder/pages/{page_id}").get_data(as_text=True)


def test_unpublish_takes_the_page_off_the_site_and_keeps_its_history(app, auth, client):
    auth.login_as("editor")
    page_id, _ = _heading_page(app, client)
    client.post(f"/builder/pages/{page_id}/publish")
    slug = _slug(app, page_id)
    assert client.post(f"/builder/pages/{page_id}/unpublish").status_code == 303
    reader = app.test_client()
    assert reader.get(f"/{slug}").status_code == 404
    assert "Garden diary" not in reader.get("/").get_data(as_text=True)
    history = client.get(f"/builder/pages/{page_id}/history").get_data(as_text=True)
    assert "Restore revision 1" in history


def test_preview_shows_the_draft_and_is_never_stored(app, auth, client):
    auth.login_as("author")
    page_id, _ = _heading_page(app, client, text="Unpublished idea")
    response = client.get(f"/builder/pages/{page_id}/preview")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    html = response.get_data(as_text=True)
    assert "Unpublished idea" in html and "Preview of the draft" in html
    assert app.test_client().get(f"/{_slug(app, page_id)}").status_code == 404


def test_history_lists_revisions_with_author_and_time(app, auth, client):
    auth.login_as("editor")
    page_id, block_id = _heading_page(app, client)
    client.post(f"/builder/pages/{page_id}/publish")
    _save_heading(client, block_id, "Second thoughts", version=2)
    client.post(f"/builder/pages/{page_id}/publish")
    html = client.get(f"/builder/pages/{page_id}/history").get_data(as_text=True)
    assert "Restore revision 2" in html and "Restore revision 1" in html
    assert "Editor" in html and " UTC" in html


@pytest.mark.parametrize("action", ["preview", "history"])
def test_another_authors_page_cannot_be_previewed_or_its_history_read(
    app, auth, client, make_user, action
):
    auth.login_as("editor")
    page_id, _ = _heading_page(app, client)
    auth.logout()
    make_user("author", email="other@example.com")
    auth.login("other@example.com")
    assert client.get(f"/builder/pages/{page_id}/{action}").status_code == 403


def test_restoring_a_revision_of_another_page_is_not_found(app, auth, client):
    auth.login_as("editor")
    first, _ = _heading_page(app, client)
    client.post(f"/builder/pages/{first}/publish")
    second, _ = _heading_page(app, client)
    assert client.post(f"/builder/pages/{second}/revisions/1/restore").status_code == 404


def test_preview_and_the_published_article_show_the_same_reading_time(app, auth, client):
    auth.login_as("editor")
    words = " ".join(["word"] * 700)  # 700 words at 220 a minute: 3 minutes
    page_id, _ = _heading_page(app, client, text=words[:200])
    with app.app_context():
        row_id = db.session.get(Page, page_id).rows[0].id
    client.post(f"/builder/rows/{row_id}/columns/0/blocks", data={"type": "text"})
    with app.app_context():
        text_block = db.session.get(Page, page_id).rows[0].blocks[-1].id
    saved = client.post(f"/builder/blocks/{text_block}", data={"markdown": words, "version": "1"})
    assert saved.status_code == 303
    preview = client.get(f"/builder/pages/{page_id}/preview").get_data(as_text=True)
    client.post(f"/builder/pages/{page_id}/publish")
    article = app.test_client().get(f"/{_slug(app, page_id)}").get_data(as_text=True)
    assert "3 min read" in preview and "3 min read" in article


def test_publishing_an_unchanged_draft_again_makes_no_new_revision(app, auth, client):
    auth.login_as("editor")
    page_id, _ = _heading_page(app, client)
    assert client.post(f"/builder/pages/{page_id}/publish").status_code == 303
    second = client.post(f"/builder/pages/{page_id}/publish")
    assert second.status_code == 303
    assert any("Published revision 1." in message for message in flash_after(client, second))
    with app.app_context():
        count = db.session.scalar(select(func.count()).where(Revision.page_id == page_id))
    assert count == 1
