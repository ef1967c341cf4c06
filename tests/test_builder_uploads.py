"""Uploading an image into an image block through the builder's Save, good and bad."""

import io
import re

import pytest
from PIL import Image

from blog.media import LARGEST_STORED_SIDE

from helpers.image_blocks import image_block, png, save_image, stored_image
from helpers.support import PASSWORD

MB = 1024 * 1024  # the default limit is 20 MB (BLOG_MAX_UPLOAD_MB)


def test_an_uploaded_image_is_stored_and_shown_with_its_sizes(app, auth, htmx):
    auth.login_as("editor")
    block_id = image_block(app)
    response = save_image(htmx, block_id, png())
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'alt="A red field"' in html and "srcset=" in html
    data, media_count = stored_image(app, block_id)
    assert (data["width"], data["height"], media_count) == (800, 500, 1)


def test_every_address_an_image_block_shows_is_served(app, auth, htmx, client):
    auth.login_as("editor")
    block_id = image_block(app)
    html = save_image(htmx, block_id, png(width=2000)).get_data(as_text=True)
    srcset = re.search(r'srcset="([^"]+)"', html).group(1)
    addresses = [candidate.split()[0] for candidate in srcset.split(", ")]
    assert len(addresses) == 4  # 480, 960, 1600 and the original
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        assert response.headers["Content-Type"] == "image/png"


def test_alt_text_is_required_unless_decorative(app, auth, htmx):
    auth.login_as("editor")
    block_id = image_block(app)
    response = save_image(htmx, block_id, png(), alt="")
    assert response.status_code == 422
    assert "Describe the image" in response.get_data(as_text=True)
    assert stored_image(app, block_id)[0]["media"] == ""


@pytest.mark.parametrize(
    "content, name, message",
    [
        (b"just some words, not a picture", "notes.png", "not an image this site can use"),
        (png()[:200], "cut.png", "damaged or incomplete"),
    ],
    ids=["not-an-image", "truncated"],
)
def test_bad_files_are_refused_in_the_form_and_nothing_isstored_image(
    app, auth, htmx, content, name, message
):
    auth.login_as("editor")
    block_id = image_block(app)
    response = save_image(htmx, block_id, content, name=name)
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert message in body
    assert 'value="A red field"' in body  # what was typed is kept
    assert stored_image(app, block_id) == (
        {"media": "", "alt": "", "caption": "", "decorative": False, "width": 0, "height": 0},
        0,
    )


def test_a_decompression_bomb_is_refused(app, auth, htmx):
    auth.login_as("editor")
    block_id = image_block(app)
    buffer = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, "PNG")
    response = save_image(htmx, block_id, buffer.getvalue())
    assert response.status_code == 422
    assert "The image has too many pixels" in response.get_data(as_text=True)
    assert stored_image(app, block_id)[1] == 0


def test_a_30_mb_upload_is_refused_with_the_limit_in_words(app, auth, htmx):
    auth.login_as("editor")
    block_id = image_block(app)
    response = save_image(htmx, block_id, b"\0" * 30 * MB, name="huge.png")
    assert response.status_code == 422
    assert "larger than 20 MB" in response.get_data(as_text=True)
    assert stored_image(app, block_id)[1] == 0


def test_an_upload_one_byte_past_the_limit_is_refused_though_the_request_fits(make_app, make_user):
    app = make_app(WTF_CSRF_ENABLED=False, MAX_UPLOAD_BYTES=MB)
    assert app.config["MAX_CONTENT_LENGTH"] > MB + 1  # room for the form around the file
    make_user("editor")
    client = app.test_client()
    client.post("/login", data={"email": "editor@example.com", "password": PASSWORD})
    block_id = image_block(app)
    data = {"version": "1", "alt": "A red field", "caption": "", "media": ""}
    data["media_file"] = (io.BytesIO(b"\0" * (MB + 1)), "picture.png")
    response = client.post(
        f"/builder/blocks/{block_id}",
        data=data,
        headers={"HX-Request": "true"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert "The image is larger than 1 MB." in response.text
    assert stored_image(app, block_id)[1] == 0


def test_a_picture_65535_pixels_wide_and_1_high_is_stored_narrower(app, auth, htmx):
    auth.login_as("editor")
    block_id = image_block(app)
    response = save_image(htmx, block_id, png(width=65535, height=1))
    assert response.status_code == 200, response.text[:1000]
    data, media_count = stored_image(app, block_id)
    assert (data["width"], data["height"], media_count) == (LARGEST_STORED_SIDE, 1, 1)


def test_uploads_past_the_persons_limit_are_refused_in_the_form(make_app, make_user):
    app = make_app(
        RATELIMIT_ENABLED=True, WTF_CSRF_ENABLED=False, UPLOAD_RATE_LIMIT_PER_PERSON="2 per minute"
    )
    make_user("editor")
    client = app.test_client()
    assert client.post("/login", data={"email": "editor@example.com", "password": PASSWORD})
    block_id = image_block(app)

    def save(version: int, upload: bytes | None):
        data = {"version": str(version), "alt": "A red field", "caption": "", "media": ""}
        if upload is None:
            stored, _ = stored_image(app, block_id)
            data |= {key: str(stored[key]) for key in ("media", "width", "height")}
        else:
            data["media_file"] = (io.BytesIO(upload), "picture.png")
        url = f"/builder/blocks/{block_id}"
        headers = {"HX-Request": "true"}
        return client.post(url, data=data, headers=headers, content_type="multipart/form-data")

    assert save(1, png(width=300)).status_code == 200
    assert save(2, png(width=301)).status_code == 200
    refused = save(3, png(width=302))
    assert refused.status_code == 429
    assert "You uploaded many images in a short time" in refused.text
    assert stored_image(app, block_id)[1] == 2
    # A save without a new picture is no upload: it goes through.
    assert save(3, None).status_code == 200
