"""Image blocks for upload tests: an empty one on a stored page, and its Save with a file."""

import io

from sqlalchemy import func, select

from blog.extensions import db
from blog.models import Block, Media, Page, Row, User

from helpers import page_documents


def image_block(app, author_email: str | None = None, slug: str = "pictures") -> int:
    """An empty image block on a new draft page of this person (the first stored person when
    None); returns the block's id."""
    with app.app_context():
        query = select(User).order_by(User.id)
        if author_email is not None:
            query = query.where(User.email == author_email)
        author = db.session.scalar(query)
        block = Block(
            column=0,
            position=0,
            type="image",
            data={
                "media": "",
                "alt": "",
                "caption": "",
                "decorative": False,
                "width": 0,
                "height": 0,
            },
        )
        row = Row(layout="1", blocks=[block])
        db.session.add(Page(title="Pictures", slug=slug, author=author, rows=[row]))
        db.session.commit()
        return block.id


def png(width=800, height=500, colour=(200, 80, 40)) -> bytes:
    """A plain PNG picture, wide enough by default to have narrower variants."""
    return page_documents.png((width, height), colour)


def save_image(
    htmx, block_id, content: bytes | None, name="picture.png", alt="A red field", **fields
):
    """Save the image block's form as htmx sends it, with this file (none for None)."""
    data = {"version": "1", "alt": alt, "caption": "", "media": ""} | fields
    if content is not None:
        data["media_file"] = (io.BytesIO(content), name)
    return htmx.post(f"/builder/blocks/{block_id}", data=data, content_type="multipart/form-data")


def stored_image(app, block_id) -> tuple[dict, int]:
    """The block's stored data, and how many pictures are stored."""
    with app.app_context():
        data = db.session.get(Block, block_id).data
        media = db.session.scalar(select(func.count()).select_from(Media))
        return data, media
