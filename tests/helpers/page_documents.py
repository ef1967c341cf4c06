"""Page documents in the export format for tests: a sample with every block type, and
Hypothesis strategies for valid documents.

Generated values are already clean (trimmed text, canonical links and languages) and their
pictures are PNGs encoded the way the media store encodes them, so importing a generated
document changes nothing but the order of its tags (pages list tags by name).
"""

import base64
import hashlib
import io
import string
from typing import Any

from hypothesis import strategies as st
from PIL import Image

from blog.content.blocks.code import OFFERED_LANGUAGES
from blog.content.blocks.text import HEADING_LEVELS
from blog.content.document import EXPORT_FORMAT
from blog.media import SAVE_OPTIONS
from blog.models.pages import LAYOUTS, PAGE_STATUSES, column_count
from blog.slugs import RESERVED_SLUGS

# The sample document


def png(size: tuple[int, int] = (40, 30), colour: Any = "teal", **options: Any) -> bytes:
    """A one-colour picture as PNG bytes, saved with these Pillow options."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG", **options)
    return buffer.getvalue()


def sha256(data: bytes) -> str:
    """The name the media store and the export format give these bytes."""
    return hashlib.sha256(data).hexdigest()


# Saved uncompressed, unlike what the media store keeps: importing re-encodes it.
PICTURE = png(compress_level=0)
PICTURE_NAME = sha256(PICTURE)
DELETE = object()


def picture_entry(data: bytes, alt: str = "") -> dict:
    """A document's "media" entry for PNG bytes."""
    return {"content_type": "image/png", "alt": alt, "base64": base64.b64encode(data).decode()}


def image(name: str) -> dict:
    """An image block showing the sample's 40 x 30 picture under this name."""
    data = {"media": name, "alt": "Tulips", "caption": "", "decorative": False}
    return {"type": "image", "data": {**data, "width": 40, "height": 30}}


def garden_document() -> dict:
    """A valid document with a block of every type, two tags and one picture."""
    return {
        "format": "blog.page/1",
        "title": "Spring garden",
        "slug": "spring-garden",
        "summary": "What grows in April — and why.",
        "tags": ["Garden", "Spring"],
        "status": "draft",
        "rows": [
            {
                "layout": "1-2",
                "columns": [
                    [{"type": "heading", "data": {"text": "Beds", "level": 2}}],
                    [{"type": "text", "data": {"markdown": "Dig *deep*."}}, image(PICTURE_NAME)],
                ],
            },
            {
                "layout": "1",
                "columns": [
                    [
                        {"type": "quote", "data": {"text": "Weeds are flowers too.", "cite": ""}},
                        {"type": "code", "data": {"code": "dig()", "language": "python"}},
                        {"type": "divider", "data": {}},
                        {"type": "button", "data": {"label": "Seeds", "url": "/seeds"}},
                        {"type": "embed", "data": {"url": "https://vimeo.com/76979871"}},
                    ]
                ],
            },
        ],
        "media": {PICTURE_NAME: picture_entry(PICTURE, "Tulips in a row")},
    }


def changed(document: dict, path: tuple, value: Any) -> dict:
    """The document with the value at `path` replaced, or removed when value is DELETE."""
    *parents, last = path
    target = document
    for key in parents:
        target = target[key]
    if value is DELETE:
        del target[last]
    else:
        target[last] = value
    return document


# Strategies

# Printable characters of any script: letters, marks, digits, punctuation, symbols, spaces.
PRINTABLE = st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs"))
LOWER_ALNUM = string.ascii_lowercase + string.digits

lines = st.text(PRINTABLE, min_size=1, max_size=30).map(str.strip).filter(bool)
passages = (
    st.text(st.one_of(PRINTABLE, st.just("\n")), min_size=1, max_size=80)
    .map(str.strip)
    .filter(bool)
)
optional_lines = st.one_of(st.just(""), lines)
words = st.text(LOWER_ALNUM, min_size=1, max_size=8)
slugs = (
    st.lists(words, min_size=1, max_size=3)
    .map("-".join)
    .filter(lambda slug: slug not in RESERVED_SLUGS)
)
# Lower-case ASCII only: SQLite and PostgreSQL then agree on the tags' order by name.
tags = st.lists(st.text(string.ascii_lowercase, min_size=1, max_size=10), max_size=4, unique=True)
links = st.one_of(
    words.map(lambda word: f"/{word}"),
    words.map(lambda word: f"https://{word}.example.com/"),
    words.map(lambda word: f"mailto:{word}@example.com"),
)
videos = st.one_of(
    st.text(string.ascii_letters + string.digits + "_-", min_size=11, max_size=11).map(
        lambda video: f"https://www.youtube.com/watch?v={video}"
    ),
    st.integers(1, 10**9).map(lambda video: f"https://vimeo.com/{video}"),
)

# The data of each block type but the image, whose data needs a picture of the document.
SIMPLE_DATA = {
    "heading": st.fixed_dictionaries({"text": lines, "level": st.sampled_from(HEADING_LEVELS)}),
    "text": st.fixed_dictionaries({"markdown": passages}),
    "quote": st.fixed_dictionaries({"text": passages, "cite": optional_lines}),
    "code": st.fixed_dictionaries(
        {"code": passages, "language": st.sampled_from([name for name, _ in OFFERED_LANGUAGES])}
    ),
    "divider": st.just({}),
    "button": st.fixed_dictionaries({"label": lines, "url": links}),
    "embed": st.fixed_dictionaries({"url": videos}),
}
BLOCK_TYPES = (*SIMPLE_DATA, "image")


def stored_png(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    """A one-colour PNG, encoded as the media store encodes what it stores."""
    return png((width, height), colour, **SAVE_OPTIONS["PNG"])


@st.composite
def pictures(draw: st.DrawFn) -> tuple[str, dict[str, Any], tuple[int, int]]:
    """A picture: its SHA-256 name, its "media" entry and its size."""
    width, height = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    colour = draw(st.tuples(*[st.integers(0, 255)] * 3))
    data = stored_png(width, height, colour)
    entry = {
        "content_type": "image/png",
        "alt": draw(optional_lines),
        "base64": base64.b64encode(data).decode("ascii"),
    }
    return sha256(data), entry, (width, height)


@st.composite
def image_data(draw: st.DrawFn, picture: tuple[str, dict[str, Any], tuple[int, int]]) -> dict:
    """An image block's data showing this picture."""
    name, _, (width, height) = picture
    decorative = draw(st.booleans())
    return {
        "media": name,
        "alt": "" if decorative else draw(lines),
        "caption": draw(optional_lines),
        "decorative": decorative,
        "width": width,
        "height": height,
    }


def blocks(document_pictures: list) -> st.SearchStrategy[dict[str, Any]]:
    """A block of any type; image blocks only when the document has pictures."""
    data_of_type = dict(SIMPLE_DATA)
    if document_pictures:
        data_of_type["image"] = st.sampled_from(document_pictures).flatmap(image_data)
    return st.sampled_from(sorted(data_of_type)).flatmap(
        lambda name: data_of_type[name].map(lambda data: {"type": name, "data": data})
    )


@st.composite
def rows(draw: st.DrawFn, document_pictures: list) -> dict[str, Any]:
    """A row of any layout with up to three blocks in each column."""
    layout = draw(st.sampled_from(LAYOUTS))
    columns = [
        draw(st.lists(blocks(document_pictures), max_size=3)) for _ in range(column_count(layout))
    ]
    return {"layout": layout, "columns": columns}


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid document; its media holds exactly the pictures its image blocks show."""
    document_pictures = draw(st.lists(pictures(), max_size=2))
    document_rows = draw(st.lists(rows(document_pictures), max_size=3))
    shown = {
        block["data"]["media"]
        for row in document_rows
        for column in row["columns"]
        for block in column
        if block["type"] == "image"
    }
    return {
        "format": EXPORT_FORMAT,
        "title": draw(lines),
        "slug": draw(slugs),
        "summary": draw(st.one_of(st.just(""), passages)),
        "tags": draw(tags),
        "status": draw(st.sampled_from(PAGE_STATUSES)),
        "rows": document_rows,
        "media": {name: entry for name, entry, _ in document_pictures if name in shown},
    }


def normalised(document: dict[str, Any]) -> dict[str, Any]:
    """The document as an export of its imported page gives it: tags in order of name."""
    return {**document, "tags": sorted(document["tags"])}
