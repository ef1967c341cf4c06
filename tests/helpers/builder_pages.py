"""Shared pieces of the builder's view tests: pages built straight into the database, what
is stored, and a look inside the HTML the builder answers with."""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select

from blog.extensions import db
from blog.models import Block, Page, PublishingSchedule, Revision, Row, Tag, User, utcnow
from blog.publishing import publish
from blog.slugs import unique_slug

# A block given as a plain string is a heading with that text.
BlockSpec = str | tuple[str, dict[str, Any]]
RowSpec = tuple[str, list[list[BlockSpec]]]
ONE_COLUMN: RowSpec = ("1", [["First", "Second", "Third"]])


# Pages


@dataclass
class BuiltPage:
    """The ids of a page built by build_page: `blocks[row][column]` lists a column's blocks."""

    id: int
    rows: list[int]
    blocks: list[list[list[int]]]


def _block(spec: BlockSpec, column: int, position: int) -> Block:
    type_name, data = ("heading", {"text": spec, "level": 2}) if isinstance(spec, str) else spec
    return Block(column=column, position=position, type=type_name, data=dict(data))


def build_page(
    app,
    author_id: int,
    *rows: RowSpec,
    title: str = "Field notes",
    slug: str | None = None,
    published: bool = False,
) -> BuiltPage:
    """A page of `author_id` with these rows, each (layout, [[block, ...] per column])."""
    with app.app_context():
        author = db.session.get(User, author_id)
        page = Page(title=title, slug=slug or unique_slug(title), author=author)
        for position, (layout, columns) in enumerate(rows or (ONE_COLUMN,)):
            row = Row(position=position, layout=layout)
            for column, specs in enumerate(columns):
                row.blocks.extend(_block(spec, column, index) for index, spec in enumerate(specs))
            page.rows.append(row)
        db.session.add(page)
        db.session.flush()
        built = BuiltPage(
            page.id,
            [row.id for row in page.rows],
            [
                [[b.id for b in row.blocks if b.column == c] for c in range(row.column_count)]
                for row in page.rows
            ],
        )
        if published:
            publish(page, author)
        db.session.commit()
        return built


def put_in_trash(app, page_id: int) -> None:
    """Move a page to the Trash the way "Delete page" does."""
    with app.app_context():
        db.session.get(Page, page_id).deleted_at = utcnow()
        db.session.commit()


def mark_deleted(app, block_id: int) -> None:
    """Take a block off its page the way "Delete" does, so that "Undo" can bring it back."""
    with app.app_context():
        db.session.get(Block, block_id).deleted_at = utcnow()
        db.session.commit()


# What is stored


def _label(block: Block) -> str:
    return str(block.data.get("text", block.type))


def live_blocks(row_id: int, column: int) -> list[Block]:
    """The blocks a column shows, in order (call inside an app context)."""
    return list(
        db.session.scalars(
            select(Block)
            .where(Block.row_id == row_id, Block.column == column, Block.deleted_at.is_(None))
            .order_by(Block.position, Block.id)
        )
    )


def column_ids(app, row_id: int, column: int = 0) -> list[int]:
    """The ids of the blocks a column shows, in order."""
    with app.app_context():
        return [block.id for block in live_blocks(row_id, column)]


def row_ids(app, page_id: int) -> list[int]:
    """The ids of a page's rows, in order."""
    with app.app_context():
        return list(
            db.session.scalars(
                select(Row.id).where(Row.page_id == page_id).order_by(Row.position, Row.id)
            )
        )


def outline(app, page_id: int) -> list[tuple[str, list[list[str]]]]:
    """What a page shows: each row's layout and, per column, its blocks' texts in order."""
    with app.app_context():
        rows = db.session.scalars(
            select(Row).where(Row.page_id == page_id).order_by(Row.position, Row.id)
        )
        return [
            (
                row.layout,
                [[_label(b) for b in live_blocks(row.id, c)] for c in range(row.column_count)],
            )
            for row in rows
        ]


def stored_state(app) -> dict[str, list]:
    """Every page, row, block, tag, revision and publishing schedule as stored, to check
    that a refusal changed nothing."""
    with app.app_context():
        pages = db.session.scalars(select(Page).order_by(Page.id))
        rows = db.session.scalars(select(Row).order_by(Row.id))
        blocks = db.session.scalars(select(Block).order_by(Block.id))
        revisions = db.session.execute(select(Revision.page_id, Revision.number))
        return {
            "pages": [
                (p.id, p.title, p.slug, p.summary, p.status, p.updated_at, [t.name for t in p.tags])
                + (p.published_slug, p.deleted_at)
                for p in pages
            ],
            "rows": [(r.id, r.page_id, r.position, r.layout) for r in rows],
            "blocks": [
                (b.id, b.row_id, b.column, b.position, b.type, b.data, b.version, b.deleted_at)
                for b in blocks
            ],
            "tags": list(db.session.scalars(select(Tag.slug).order_by(Tag.slug))),
            "revisions": sorted(tuple(revision) for revision in revisions),
            "schedules": sorted(
                tuple(schedule)
                for schedule in db.session.execute(
                    select(PublishingSchedule.page_id, PublishingSchedule.publish_at)
                )
            ),
        }


# What the builder answers


VOID_ELEMENTS = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class Element:
    """An HTML element with its attributes and children (elements and text)."""

    def __init__(self, tag: str, attrs: list[tuple[str, str | None]]):
        self.tag = tag
        self.attrs = {name: value or "" for name, value in attrs}
        self.children: list[Element | str] = []

    @property
    def id(self) -> str:
        return self.attrs.get("id", "")

    @property
    def text(self) -> str:
        """The text inside, with runs of whitespace made one space."""
        parts = (c if isinstance(c, str) else c.text for c in self.children)
        return " ".join("".join(parts).split())

    @property
    def elements(self) -> list["Element"]:
        """The child elements (not the text between them)."""
        return [child for child in self.children if isinstance(child, Element)]

    def iter(self) -> Iterator["Element"]:
        yield self
        for child in self.elements:
            yield from child.iter()

    def find(self, element_id: str) -> "Element | None":
        return next((e for e in self.iter() if e.id == element_id), None)

    def find_all(
        self, tag: str | None = None, class_: str | None = None, **attrs: str
    ) -> list["Element"]:
        """Elements inside (and including) this one with the tag, class and attributes."""
        return [
            element
            for element in self.iter()
            if (tag is None or element.tag == tag)
            and (class_ is None or class_ in element.attrs.get("class", "").split())
            and all(element.attrs.get(name) == value for name, value in attrs.items())
        ]

    def ids(self, class_: str) -> list[str]:
        """The ids of the elements of a class inside this one, in document order."""
        return [element.id for element in self.find_all(class_=class_)]


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", [])
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs)
        self.open[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.open[-1].children.append(Element(tag, attrs))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        self.open[-1].children.append(data)


def parse_html(html: str) -> Element:
    """The document (or fragment) as a tree under a "#document" element."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def announcement(response) -> str:
    """What a response asks builder.js to read out to screen readers."""
    return json.loads(response.headers["HX-Trigger"])["announce"]


def fragment(response, status: int = 200, announced: bool = True) -> Element:
    """Check the htmx shape (the status, a fragment rather than a whole page, varying on
    HX-Request, an announcement) and return the fragment's outermost element."""
    body = response.get_data(as_text=True)
    assert response.status_code == status, body[:3000]
    assert "HX-Request" in response.vary
    if announced:
        assert announcement(response)
    tree = parse_html(body)
    assert not tree.find_all("html"), "expected a fragment, got a whole page"
    return tree.elements[0]


def editor_page(response, status: int = 200) -> Element:
    """Check that the response is the whole editor page with this status; returns it."""
    body = response.get_data(as_text=True)
    assert response.status_code == status, body[:3000]
    assert "HX-Request" in response.vary
    tree = parse_html(body)
    assert tree.find_all("html") and tree.find("rows") and tree.find("page-details")
    return tree


def back_to_editor(response, page_id: int) -> str:
    """Check the plain form's answer, a 303 to the page's editor; returns the Location."""
    assert response.status_code == 303, response.get_data(as_text=True)[:3000]
    assert "HX-Request" in response.vary
    location = response.headers["Location"]
    assert urlsplit(location).path == f"/builder/pages/{page_id}"
    return location


def flash_after(client, response) -> list[str]:
    """The messages shown on the page a redirect leads to."""
    page = parse_html(client.get(response.headers["Location"]).get_data(as_text=True))
    return [element.text for element in page.find_all(class_="flash")]
