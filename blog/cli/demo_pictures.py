"""The demo's cover pictures, drawn at run time (no binary files in the repository): a
gradient of two colours with a pale disc, as PNG bytes and as an export document's "media"
entry under its SHA-256."""

import base64
import hashlib
import io

from PIL import Image, ImageDraw, ImageOps

# The size sharing sites ask for (og:image), which the teasers show at 16:9.
COVER_SIZE = (1200, 630)


def cover(top: str, bottom: str, disc: str) -> bytes:
    """A cover picture: `top` fading into `bottom`, with a `disc` low on the right."""
    width, height = COVER_SIZE
    gradient = Image.linear_gradient("L").resize(COVER_SIZE)
    picture = ImageOps.colorize(gradient, black=top, white=bottom)
    radius = height // 4
    centre = (width * 3 // 4, height * 3 // 5)
    ImageDraw.Draw(picture).ellipse(
        (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius),
        fill=disc,
    )
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def featured(picture: bytes, alt: str) -> dict:
    """The document keys that make `picture` a page's featured image."""
    name = hashlib.sha256(picture).hexdigest()
    entry = {"content_type": "image/png", "alt": alt, "base64": base64.b64encode(picture).decode()}
    return {"featured_image": {"media": name, "alt": alt}, "media": {name: entry}}
