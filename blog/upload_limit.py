"""The per-person upload limit (BLOG_UPLOADS_PER_PERSON) of every form that takes an image
file: an Image block, page details (a featured image) and the site settings (the default
social image). It counts only requests that carry a file, so saving without one never waits."""

from collections.abc import Callable

from flask import current_app, request
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from blog.extensions import limiter

# What a form refused for too many uploads says at its file field.
TOO_MANY_UPLOADS = "You uploaded many images in a short time: wait a minute, then Save again."


def carries_file(field: str) -> bool:
    """True when the request holds a file in `field`. A body too large to read counts as
    none: the view refuses it in words."""
    try:
        upload = request.files.get(field)
    except RequestEntityTooLarge:
        return False
    return bool(upload and upload.filename)


def upload_limit(field: str, on_breach: Callable | None = None) -> Callable:
    """The view decorator that counts a request against its person's upload limit when it
    carries a file in `field`; `on_breach` answers a refused one in the view's own words."""
    # Shared: one count per person across every such form, not one per form.
    return limiter.shared_limit(
        lambda: current_app.config["UPLOAD_RATE_LIMIT_PER_PERSON"],
        "uploads",
        key_func=lambda: f"uploads-by-{current_user.id}",
        exempt_when=lambda: not carries_file(field),
        on_breach=on_breach,
    )
