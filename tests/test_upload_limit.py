"""One person's uploads count against one limit (BLOG_UPLOADS_PER_PERSON), whichever form
takes the image: an Image block, page details (a featured image) or the site settings."""

import io

from helpers.image_blocks import image_block, png
from helpers.site_settings import SETTINGS_URL, settings_form
from helpers.support import PASSWORD


def test_every_form_that_takes_an_image_counts_against_the_same_limit(make_app, make_user):
    app = make_app(
        RATELIMIT_ENABLED=True, WTF_CSRF_ENABLED=False, UPLOAD_RATE_LIMIT_PER_PERSON="2 per minute"
    )
    make_user("admin")
    client = app.test_client()
    client.post("/login", data={"email": "admin@example.com", "password": PASSWORD})
    block_id = image_block(app, "admin@example.com")

    def upload(name: str) -> tuple[io.BytesIO, str]:
        return io.BytesIO(png(64, 40)), name

    block = {"version": "1", "alt": "A red field", "caption": "", "media": ""}
    answer = client.post(
        f"/builder/blocks/{block_id}", data=block | {"media_file": upload("a.png")}
    )
    assert answer.status_code == 303, answer.text
    editor = answer.headers["Location"].split("#")[0]  # /builder/pages/<id>
    details = {"title": "Pictures", "slug": "pictures", "summary": "", "tags": "", "kind": "post"}
    details |= {"featured_image": "", "featured_image_alt": "A red field"}
    answer = client.post(
        f"{editor}/details", data=details | {"featured_image_file": upload("b.png")}
    )
    assert answer.status_code == 303, answer.text

    refused = client.post(SETTINGS_URL, data=settings_form(image=png(64, 40)))
    assert refused.status_code == 429
    assert "You uploaded many images in a short time" in refused.text
    # Saving without a file is not an upload: it still goes through.
    assert client.post(SETTINGS_URL, data=settings_form()).status_code == 303
