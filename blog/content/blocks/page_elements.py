"""The page elements family of block types: divider and button."""

import unicodedata
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from blog.content.blocks.base import BlockInvalid, BlockType, Field, text_value
from blog.content.blocks.registry import register

BUTTON_LABEL_MAX_LENGTH = 80
LINK_MAX_LENGTH = 2_000
UNSAFE_LINK_MESSAGE = "Links may only use http, https, mailto or a path on this site."


def _hides_something(character: str) -> bool:
    """Whitespace, control and format characters, backslashes, quotes and angle brackets:
    browsers skip or reinterpret them ("java\\tscript:", "/\\\\evil.example"), so a
    safe-looking link could run script; a real address never needs them unencoded."""
    return (
        character.isspace()
        or character in '\\"<>'
        or unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp")
    )


def is_safe_link(url: str) -> bool:
    """True for an http(s) address with a host, a mailto: address, or a path on this site
    ("/about", but not the protocol-relative "//elsewhere"); False for everything else."""
    if not url or any(_hides_something(character) for character in url):
        return False
    if url.startswith("/"):
        return not url.startswith("//")
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return bool(parts.hostname)
    return scheme == "mailto" and bool(parts.path)


@register
class Divider(BlockType):
    """A horizontal rule between two parts of a page; it has nothing to edit."""

    name = "divider"
    label = "Divider"

    def defaults(self) -> dict[str, Any]:
        return {}

    def clean(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        return {}


@register
class Button(BlockType):
    """A link drawn as a button, to another page, another site or an email address."""

    name = "button"
    label = "Button"
    fields = (
        Field("label", "Label", max_length=BUTTON_LABEL_MAX_LENGTH),
        Field(
            "url",
            "Link",
            help="https://…, mailto:… or a path on this site such as /about.",
            max_length=LINK_MAX_LENGTH,
        ),
    )

    def defaults(self) -> dict[str, Any]:
        return {"label": "", "url": ""}

    def clean(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        errors = {}
        label = text_value(raw, "label")
        if not label:
            errors["label"] = "Write the button's label."
        elif len(label) > BUTTON_LABEL_MAX_LENGTH:
            errors["label"] = f"Shorten the label to {BUTTON_LABEL_MAX_LENGTH} characters or fewer."
        url = text_value(raw, "url")
        if not url:
            errors["url"] = "Give the address the button leads to."
        elif len(url) > LINK_MAX_LENGTH:
            errors["url"] = f"Shorten the link to {LINK_MAX_LENGTH:,} characters or fewer."
        elif not is_safe_link(url):
            errors["url"] = UNSAFE_LINK_MESSAGE
        if errors:
            raise BlockInvalid(errors)
        return {"label": label, "url": url}
