"""Serving stored images by content hash, with their true type: published ones to everyone
with a year-long cache (or, with BLOG_MEDIA_PUBLIC_URL, by a lasting redirect to where a web
server, the bucket or a CDN serves them), a draft's ones only to the people working on it."""

from flask import Blueprint, Flask, Response, abort, current_app, redirect, send_file
from flask_login import current_user
from sqlalchemy import select

from blog.auth.roles import can_see_media
from blog.extensions import db
from blog.media_names import SHA256, URL_PREFIX, MediaFile, variant_widths
from blog.media_storage import StorageUnavailable, media_storage
from blog.models import Media

bp = Blueprint("media", __name__, url_prefix=URL_PREFIX)

# A file's name is its content's hash: what is at an address never changes.
FOREVER = "public, max-age=31536000, immutable"
# A draft's picture: the browser keeps it for this person only, asking each time (304).
PRIVATE = "private, no-cache"
UNAVAILABLE = "Images cannot be fetched just now: try again in a minute."


@bp.get("/<sha256>")
def original(sha256: str) -> Response:
    """The uploaded image, as re-encoded when it was stored."""
    return _send(_media_or_404(sha256), None)


@bp.get("/<sha256>/<int:width>")
def variant(sha256: str, width: int) -> Response:
    """A narrower copy of the image; only the widths made for it exist."""
    media = _media_or_404(sha256)
    if width not in variant_widths(media.width):
        abort(404)
    return _send(media, width)


def _media_or_404(sha256: str) -> Media:
    """The picture, when this visitor may see it; 404 alike for missing and not allowed, so
    a draft's picture does not show that it exists."""
    if not SHA256.fullmatch(sha256):
        abort(404)
    media = db.first_or_404(select(Media).where(Media.sha256 == sha256))
    if not can_see_media(current_user, media):
        abort(404)
    return media


def _send(media: Media, width: int | None) -> Response:
    file = MediaFile(media.sha256, media.content_type, width)
    storage = media_storage()
    public_url = current_app.config["MEDIA_PUBLIC_URL"]
    # Only a published picture is sent elsewhere: a draft's has no public address at all.
    if public_url and media.public and (name := storage.public_name(file)):
        response = redirect(f"{public_url}/{name}", 301)
        response.headers["Cache-Control"] = FOREVER
        return response
    try:
        stored = storage.open(file)
    except FileNotFoundError:
        abort(404)
    except StorageUnavailable as error:
        current_app.logger.error("Media storage unavailable: %s", error)
        abort(503, UNAVAILABLE)
    etag = media.sha256 if width is None else f"{media.sha256}-{width}"
    response = send_file(stored, mimetype=media.content_type, etag=etag, conditional=True)
    response.headers["Cache-Control"] = FOREVER if media.public else PRIVATE
    # The type comes from the Media row; browsers must not guess another one from the bytes.
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def init_app(app: Flask) -> None:
    """Serve media under /media."""
    app.register_blueprint(bp)
