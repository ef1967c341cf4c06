"""The media family of block types: image (an upload) and embed (a YouTube or Vimeo video)."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from blog.builder.blocks.base import BlockInvalid, BlockType, Field, flag_value, text_value
from blog.builder.blocks.registry import register
from blog.numbers import whole_number

SHA256 = re.compile(r"[0-9a-f]{64}")
MEDIA_URL_PREFIX = "/media"
VARIANT_WIDTHS = (480, 960, 1600)
SHOWN_WIDTH = 960  # the widest an image is shown: the article column
LARGEST_SIDE = 50_000
ALT_MAX_LENGTH = 300
CAPTION_MAX_LENGTH = 300

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_ID = re.compile(r"[0-9]+")
PROVIDER_OF_HOST = {
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "vimeo.com": "vimeo",
    "player.vimeo.com": "vimeo",
}
PROVIDER_NAMES = {"youtube": "YouTube", "vimeo": "Vimeo"}


def _pixels(value: Any) -> int | None:
    """A side length from the upload (JSON int or form string) when it is a sane positive int."""
    side = whole_number(value, largest=LARGEST_SIDE)
    return side or None


def image_sources(data: Mapping[str, Any]) -> dict[str, str]:
    """The <img> "src", "srcset" and "sizes" of an image block: the original at /media/<sha>,
    plus each responsive variant /media/<sha>/<width> narrower than the original."""
    original = f"{MEDIA_URL_PREFIX}/{data['media']}"
    width = _pixels(data.get("width")) or 0
    candidates = [f"{original}/{size} {size}w" for size in VARIANT_WIDTHS if size < width]
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
        else:
            # Only meaningful once there is an upload; they come with it.
            for side, value in (("width", width), ("height", height)):
                if value is None:
                    errors[side] = f"The {side} must be a whole number of pixels above 0."
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
            "width": width,
            "height": height,
        }

    def with_upload(self, raw: Mapping[str, Any], media: Any) -> dict[str, Any]:
        """The form data pointing at a just-uploaded image (a Media row)."""
        return {**raw, "media": media.sha256, "width": media.width, "height": media.height}

    def render_context(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """The image's sources; nothing while it has no upload (the template shows a notice)."""
        return image_sources(data) if data.get("media") else {}


@dataclass(frozen=True)
class Video:
    """A video on an allowed site, by its provider ("youtube" or "vimeo") and id."""

    provider: str
    id: str

    @property
    def url(self) -> str:
        """The video's page, in one canonical spelling (what an embed block stores)."""
        if self.provider == "youtube":
            return f"https://www.youtube.com/watch?v={self.id}"
        return f"https://vimeo.com/{self.id}"

    @property
    def embed_src(self) -> str:
        """The privacy-enhanced player address: no cookies (YouTube), do not track (Vimeo)."""
        if self.provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{self.id}"
        return f"https://player.vimeo.com/video/{self.id}?dnt=1"


def _video_id(host: str, path: str, query: str) -> str:
    """The id-shaped part of a link on an allowed host ("" when the path has no such part)."""
    segments = [part for part in path.split("/") if part]
    if host == "youtube.com" and segments == ["watch"]:
        return parse_qs(query).get("v", [""])[0]
    if host == "youtube.com" and len(segments) == 2 and segments[0] in ("embed", "shorts"):
        return segments[1]
    if host == "player.vimeo.com" and len(segments) == 2 and segments[0] == "video":
        return segments[1]
    if host in ("youtu.be", "vimeo.com") and len(segments) == 1:
        return segments[0]
    return ""


def parse_video_link(url: str) -> tuple[str | None, Video | None]:
    """The provider a link points to (None for other sites) and its Video (None when the
    link is not to a single video, or its id has the wrong shape)."""
    if not url.lower().startswith(("http://", "https://")):
        url = f"https://{url}"  # people paste "youtu.be/..." without a scheme
    try:
        parts = urlsplit(url)
    except ValueError:
        return None, None
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    provider = PROVIDER_OF_HOST.get(host)
    if provider is None:
        return None, None
    video_id = _video_id(host, parts.path, parts.query)
    pattern = YOUTUBE_ID if provider == "youtube" else VIMEO_ID
    return provider, Video(provider, video_id) if pattern.fullmatch(video_id) else None


@register
class Embed(BlockType):
    """A YouTube or Vimeo video, played from the provider's privacy-enhanced player."""

    name = "embed"
    label = "Embed"
    fields = (
        Field(
            "url",
            "Video address",
            kind="url",
            help="The link to a video on YouTube or Vimeo.",
        ),
    )

    def defaults(self) -> dict[str, Any]:
        return {"url": ""}

    def clean(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        url = text_value(raw, "url")
        if not url:
            raise BlockInvalid({"url": "Paste the link to a YouTube or Vimeo video."})
        provider, video = parse_video_link(url)
        if provider is None:
            raise BlockInvalid({"url": "Only YouTube and Vimeo videos can be embedded."})
        if video is None:
            name = PROVIDER_NAMES[provider]
            message = (
                f"This {name} link does not point to one video; copy it from the video's page."
            )
            raise BlockInvalid({"url": message})
        return {"url": video.url}

    def render_context(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """The player's address and the provider's name; nothing for a link with no video."""
        _, video = parse_video_link(str(data.get("url", "")))
        if video is None:
            return {}
        return {
            "embed_src": video.embed_src,
            "provider": video.provider,
            "provider_name": PROVIDER_NAMES[video.provider],
        }
