"""A block's picture is stored when uploaded, whatever becomes of the block's save, and a block
names only a stored picture its editor may use."""

import io

from sqlalchemy import select

from blog.extensions import db
from blog.media import store_image
from blog.models import Media, Page, User
from blog.publishing import publish

from helpers.image_blocks import image_block, png, save_image, stored_image
from helpers.media_storages import ON_EVERY_MEDIA_STORAGE

pytestmark = ON_EVERY_MEDIA_STORAGE


def _media_names(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(Media.sha256)))


def _uploaded_by(app, email: str, colour=(10, 90, 200)) -> str:
    """A picture stored as uploaded by this person; returns its name."""
    with app.app_context():
        person = db.session.scalar(select(User).where(User.email == email))
        media = store_image(io.BytesIO(png(colour=colour)), person.id)
        db.session.commit()
        return media.sha256


def test_an_upload_whose_save_is_refused_stays_stored_for_the_next_save(app, auth, htmx):
    auth.login_as("editor")
    block_id = image_block(app)
    refused = save_image(htmx, block_id, png(), alt="")
    assert refused.status_code == 422
    [name] = _media_names(app)
    assert f'value="{name}"' in refused.get_data(as_text=True)  # the form keeps it
    saved = save_image(htmx, block_id, None, alt="A red field", media=name)
    assert saved.status_code == 200
    assert stored_image(app, block_id)[0]["media"] == name
    assert htmx.get(f"/media/{name}").status_code == 200


def test_an_upload_whose_save_meets_a_conflict_stays_stored(app, auth, htmx):
    auth.login_as("editor")
    block_id = image_block(app)
    assert save_image(htmx, block_id, png(), version="7").status_code == 409
    assert len(_media_names(app)) == 1
    assert stored_image(app, block_id)[0]["media"] == ""


def test_a_block_cannot_name_a_picture_that_is_not_stored(app, auth, htmx):
    auth.login_as("editor")
    block_id = image_block(app)
    response = save_image(htmx, block_id, None, media="ab" * 32, width="800", height="500")
    assert response.status_code == 422
    assert "no longer stored" in response.get_data(as_text=True)
    assert stored_image(app, block_id)[0]["media"] == ""


def test_an_author_cannot_use_another_authors_draft_picture(app, auth, htmx, make_user):
    make_user("author", email="other@example.com")
    theirs = _uploaded_by(app, "other@example.com")
    auth.login_as("author")
    block_id = image_block(app, "author@example.com", slug="mine")
    response = save_image(htmx, block_id, None, media=theirs, width="800", height="500")
    assert response.status_code == 422
    assert "upload your own copy" in response.get_data(as_text=True)
    assert stored_image(app, block_id)[0]["media"] == ""


def test_a_published_picture_may_go_into_anyones_block(app, auth, htmx, make_user):
    make_user("editor", email="other@example.com")
    theirs = _uploaded_by(app, "other@example.com")
    image_block(app, "other@example.com", slug="shown")
    with app.app_context():
        page = db.session.scalar(select(Page).where(Page.slug == "shown"))
        page.rows[0].blocks[0].data = {**page.rows[0].blocks[0].data, "media": theirs}
        publish(page, None)
        db.session.commit()
    auth.login_as("author")
    block_id = image_block(app, "author@example.com", slug="mine")
    response = save_image(htmx, block_id, None, media=theirs, width="800", height="500")
    assert response.status_code == 200
    assert stored_image(app, block_id)[0]["media"] == theirs


def test_editors_may_use_any_stored_picture(app, auth, htmx, make_user):
    make_user("author", email="other@example.com")
    theirs = _uploaded_by(app, "other@example.com")
    auth.login_as("editor")
    block_id = image_block(app, "editor@example.com")
    response = save_image(htmx, block_id, None, media=theirs, width="800", height="500")
    assert response.status_code == 200


def test_a_pictures_size_comes_from_the_stored_picture_not_the_form(app, auth, htmx):
    auth.login_as("editor")
    mine = _uploaded_by(app, "editor@example.com")
    block_id = image_block(app)
    response = save_image(htmx, block_id, None, media=mine, width="3", height="40000")
    assert response.status_code == 200
    data = stored_image(app, block_id)[0]
    assert (data["width"], data["height"]) == (800, 500)
