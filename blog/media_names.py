"""How stored images are named and addressed: by the SHA-256 of their stored bytes, with
narrower variants of the wider ones, under /media; stored files carry their type's extension."""

import re
from dataclasses import dataclass

SHA256 = re.compile(r"[0-9a-f]{64}")
URL_PREFIX = "/media"
VARIANT_WIDTHS = (480, 960, 1600)
# The stored types and the extension that tells a web server or a bucket each one's type.
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


def variant_widths(width: int) -> tuple[int, ...]:
    """The variant widths made for an image this wide: those strictly narrower than it."""
    return tuple(size for size in VARIANT_WIDTHS if size < width)


def media_url(sha256: str, width: int | None = None) -> str:
    """Where browsers fetch an image: the original, or its variant of this width."""
    suffix = "" if width is None else f"/{width}"
    return f"{URL_PREFIX}/{sha256}{suffix}"


@dataclass(frozen=True)
class MediaFile:
    """One stored file: an image's original (width None) or its variant of one width."""

    sha256: str
    content_type: str
    width: int | None = None

    def __post_init__(self) -> None:
        # Names come from hashes, never from users; refuse anything else (no "../" ever).
        if not SHA256.fullmatch(self.sha256) or (self.width is not None and self.width <= 0):
            raise ValueError(f"Not a media file name: {self.sha256!r}, width {self.width!r}")
        if self.content_type not in EXTENSIONS:
            raise ValueError(f"Not a stored image type: {self.content_type!r}")

    @property
    def name(self) -> str:
        """The file's name: "<sha256>.png", or "<sha256>-480.png" for a variant."""
        return f"{self.name_without_extension}.{EXTENSIONS[self.content_type]}"

    @property
    def name_without_extension(self) -> str:
        """The name files were stored under before they carried an extension."""
        return self.sha256 if self.width is None else f"{self.sha256}-{self.width}"
