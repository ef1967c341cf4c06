"""A page's featured image, chosen in Page settings from the page's images or uploaded there,
and the kind and sharing details in exported and imported documents."""

import io

import pytest
from sqlalchemy import select

from blog.extensions import db
from blog.models import Media, Page

from helpers.image_blocks import png
from helpers.page_documents import garden_document
from helpers.page_kinds import make_page_of_kind, picture_rows, stored_picture
from helpers.published_pages import AUTHOR_EMAIL
from helpers.stored_documents import add_user, exported, import_command, imported
from helpers.support import PASSWORD

MB = 1024 * 1024
FORM = {"title": "Soup season", "slug": "soup-season", "summary": "", "tags": "", "kind": "post"}


@pytest.fixture
def draft(app) -> tuple[int, str]:
    """A draft post whose image block shows a stored picture: (page id, its SHA-256)."""
    picture = stored_picture(app)
    page_id = make_page_of_kind(
        app, "Soup season", "soup-season", rows=picture_rows(picture), publish_it=False
    )
    return page_id, picture


def big_file(size: int) -> io.BytesIO:
    return io.BytesIO(b"\0" * size)


def _featured(app, page_id: int) -> tuple[str | None, str]:
    with app.app_context():
        page = db.session.get(Page, page_id)
        return page.featured_image, page.featured_image_alt


def test_an_image_of_the_page_is_chosen_with_its_alt_text(app, client, auth, draft):
    page_id, picture = draft
    auth.login_as("editor")
    editor = client.get(f"/builder/pages/{page_id}").text
    assert f'<option value="{picture}">Image 1: A blue field</option>' in editor
    form = FORM | {"featured_image": picture, "featured_image_alt": ""}
    assert client.post(f"/builder/pages/{page_id}/details", data=form).status_code == 303
    assert _featured(app, page_id) == (picture, "A blue field")


def test_a_picture_not_on_the_page_is_refused_in_words(app, htmx, auth, draft):
    page_id, _ = draft
    elsewhere = stored_picture(app, colour=(200, 10, 10))
    auth.login_as("editor")
    form = FORM | {"featured_image": elsewhere, "featured_image_alt": "Red"}
    answer = htmx.post(f"/builder/pages/{page_id}/details", data=form)
    assert answer.status_code == 422 and "Choose one of this page" in answer.text
    assert _featured(app, page_id) == (None, "")


def test_an_uploaded_featured_image_is_stored_and_chosen(app, client, auth, draft):
    page_id, _ = draft
    auth.login_as("editor")
    form = FORM | {
        "featured_image": "",
        "featured_image_alt": "A green plate",
        "featured_image_file": (io.BytesIO(png(640, 400, (10, 160, 40))), "plate.png"),
    }
    answer = client.post(
        f"/builder/pages/{page_id}/details", data=form, content_type="multipart/form-data"
    )
    assert answer.status_code == 303
    featured, alt = _featured(app, page_id)
    with app.app_context():
        media = db.session.scalar(select(Media).where(Media.sha256 == featured))
        assert (media.width, media.height, alt) == (640, 400, "A green plate")
    assert f'<option value="{featured}" selected>Uploaded image</option>' in (
        client.get(f"/builder/pages/{page_id}").text
    )


def test_a_featured_image_needs_alt_text(app, htmx, auth, draft):
    page_id, _ = draft
    auth.login_as("editor")
    form = FORM | {
        "featured_image": "",
        "featured_image_alt": "",
        "featured_image_file": (io.BytesIO(png()), "plate.png"),
    }
    answer = htmx.post(
        f"/builder/pages/{page_id}/details", data=form, content_type="multipart/form-data"
    )
    assert answer.status_code == 422 and "Describe the featured image" in answer.text
    assert _featured(app, page_id) == (None, "")


def test_a_featured_image_becomes_public_at_publish(app, client, auth, draft):
    page_id, _ = draft
    uploaded = stored_picture(app, colour=(1, 2, 3))
    with app.test_request_context():
        page = db.session.get(Page, page_id)
        page.featured_image, page.featured_image_alt = uploaded, "Dark"
        db.session.commit()
    assert client.get(f"/media/{uploaded}").status_code == 404
    auth.login_as("editor")
    client.post(f"/builder/pages/{page_id}/publish")
    client.post("/logout")
    assert client.get(f"/media/{uploaded}").status_code == 200


def test_kind_and_sharing_details_travel_in_the_document(app, draft):
    page_id, picture = draft
    admin = add_user(app, "admin")
    with app.app_context():
        page = db.session.get(Page, page_id)
        page.kind, page.noindex, page.seo_title = "page", True, "Soups"
        page.featured_image, page.featured_image_alt = picture, "Bowl"
        db.session.commit()
    document = exported(app, page_id)
    assert document["kind"] == "page" and document["noindex"] is True
    assert document["featured_image"] == {"media": picture, "alt": "Bowl"}
    assert picture in document["media"]
    again = exported(app, imported(app, document, admin))
    assert again == {**document, "slug": "soup-season-2"}


def test_a_post_exports_as_before_and_an_old_document_imports_as_a_post(app):
    admin = add_user(app, "admin")
    page_id = imported(app, garden_document(), admin)
    assert _featured(app, page_id) == (None, "")
    document = exported(app, page_id)
    assert not {"kind", "featured_image", "seo_title", "seo_description", "noindex"} & set(document)
    with app.app_context():
        assert db.session.get(Page, page_id).kind == "post"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"kind": "article"}, 'kind: must be "post" or "page"'),
        ({"noindex": "yes"}, "noindex: must be true or false"),
        ({"featured_image": {"media": "0" * 64}}, "featured_image.media: image 000"),
        ({"featured_image": {"media": "x"}}, "featured_image.media: must name a picture"),
    ],
)
def test_a_bad_kind_or_sharing_detail_is_refused_by_its_path(app, runner, entry, message):
    add_user(app, "admin")
    answer = import_command(runner, garden_document() | entry)
    assert answer.exit_code != 0 and message in answer.output


@pytest.mark.parametrize("size", [MB + 1, 8 * MB])
def test_a_featured_image_past_the_limit_is_refused_in_words(make_app, media_backend, size):
    limits = {"MAX_UPLOAD_BYTES": MB, "MAX_CONTENT_LENGTH": 2 * MB}
    app = make_app(WTF_CSRF_ENABLED=False, **limits, **media_backend)
    page_id = make_page_of_kind(app, "Soup season", "soup-season", publish_it=False)
    client = app.test_client()
    client.post("/login", data={"email": AUTHOR_EMAIL, "password": PASSWORD})
    form = FORM | {"featured_image_alt": "Big", "featured_image_file": (big_file(size), "a.png")}
    answer = client.post(
        f"/builder/pages/{page_id}/details",
        data=form,
        headers={"HX-Request": "true"},
        content_type="multipart/form-data",
    )
    assert answer.status_code in (413, 422)
    assert "larger than 1 MB" in answer.text and 'id="page-details"' in answer.text
    assert _featured(app, page_id) == (None, "")
