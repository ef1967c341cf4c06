"""The image block type: an uploaded picture, shown at the right size for each screen."""

from collections.abc import Mapping
from typing import Any

from blog.content.blocks.base import BlockInvalid, BlockType, Field, flag_value, text_value
from blog.content.blocks.registry import register
from blog.media_names import SHA256, media_url, variant_widths
from blog.numbers import whole_number

SHOWN_WIDTH = 960  # the widest an image is shown: the article column
LARGEST_SIDE = 50_000
ALT_MAX_LENGTH = 300
CAPTION_MAX_LENGTH = 300


def _pixels(value: Any) -> int | None:
    """A side length from the upload (JSON int or form string) when it is a sane positive int."""
    side = whole_number(value, largest=LARGEST_SIDE)
    return side or None


def image_sources(data: Mapping[str, Any]) -> dict[str, str]:
    """The <img> "src", "srcset" and "sizes" of an image block: the original at /media/<sha>,
    plus each responsive variant /media/<sha>/<width> narrower than the original."""
    original = media_url(data["media"])
    width = _pixels(data.get("width")) or 0
    candidates = [f"{media_url(data['media'], size)} {size}w" for size in variant_widths(width)]
    if width:
        candidates.append(f"{original} {width}w")
    shown = min(width, SHOWN_WIDTH) if width else SHOWN_WIDTH
    return {
        "src": original,
        "srcset": ", ".join(candidates),
        "sizes": f"(max-width: {shown}px) 100vw, {shown}px",
    }


@register
class Image(BlockType):
    """An uploaded picture with alt text and an optional caption."""

    name = "image"
    label = "Image"
    fields = (
        Field("media", "Image", kind="file", help="JPEG, PNG, GIF or WebP."),
        Field(
            "alt",
            "Alt text",
            help="What the image shows, for people who cannot see it.",
            max_length=ALT_MAX_LENGTH,
        ),
        Field("decorative", "Decorative only (no alt text needed)", kind="checkbox"),
        Field("caption", "Caption", max_length=CAPTION_MAX_LENGTH),
        Field("width", "Width", kind="hidden"),
        Field("height", "Height", kind="hidden"),
    )

    def defaults(self) -> dict[str, Any]:
        return {"media": "", "alt": "", "caption": "", "decorative": False, "width": 0, "height": 0}

    def clean(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        errors = {}
        media = text_value(raw, "media").lower()
        width, height = _pixels(raw.get("width")), _pixels(raw.get("height"))
        if not SHA256.fullmatch(media):
            errors["media"] = "Upload an image first."
        decorative = flag_value(raw, "decorative")
        alt = "" if decorative else text_value(raw, "alt")
        if not decorative and not alt:
            errors["alt"] = (
                "Describe the image for people who cannot see it, or mark it decorative."
            )
        elif len(alt) > ALT_MAX_LENGTH:
            errors["alt"] = f"Shorten the alt text to {ALT_MAX_LENGTH} characters or fewer."
        caption = text_value(raw, "caption")
        if len(caption) > CAPTION_MAX_LENGTH:
            errors["caption"] = f"Shorten the caption to {CAPTION_MAX_LENGTH} characters or fewer."
        if errors:
            raise BlockInvalid(errors)
        return {
            "media": media,
            "alt": alt,
            "caption": caption,
            "decorative": decorative,
            # Hints only: whoever stores the block takes the sizes from the stored picture.
            "width": width or 0,
            "height": height or 0,
        }

    def is_empty(self, data: Mapping[str, Any]) -> bool:
        """An image block is empty until a picture is uploaded: alt text alone shows nothing."""
        return not str(data.get("media") or "").strip()

    def with_upload(self, raw: Mapping[str, Any], media: Any) -> dict[str, Any]:
        """The form data pointing at a just-uploaded image (a Media row)."""
        return {**raw, "media": media.sha256, "width": media.width, "height": media.height}

    def render_context(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """The image's sources; nothing while it has no upload (the template shows a notice)."""
        return image_sources(data) if data.get("media") else {}
