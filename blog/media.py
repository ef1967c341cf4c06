"""Image uploads: validate, re-encode without metadata, make variants, store by content hash."""

import hashlib
import io
import struct
import warnings
import zlib
from typing import IO

from flask import current_app
from PIL import Image, ImageOps
from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from blog.extensions import db
from blog.media_names import MediaFile, variant_widths
from blog.media_storage import StorageUnavailable, media_storage
from blog.models import Media

# The most megapixels an upload may have, by the format it comes in: decoding a PNG or WebP
# takes all of its pixels at once (and more memory per pixel for WebP), while a JPEG decodes
# at a fraction of its size and a GIF at one byte a pixel. Chosen with `make bench`, which
# stores the worst image at each limit within 2 s of CPU and 300 MB.
MAX_MEGAPIXELS = {"JPEG": 40, "MPO": 40, "GIF": 40, "PNG": 24, "WEBP": 16}
# Enough for the article column (960 px) on screens of double density and more: a larger
# upload is stored scaled down to this (JPEGs are decoded straight at a fraction of their size).
LARGEST_STORED_SIDE = 2560
MEGABYTE = 1024 * 1024

NOT_AN_IMAGE = "That file is not an image this site can use: upload a JPEG, PNG, GIF or WebP."
DAMAGED = "The image is damaged or incomplete: save or export it again, then upload it."
NOT_STORED = "The image could not be stored just now: try again in a minute."
TOO_MANY_PIXELS = (
    "The image has too many pixels: at most 40 megapixels for a JPEG or GIF, 24 for a PNG and"
    " 16 for a WebP. Save it smaller, then upload it."
)

# The format Pillow reads -> the format stored. MPO is how Pillow names many phones' JPEGs;
# a GIF keeps only its first frame, as a PNG.
STORED_FORMAT = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "GIF": "PNG", "WEBP": "WEBP"}
READ_FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
CONTENT_TYPE = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
SAVE_OPTIONS = {
    "JPEG": {"quality": 85, "progressive": True, "optimize": True},
    "PNG": {"compress_level": 6},  # zlib's default: "optimize" costs a third more time
    "WEBP": {"quality": 85},
}
# Modes each stored format keeps as they are; anything else is converted first.
KEPT_MODES = {
    "JPEG": ("L", "RGB"),
    "PNG": ("1", "L", "LA", "I", "I;16", "P", "RGB", "RGBA"),
    "WEBP": ("RGB", "RGBA"),
}
# What a broken or hostile file makes Pillow raise while it is read.
UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error)


class MediaRejected(ValueError):
    """An upload the site refuses; the message says why, in words for the person uploading."""


def store_image(upload: IO[bytes] | FileStorage, uploader_id: int | None) -> Media:
    """Check, re-encode and store an uploaded image with its variants; return its Media.

    The same picture uploaded twice is one Media. The Media is added to the session and
    flushed; the caller commits. Raises MediaRejected, and stores nothing, for a file that is
    too big, not a JPEG, PNG, GIF or WebP, damaged, or too large in pixels, or when the
    media storage cannot take it just now (a bucket out of reach).
    """
    data = _read_upload(upload, current_app.config["MAX_UPLOAD_BYTES"])
    picture, stored_format = _decode(data)
    encoded = _encode(picture, stored_format)
    sha256 = hashlib.sha256(encoded).hexdigest()
    try:
        _store_files(picture, stored_format, encoded, sha256)
    except StorageUnavailable as error:
        current_app.logger.error("Media storage unavailable: %s", error)
        raise MediaRejected(NOT_STORED) from error
    media = db.session.scalar(select(Media).where(Media.sha256 == sha256))
    if media is None:
        media = Media(
            sha256=sha256,
            content_type=CONTENT_TYPE[stored_format],
            width=picture.width,
            height=picture.height,
            size=len(encoded),
            uploader_id=uploader_id,
        )
        db.session.add(media)
        db.session.flush()
    return media


def _store_files(picture: Image.Image, stored_format: str, encoded: bytes, sha256: str) -> None:
    """Store the re-encoded image and its narrower variants."""
    content_type = CONTENT_TYPE[stored_format]
    storage = media_storage()
    # Files first: a committed Media row must never point at a missing file. Rewriting the
    # same name is harmless (same content) and repairs a file lost from the storage.
    storage.put(encoded, MediaFile(sha256, content_type))
    # Widest first, each variant scaled from the one before it: less work than from the whole.
    source = picture
    for width in sorted(variant_widths(picture.width), reverse=True):
        source = _resized(source, width)
        storage.put(_encode(source, stored_format), MediaFile(sha256, content_type, width))


def _read_upload(upload: IO[bytes] | FileStorage, limit: int) -> bytes:
    """The upload's bytes, reading no more than one byte past the limit."""
    stream = upload.stream if isinstance(upload, FileStorage) else upload
    data = bytearray()
    while len(data) <= limit:
        chunk = stream.read(limit + 1 - len(data))
        if not chunk:
            break
        data += chunk
    if len(data) > limit:
        raise MediaRejected(f"The image is larger than {limit / MEGABYTE:g} MB.")
    return bytes(data)


def _decode(data: bytes) -> tuple[Image.Image, str]:
    """Open and decode an upload, no larger than LARGEST_STORED_SIDE, upright and without
    metadata, with its stored format."""
    with warnings.catch_warnings():
        # Pillow only warns between its own limit and twice that: here a warning is a refusal.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=READ_FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise MediaRejected(TOO_MANY_PIXELS) from error
        except UNREADABLE as error:
            raise MediaRejected(NOT_AN_IMAGE) from error
    if image.format not in STORED_FORMAT:
        raise MediaRejected(NOT_AN_IMAGE)
    # The header's size, checked before a single pixel is decoded.
    if image.width * image.height > MAX_MEGAPIXELS[image.format] * 1_000_000:
        raise MediaRejected(TOO_MANY_PIXELS)
    stored_format = STORED_FORMAT[image.format]
    try:
        # A JPEG decoder scales by 1/2, 1/4 or 1/8 as it reads; others ignore the draft.
        image.draft(image.mode, _stored_size(image.size))
        image.load()
        if max(image.size) > LARGEST_STORED_SIDE:
            image = _real_colours(image)
            # Area averaging: as sharp as LANCZOS at these factors, for half the time.
            image.thumbnail((LARGEST_STORED_SIDE,) * 2, Image.Resampling.BOX, reducing_gap=None)
        ImageOps.exif_transpose(image, in_place=True)
    except UNREADABLE as error:
        raise MediaRejected(DAMAGED) from error
    return _without_metadata(image, stored_format), stored_format


def _stored_size(size: tuple[int, int]) -> tuple[int, int]:
    """The size an image is stored at: scaled down to LARGEST_STORED_SIDE, never up."""
    scale = min(1.0, LARGEST_STORED_SIDE / max(size))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def _real_colours(picture: Image.Image) -> Image.Image:
    """The picture in a mode Pillow scales smoothly: it resizes paletted and 1-bit images
    pixel by pixel."""
    if picture.mode == "P":
        return picture.convert("RGBA" if picture.has_transparency_data else "RGB")
    if picture.mode == "1":
        return picture.convert("L")
    return picture


def _without_metadata(picture: Image.Image, stored_format: str) -> Image.Image:
    """The picture in a mode its stored format keeps, with no EXIF, GPS, ICC or comments."""
    # Transparency of paletted or single-colour-key images lives in .info, which is emptied
    # below: move it into an alpha channel first.
    if picture.has_transparency_data and picture.mode not in ("LA", "RGBA"):
        picture = picture.convert("RGBA")
    if picture.mode not in KEPT_MODES[stored_format]:
        picture = picture.convert("RGBA" if "A" in picture.mode else "RGB")
    # Encoders fall back to .info for ICC profiles and comments: leave them nothing to find.
    picture.info = {}
    return picture


def _resized(picture: Image.Image, width: int) -> Image.Image:
    """The picture scaled down to this width, keeping its proportions."""
    height = max(1, round(picture.height * width / picture.width))
    return _real_colours(picture).resize((width, height), Image.Resampling.LANCZOS)


def _encode(picture: Image.Image, stored_format: str) -> bytes:
    """The picture's file bytes in its stored format."""
    buffer = io.BytesIO()
    picture.save(buffer, format=stored_format, **SAVE_OPTIONS[stored_format])
    return buffer.getvalue()
