"""The text family of block types: heading, text (Markdown) and quote."""

import html
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

from blog.content.blocks.base import BlockInvalid, BlockType, Field, text_value, textarea_value
from blog.content.blocks.registry import register
from blog.content.blocks.text_links import refused_addresses
from blog.numbers import whole_number

HEADING_LEVELS = (2, 3, 4)
HEADING_MAX_LENGTH = 200
MARKDOWN_MAX_LENGTH = 20_000
QUOTE_MAX_LENGTH = 2_000
CITE_MAX_LENGTH = 200

# Raw HTML is off, so these are only the tags CommonMark itself produces.
MARKDOWN_TAGS = {
    "a", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "img", "li", "ol", "p", "pre", "strong", "ul",
}  # fmt: skip
MARKDOWN_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
LINK_SCHEMES = {"http", "https", "mailto"}

_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_markdown = MarkdownIt("commonmark", {"html": False})


# The editor renders every block each time it opens: the same text gives the same HTML.
@lru_cache(maxsize=4096)
def markdown_html(markdown: str) -> Markup:
    """Markdown rendered as CommonMark without raw HTML, then sanitized by nh3: only known
    tags, only http, https and mailto links, and links marked nofollow."""
    cleaned = nh3.clean(
        _markdown.render(markdown),
        tags=MARKDOWN_TAGS,
        attributes=MARKDOWN_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    # A long line of code scrolls inside its <pre>, which keyboard users must be able to
    # focus to scroll. After cleaning, "<pre>" can only be a real tag (typed text is escaped).
    return Markup(cleaned.replace("<pre>", '<pre tabindex="0">'))


def _heading_level(value: Any) -> int | None:
    """The level as an int when it is one of the allowed levels (form string or JSON int)."""
    level = whole_number(value, largest=max(HEADING_LEVELS))
    return level if level in HEADING_LEVELS else None


@register
class Heading(BlockType):
    """A section heading, h2 to h4 (the page title is the only h1)."""

    name = "heading"
    label = "Heading"
    fields = (
        Field("text", "Text", max_length=HEADING_MAX_LENGTH),
        Field(
            "level",
            "Level",
            kind="select",
            choices=(("2", "Section"), ("3", "Subsection"), ("4", "Minor heading")),
        ),
    )

    def defaults(self) -> dict[str, Any]:
        return {"text": "", "level": 2}

    def clean(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        errors = {}
        text = text_value(raw, "text")
        if not text:
            errors["text"] = "Write the heading's text."
        elif len(text) > HEADING_MAX_LENGTH:
            errors["text"] = f"Shorten the heading to {HEADING_MAX_LENGTH} characters or fewer."
        level = _heading_level(raw.get("level"))
        if level is None:
            errors["level"] = "must be 2, 3 or 4"
        if errors:
            raise BlockInvalid(errors)
        return {"text": text, "level": level}


@register
class Text(BlockType):
    """A passage of Markdown: paragraphs, lists, links, emphasis and code spans."""

    name = "text"
    label = "Text"
    fields = (
        Field(
            "markdown",
            "Text",
            kind="textarea",
            help="Markdown: *emphasis*, **strong**, [link](https://…), lists with -.",
            max_length=MARKDOWN_MAX_LENGTH,
        ),
    )

    def defaults(self) -> dict[str, Any]:
        return {"markdown": ""}

    def clean(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        markdown = textarea_value(raw, "markdown")
        if not markdown:
            raise BlockInvalid({"markdown": "Write some text, or delete this block."})
        if len(markdown) > MARKDOWN_MAX_LENGTH:
            message = f"Shorten the text to {MARKDOWN_MAX_LENGTH:,} characters or split it in two."
            raise BlockInvalid({"markdown": message})
        refused = refused_addresses(markdown)
        if refused:
            message = (
                f"Links may only go to http, https or mailto addresses or to pages of this "
                f"site: change or remove the link to {refused[0]}."
            )
            raise BlockInvalid({"markdown": message})
        return {"markdown": markdown}

    def render_context(self, data: Mapping[str, Any]) -> dict[str, Any]:
        return {"html": markdown_html(str(data.get("markdown", "")))}

    def plain_text(self, data: Mapping[str, Any]) -> str:
        """The words as readers see them, without Markdown's marks (`*`, `**`, `[…](…)`):
        search snippets and reading time are built from this."""
        rendered = markdown_html(str(data.get("markdown", "")))
        return html.unescape(nh3.clean(str(rendered), tags=set())).strip()


@register
class Quote(BlockType):
    """A quotation with an optional source."""

    name = "quote"
    label = "Quote"
    fields = (
        Field("text", "Quotation", kind="textarea", max_length=QUOTE_MAX_LENGTH),
        Field(
            "cite", "Source", help="Who said or wrote it (optional).", max_length=CITE_MAX_LENGTH
        ),
    )

    def defaults(self) -> dict[str, Any]:
        return {"text": "", "cite": ""}

    def clean(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        errors = {}
        text = textarea_value(raw, "text").strip()
        if not text:
            errors["text"] = "Write the quotation."
        elif len(text) > QUOTE_MAX_LENGTH:
            errors["text"] = f"Shorten the quotation to {QUOTE_MAX_LENGTH:,} characters or fewer."
        cite = text_value(raw, "cite")
        if len(cite) > CITE_MAX_LENGTH:
            errors["cite"] = f"Shorten the source to {CITE_MAX_LENGTH} characters or fewer."
        if errors:
            raise BlockInvalid(errors)
        return {"text": text, "cite": cite}

    def render_context(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """The quotation split into paragraphs at its blank lines."""
        text = str(data.get("text", ""))
        return {"paragraphs": [part.strip() for part in _BLANK_LINES.split(text) if part.strip()]}
