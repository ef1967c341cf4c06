"""The embed block type: a YouTube or Vimeo video, played from a privacy-enhanced player."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from blog.content.blocks.base import BlockInvalid, BlockType, Field, text_value
from blog.content.blocks.registry import register

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_ID = re.compile(r"[0-9]+")
PROVIDER_OF_HOST = {
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "vimeo.com": "vimeo",
    "player.vimeo.com": "vimeo",
}
PROVIDER_NAMES = {"youtube": "YouTube", "vimeo": "Vimeo"}


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
        """The player's address, the video's page and the provider's name; nothing for a link
        with no video."""
        _, video = parse_video_link(str(data.get("url", "")))
        if video is None:
            return {}
        return {
            "embed_src": video.embed_src,
            "video_url": video.url,
            "provider": video.provider,
            "provider_name": PROVIDER_NAMES[video.provider],
        }
