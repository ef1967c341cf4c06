"""A block's picture: stored as soon as it is uploaded, whatever becomes of the block's save,
and only one that exists and that the editor may use."""

from typing import Any

from flask_login import current_user
from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from blog.auth.roles import can_use_media
from blog.content.blocks import BlockInvalid, BlockType
from blog.content.document_export import picture_fields
from blog.extensions import db
from blog.media import store_image
from blog.models import Block, Media

GONE = "That image is no longer stored: upload it again."
NOT_YOURS = "That image belongs to a draft you do not work on: upload your own copy."


def takes_pictures(kind: BlockType) -> bool:
    """True for a block type with an upload field (an upload sent to any other is ignored)."""
    return bool(picture_fields(kind.name))


def stored_upload(upload: FileStorage) -> Media:
    """Store the uploaded picture for good (MediaRejected when it is refused): a save refused
    after this, for a missing alt text or someone else's change, still finds it stored."""
    media = store_image(upload, current_user.id)
    db.session.commit()
    return media


def with_usable_pictures(kind: BlockType, block: Block, data: dict[str, Any]) -> dict[str, Any]:
    """The cleaned data, with each picture's size taken from its stored Media. BlockInvalid
    names the field when a picture is not stored, or the editor may not use it; a picture
    the block already shows stays usable."""
    for field in picture_fields(kind.name):
        name = data.get(field)
        if not name:
            continue
        media = db.session.scalar(select(Media).where(Media.sha256 == name))
        if media is None:
            raise BlockInvalid({field: GONE})
        if name != block.data.get(field) and not can_use_media(current_user, media):
            raise BlockInvalid({field: NOT_YOURS})
        data = kind.with_upload(data, media)
    return data
