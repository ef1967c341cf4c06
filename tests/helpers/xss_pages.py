"""The XSS corpus stored as the app stores content (each block's clean(), checked_details,
checked_comment, publish): pages of payloads in blocks, comments, titles, summaries and tags."""

import io
from collections.abc import Callable
from typing import Any

from PIL import Image

from blog.builder.page_details import apply_details, checked_details
from blog.builder.page_views import NEW_PAGE_TITLE
from blog.comments import checked_comment, refresh_comments
from blog.content.blocks import REGISTRY, BlockInvalid, block_type
from blog.content.limits import SUMMARY_MAX, TAGS_MAX, TITLE_MAX
from blog.content.tags import tag_names
from blog.extensions import db
from blog.media import store_image
from blog.models import Block, Comment, Row
from blog.models import Page as StoredPage
from blog.publishing import publish
from blog.slugs import slugify, unique_slug

from helpers.xss_browser import Corpus, Placed
from helpers.xss_checks import COMMENT_FIELDS, check_feed
from helpers.xss_payloads import PAYLOADS

PAYLOADS_PER_PAGE = 25
TYPED_KINDS = ("text", "textarea", "url", "select")  # what a person types or picks
DETAILS = ("title", "summary", "tags")
# How payloads accepted one by one are joined into one page's detail, and how many fit.
DETAIL_LIMITS = {
    "title": (" ", lambda values: len(" ".join(values)) <= TITLE_MAX),
    "summary": (" ", lambda values: len(" ".join(values)) <= SUMMARY_MAX),
    # A tag repeated on one page would be dropped: a page holds distinct ones.
    "tags": (
        ", ",
        lambda names: len(names) <= TAGS_MAX and len(set(map(slugify, names))) == len(names),
    ),
}
FEED_SIZE = 20  # entries in /feed.xml (blog/public/feed_views.py)
SEARCH_LENGTH = 200  # what /search keeps of a query


def png_file() -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 60, 20)).save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def valid_data(media) -> dict[str, dict[str, Any]]:
    """Data each block type accepts, so that a refusal is the payload's alone."""
    return {
        "heading": {"text": "A heading", "level": "2"},
        "text": {"markdown": "Some words."},
        "quote": {"text": "Some words.", "cite": "Someone"},
        "image": {"media": media.sha256, "width": media.width, "height": media.height,
                  "alt": "An orange square", "caption": "A caption"},
        "code": {"code": "print(1)", "language": "python"},
        "button": {"label": "Go", "url": "/"},
        "embed": {"url": "https://youtu.be/dQw4w9WgXcQ"},
    }  # fmt: skip


def typed_fields() -> list[tuple[str, str]]:
    """(block type, field) for every field of the registry a person types or picks into."""
    return [
        (name, entry.name)
        for name, kind in REGISTRY.items()
        for entry in kind.fields
        if entry.kind in TYPED_KINDS
    ]


def payload_data(name: str, number: int, base: dict, corpus: Corpus) -> tuple[dict, list]:
    """The data a block of this type stores with the payload typed into every field that
    takes it, and those fields. A field that refuses the payload must refuse it on its own
    (a pass, counted), and keeps valid data."""
    taken = []
    for type_name, field_name in typed_fields():
        if type_name != name:
            continue
        corpus.fields.add(f"{name}.{field_name}")
        try:
            block_type(name).clean({**base, field_name: PAYLOADS[number]})
        except BlockInvalid as refusal:
            assert list(refusal.errors) == [field_name], (number, name, refusal.errors)
            corpus.refused.append((number, f"{name}.{field_name}"))
        else:
            taken.append(field_name)
    if not taken:
        return {}, []
    return block_type(name).clean({**base, **dict.fromkeys(taken, PAYLOADS[number])}), taken


def store_blocks(page: StoredPage, numbers: range, media, corpus: Corpus) -> list[Placed]:
    """One row per payload; in it, one block of each type holding the payload."""
    bases = valid_data(media)
    missing = {name for name, _ in typed_fields()} - set(bases)
    assert not missing, f"give these block types valid data in valid_data(): {missing}"
    placed = []
    for position, number in enumerate(numbers):
        row = Row(position=position, layout="1-1-1-1")
        for slot, name in enumerate(bases):
            data, taken = payload_data(name, number, bases[name], corpus)
            if not taken:
                continue  # every field refused it: nothing stored
            block = Block(column=slot % 4, position=slot, type=name, data=data)
            row.blocks.append(block)
            placed += [(block, Placed((number,), f"{name}.{f}", str(data[f]))) for f in taken]
        page.rows.append(row)
    db.session.flush()
    for block, item in placed:
        item.id = block.id
    return [item for _, item in placed]


def store_comments(page: StoredPage, numbers: range, corpus: Corpus) -> list[Placed]:
    """Two approved comments per payload: one with it as the name, one as the words."""
    corpus.fields |= COMMENT_FIELDS
    placed = []
    for number in numbers:
        for field_name, form in (
            ("name", {"name": PAYLOADS[number], "comment": "Thank you."}),
            ("comment", {"name": "A reader", "comment": PAYLOADS[number]}),
        ):
            checked = checked_comment(form)
            if checked.errors:
                assert list(checked.errors) == [field_name], (number, checked.errors)
                corpus.refused.append((number, f"comment.{field_name}"))
                continue
            comment = Comment(
                page_id=page.id, author_name=checked.name, body=checked.body, status="approved"
            )
            db.session.add(comment)
            db.session.flush()
            value = checked.name if field_name == "name" else checked.body
            placed.append(Placed((number,), f"comment.{field_name}", value, comment.id))
    refresh_comments(page)
    return placed


def store_content_pages(app, author_id: int) -> Corpus:
    """Pages of PAYLOADS_PER_PAGE payloads each, in blocks and comments, published."""
    corpus = Corpus()
    with app.app_context():
        media = store_image(png_file(), author_id)
        for start in range(0, len(PAYLOADS), PAYLOADS_PER_PAGE):
            numbers = range(start, min(start + PAYLOADS_PER_PAGE, len(PAYLOADS)))
            page = StoredPage(title=f"Corpus from {start}", slug=f"corpus-{start}")
            page.author_id = author_id
            db.session.add(page)
            placed = store_blocks(page, numbers, media, corpus)
            publish(page, None)
            placed += store_comments(page, numbers, corpus)
            db.session.commit()
            corpus.slugs[page.id], corpus.placed[page.id] = page.slug, placed
    return corpus


def accepted_details(number: int, corpus: Corpus) -> dict[str, list[str]]:
    """What a page's details keep of one payload typed into each of them on a new page: a
    refused field is a pass, counted, and keeps nothing."""
    page = StoredPage(title=NEW_PAGE_TITLE, slug=slugify(NEW_PAGE_TITLE))
    form = dict.fromkeys(DETAILS, PAYLOADS[number]) | {"slug": page.slug}
    details = checked_details(page, form)
    assert set(details.errors) <= set(DETAILS), (number, details.errors)
    corpus.refused += [(number, f"page.{name}") for name in details.errors]
    corpus.fields |= {f"page.{name}" for name in DETAILS}
    kept = {"title": [details.title], "summary": [details.summary], "tags": tag_names(form["tags"])}
    return {name: [] if name in details.errors else kept[name] for name in DETAILS}


def packed(parts: list[tuple[int, list[str]]], fits: Callable[[list[str]], bool]) -> list:
    """Payloads' values gathered into as few groups as one field holds: [(numbers, values)]."""
    groups: list[tuple[list[int], list[str]]] = [([], [])]
    for number, values in (part for part in parts if part[1]):
        if groups[-1][1] and not fits(groups[-1][1] + values):
            groups.append(([], []))
        groups[-1][0].append(number)
        groups[-1][1].extend(values)
    return [group for group in groups if group[0]]


def details_of_pages(corpus: Corpus) -> list[dict[str, tuple[list[int], str]]]:
    """Each page's details, as {field: (payload numbers, text)}: every payload checked alone
    as a title, a summary and tags, and those accepted joined into as few pages as the
    fields' limits allow."""
    accepted = [accepted_details(number, corpus) for number in range(len(PAYLOADS))]
    groups = {
        name: packed([(number, kept[name]) for number, kept in enumerate(accepted)], fits)
        for name, (_, fits) in DETAIL_LIMITS.items()
    }
    pages = []
    for index in range(max(map(len, groups.values()))):
        details = {}
        for name, found in groups.items():
            numbers, values = found[index] if index < len(found) else ([], [])
            details[name] = (numbers, DETAIL_LIMITS[name][0].join(values))
        pages.append(details)
    return pages


def store_details_page(details: dict[str, tuple[list[int], str]], author_id: int) -> tuple:
    """A page made as "New page" makes it, given these details, and published; returns it
    with the details as stored."""
    page = StoredPage(title=NEW_PAGE_TITLE, slug=unique_slug(NEW_PAGE_TITLE), author_id=author_id)
    page.rows = [Row(position=0, layout="1")]
    db.session.add(page)
    db.session.flush()
    form = {name: text for name, (_, text) in details.items()} | {"slug": page.slug}
    checked = checked_details(page, form | {"title": form["title"] or f"Page {page.id}"})
    assert not checked.errors, (form, checked.errors)
    apply_details(page, checked)
    publish(page, None)
    db.session.commit()
    tags = ", ".join(tag.name for tag in page.tags)
    stored = {"title": page.title, "summary": page.summary, "tags": tags}
    return page, [Placed(tuple(details[name][0]), f"page.{name}", stored[name]) for name in DETAILS]


def store_details_pages(app, author_id: int, corpus: Corpus, feed_findings: list) -> set:
    """The corpus in pages' titles, summaries and tags, published; returns (title, summary)
    of the entries /feed.xml listed, read after every FEED_SIZE pages (all it holds)."""
    in_feed = set()
    pages = details_of_pages(corpus)
    for index, details in enumerate(pages, start=1):
        page, placed = store_details_page(details, author_id)
        corpus.slugs[page.id], corpus.placed[page.id] = page.slug, placed
        if index % FEED_SIZE == 0 or index == len(pages):
            feed = app.test_client().get("/feed.xml").get_data(as_text=True)
            in_feed |= check_feed(feed, feed_findings)
    return in_feed


def search_queries() -> list[str]:
    """The payloads, joined by spaces into as few queries as the search box keeps."""
    queries = [""]
    for payload in PAYLOADS:
        if len(queries[-1]) + 1 + len(payload) > SEARCH_LENGTH:
            queries.append("")
        queries[-1] = f"{queries[-1]} {payload}".lstrip()
    return queries
