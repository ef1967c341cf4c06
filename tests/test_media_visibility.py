"""A draft's pictures are served only to the people working on drafts, until a published
revision shows them; then to everyone, for good."""

import io

import pytest
from sqlalchemy import select

from blog.extensions import db
from blog.media import store_image
from blog.models import Page, User
from blog.publishing import publish, unpublish

from helpers.image_blocks import image_block, png
from helpers.media_storages import ON_EVERY_MEDIA_STORAGE

pytestmark = ON_EVERY_MEDIA_STORAGE


def _picture_in_draft(app, email: str, slug: str = "pictures", colour=(200, 80, 40)) -> str:
    """A picture uploaded by this person and shown by an image block of their draft page."""
    image_block(app, email, slug=slug)
    with app.app_context():
        person = db.session.scalar(select(User).where(User.email == email))
        media = store_image(io.BytesIO(png(colour=colour)), person.id)
        page = db.session.scalar(select(Page).where(Page.slug == slug))
        block = page.rows[0].blocks[0]
        block.data = {**block.data, "media": media.sha256, "alt": "Red", "width": 800}
        db.session.commit()
        return media.sha256


def _publish(app, slug: str = "pictures") -> None:
    with app.app_context():
        publish(db.session.scalar(select(Page).where(Page.slug == slug)), None)
        db.session.commit()


@pytest.mark.parametrize("address", ["/media/{name}", "/media/{name}/480"])
def test_readers_cannot_fetch_a_drafts_picture(app, client, make_user, address):
    make_user("author")
    name = _picture_in_draft(app, "author@example.com")
    assert client.get(address.format(name=name)).status_code == 404


def test_the_uploader_gets_a_drafts_picture_kept_for_them_alone(app, auth, client):
    auth.login_as("author")
    name = _picture_in_draft(app, "author@example.com")
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-cache"


def test_the_author_of_a_draft_that_shows_a_picture_sees_it(app, auth, client, make_user):
    make_user("editor", email="picture-editor@example.com")
    name = _picture_in_draft(app, "picture-editor@example.com")
    auth.login_as("author")
    with app.app_context():
        page = db.session.scalar(select(Page).where(Page.slug == "pictures"))
        page.author = db.session.scalar(select(User).where(User.email == "author@example.com"))
        db.session.commit()
    assert client.get(f"/media/{name}").status_code == 200


def test_another_author_cannot_fetch_a_drafts_picture(app, auth, client, make_user):
    make_user("author", email="owner@example.com")
    name = _picture_in_draft(app, "owner@example.com")
    auth.login_as("author")
    assert client.get(f"/media/{name}").status_code == 404


def test_publishing_makes_the_pictures_it_shows_public_for_good(app, client, make_user):
    make_user("editor")
    name = _picture_in_draft(app, "editor@example.com")
    _publish(app)
    response = client.get(f"/media/{name}/480")
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    with app.app_context():
        unpublish(db.session.scalar(select(Page).where(Page.slug == "pictures")))
        db.session.commit()
    # Readers and caches may already hold it: it stays where it was published.
    assert client.get(f"/media/{name}").status_code == 200


def test_publishing_one_page_leaves_other_drafts_pictures_private(app, client, make_user):
    make_user("editor")
    _picture_in_draft(app, "editor@example.com", slug="shown")
    hidden = _picture_in_draft(app, "editor@example.com", slug="hidden", colour=(1, 2, 3))
    _publish(app, "shown")
    assert client.get(f"/media/{hidden}").status_code == 404
