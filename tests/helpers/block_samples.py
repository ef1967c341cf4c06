"""Sample data of every block type, and small readers of what clean() and the templates
answer, shared by the block type tests."""

import re

import pytest
from werkzeug.datastructures import MultiDict

from blog.content.blocks import BlockInvalid, block_type

UPLOAD = "0123456789abcdef" * 4
SAMPLES = {
    "heading": {"text": "Getting started", "level": 3},
    "text": {"markdown": "Some *emphasis* and a [link](https://example.org)."},
    "quote": {"text": "Simplicity is a prerequisite for reliability.", "cite": "E. W. Dijkstra"},
    "image": {
        "media": UPLOAD,
        "alt": "A lighthouse at dusk",
        "caption": "Pointe du Raz",
        "decorative": False,
        "width": 1200,
        "height": 800,
    },
    "code": {"code": "def greet():\n    return 'hi'", "language": "python"},
    "divider": {},
    "button": {"label": "Read more", "url": "/about"},
    "embed": {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
}
FIELD_KINDS = {"hidden", "text", "textarea", "number", "select", "checkbox", "url", "file"}


def errors_of(type_name, raw):
    """The field messages clean() refuses `raw` with."""
    with pytest.raises(BlockInvalid) as refused:
        block_type(type_name).clean(raw)
    return refused.value.errors


def clean(type_name, raw):
    return block_type(type_name).clean(raw)


def as_form(data):
    """The data as a browser would post it: strings, and an unchecked box left out."""
    return MultiDict(
        {
            name: "y" if value is True else str(value)
            for name, value in data.items()
            if value is not False
        }
    )


def opening_tag(html):
    """The first element's opening tag."""
    return re.search(r"<[a-z][^>]*>", html).group(0)
