"""How stored images are named and addressed: by the SHA-256 of their stored bytes, with
narrower variants of the wider ones, under /media."""

import re

SHA256 = re.compile(r"[0-9a-f]{64}")
URL_PREFIX = "/media"
VARIANT_WIDTHS = (480, 960, 1600)


def variant_widths(width: int) -> tuple[int, ...]:
    """The variant widths made for an image this wide: those strictly narrower than it."""
    return tuple(size for size in VARIANT_WIDTHS if size < width)


def media_url(sha256: str, width: int | None = None) -> str:
    """Where browsers fetch an image: the original, or its variant of this width."""
    suffix = "" if width is None else f"/{width}"
    return f"{URL_PREFIX}/{sha256}{suffix}"
