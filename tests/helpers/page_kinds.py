"""Pages of either kind for the tests of page kinds and sharing: published with a picture,
a featured image and the sharing details asked for, as the builder's Publish does."""

import io
from typing import Any

from sqlalchemy import select

from blog.extensions import db
from blog.media import store_image
from blog.models import Page, User
from blog.publishing import publish

from helpers.image_blocks import png
from helpers.published_pages import AUTHOR_EMAIL, _new_page, one_column, person, text_block


def stored_picture(app, width: int = 800, height: int = 500, colour=(20, 90, 160)) -> str:
    """A picture stored as an upload by the pages' author; its SHA-256."""
    author_id = person(app)
    with app.app_context():
        media = store_image(io.BytesIO(png(width, height, colour)), author_id)
        db.session.commit()
        return media.sha256


def picture_rows(sha256: str, alt: str = "A blue field", size=(800, 500)) -> list[dict[str, Any]]:
    """One column: a paragraph, then an image block showing the stored picture (of `size`,
    stored_picture's unless told)."""
    data = {"media": sha256, "alt": alt, "caption": "", "decorative": False}
    image = {"type": "image", "data": data | {"width": size[0], "height": size[1]}}
    return [one_column(text_block("Words first."), image)]


def make_page_of_kind(
    app,
    title: str,
    slug: str,
    kind: str = "post",
    rows: list[dict[str, Any]] | None = None,
    publish_it: bool = True,
    tags: tuple[str, ...] = (),
    summary: str = "",
    **sharing: Any,
) -> int:
    """A page of this kind with these sharing details (page columns: featured_image,
    featured_image_alt, seo_title, seo_description, noindex), published unless told not
    to; returns its id."""
    person(app)
    with app.test_request_context():
        rows = rows or [one_column(text_block(f"About {title}."))]
        page = _new_page(title, slug, rows, summary, tags, AUTHOR_EMAIL)
        page.kind = kind
        for name, value in sharing.items():
            setattr(page, name, value)
        if publish_it:
            publish(page, page.author)
        db.session.commit()
        return page.id


def change_details(app, page_id: int, publish_it: bool = False, **values: Any) -> None:
    """Change the draft's kind or sharing details, then publish when told to."""
    with app.test_request_context():
        page = db.session.get(Page, page_id)
        for name, value in values.items():
            setattr(page, name, value)
        if publish_it:
            publish(page, db.session.scalar(select(User).where(User.email == AUTHOR_EMAIL)))
        db.session.commit()
