"""Which link addresses a Text block's Markdown may hold, checked when it is saved.

The rich-text editor only makes links to http, https, mailto and this site; the server
holds Markdown typed in the no-JS form or imported to the same rule. Other Markdown
(headings, code blocks, quotes, images) stays accepted as before: it may be stored already,
and it is rendered safely (raw HTML off, then nh3).
"""

from collections.abc import Iterator
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from blog.content.blocks.page_elements import is_safe_link

_markdown = MarkdownIt("commonmark", {"html": False})


def _addresses(tokens: list[Token]) -> Iterator[str]:
    for token in tokens:
        if token.type == "link_open":
            yield str(token.attrGet("href") or "")
        elif token.type == "image":
            yield str(token.attrGet("src") or "")
        if token.children:
            yield from _addresses(token.children)


def is_allowed_address(address: str) -> bool:
    """True for a link the rich-text editor would make too: http(s), mailto, a path on this
    site ("/about"), or a relative one ("#notes", "next-page"), never "//elsewhere"."""
    if is_safe_link(address):
        return True
    try:
        parts = urlsplit(address)
    except ValueError:
        return False
    return not parts.scheme and not address.startswith("//") and "\\" not in address


def refused_addresses(markdown: str) -> list[str]:
    """The link and image addresses in this Markdown that no reader should be sent to,
    in order of appearance (markdown-it already turns javascript: and data: links to text)."""
    return [
        address
        for address in _addresses(_markdown.parse(markdown))
        if not is_allowed_address(address)
    ]
