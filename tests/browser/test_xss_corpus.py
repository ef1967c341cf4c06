"""No XSS payload runs: the corpus in every text field of every block type, in page titles,
summaries and tags, and in comments, loaded in Chromium as readers, editors and previewers see it.

The content is stored the way the app stores it (each block's clean(), checked_details,
checked_comment, publish), not typed into the editor field by field: that would take minutes.
One test does type a few payloads into the editor, to cover the htmx swaps. A payload that a
check refuses is a pass, and is asserted to be refused for the field it was put in.
"""

import io
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote
from xml.etree import ElementTree

import feedparser
from PIL import Image
from playwright.sync_api import Page, expect
from sqlalchemy import select

from blog.builder.blocks import REGISTRY, BlockInvalid, block_type
from blog.builder.page_details import (
    SUMMARY_MAX,
    TAGS_MAX,
    TITLE_MAX,
    apply_details,
    checked_details,
    tag_names,
)
from blog.builder.page_views import NEW_PAGE_TITLE
from blog.comments import checked_comment, refresh_comments
from blog.extensions import db
from blog.media import store_image
from blog.models import Block, Comment, Row, Tag
from blog.models import Page as StoredPage
from blog.publishing import publish
from blog.slugs import slugify, unique_slug

from builder_steps import add_block, add_row, column, log_in, save, start_new_page
from xss_payloads import PAYLOADS

EDITOR_EMAIL = "editor@example.com"
PAYLOADS_PER_PAGE = 25
TYPED_KINDS = ("text", "textarea", "url", "select")  # what a person types or picks
COMMENT_FIELDS = {"comment.name", "comment.comment"}
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
SEARCHES = ["xss", "script", "onerror", "javascript"]
SEARCH_LENGTH = 200  # what /search keeps of a query
PLAYERS = ("https://www.youtube-nocookie.com/", "https://player.vimeo.com/")
ATOM = "{http://www.w3.org/2005/Atom}"
FEED_FORBIDDEN = {
    "script", "object", "embed", "applet", "svg", "math", "style", "base", "link", "meta",
    "frame", "frameset", "form",
}  # fmt: skip
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "poster",
    "background",
}
UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:")
# Where the payload typed into a block field shows on the page; the default for a text or
# textarea field is the block's text. None: not shown as typed (Markdown is rendered, a video
# link becomes the player, a select is a choice), so only the structural checks apply.
SHOWN_AS = {
    ("text", "markdown"): None,
    ("image", "alt"): "alt",
    ("button", "url"): "href",
    ("embed", "url"): None,
}

# Installed before any page script: every way a payload signals that it ran lands in a list.
WATCH = """
window.__xssHits = [];
window.__xss = (n) => { window.__xssHits.push(String(n)); };
window.alert = window.confirm = window.prompt = (n) => window.__xss(n);
const titleProperty = Object.getOwnPropertyDescriptor(Document.prototype, "title");
Object.defineProperty(Document.prototype, "title", {
  configurable: true,
  get() { return titleProperty.get.call(this); },
  set(value) { window.__xss("document.title = " + value); titleProperty.set.call(this, value); },
});
"""

# After a load: what ran, markup that could run script, and what each field shows.
SCAN = """
async () => {
  await new Promise((done) => setTimeout(done, 0));  // let events already queued fire
  const problems = [];
  const note = (element, what) => {
    const owner = element.parentElement && element.parentElement.closest("[id]");
    problems.push(`${what} in #${owner ? owner.id : "-"}: ${element.outerHTML.slice(0, 160)}`);
  };
  const unsafe = (value) => {
    try {
      const scheme = new URL(value, document.baseURI).protocol;
      return ["javascript:", "data:", "vbscript:"].includes(scheme);
    } catch (error) { return false; }
  };
  const addresses = ADDRESSES;
  for (const element of document.querySelectorAll("*")) {
    for (const { name, value } of element.attributes) {
      if (/^on|^(data-)?hx-on/.test(name)) note(element, `handler ${name}`);
      else if (/^(data-)?hx-/.test(name) && /xss[(=]/.test(value)) note(element, `htmx ${name}`);
      else if (["style", "srcdoc", "contenteditable"].includes(name)) note(element, name);
      else if (addresses.includes(name) && unsafe(value)) note(element, `${name} address`);
    }
  }
  for (const script of document.scripts) {
    const source = new URL(script.getAttribute("src") || "inline:", document.baseURI);
    if (source.origin !== location.origin || !source.pathname.startsWith("/static/")) {
      note(script, "script");
    }
  }
  for (const frame of document.querySelectorAll("iframe")) {
    const source = frame.getAttribute("src") || "";
    if (!PLAYERS.some((player) => source.startsWith(player))) note(frame, "frame");
  }
  const foreign = "object, embed, applet, frame, frameset, base, link, meta, style, title, svg, " +
    "math, marquee, xmp, noscript, video, audio, source, template, keygen";
  for (const element of document.body.querySelectorAll(foreign)) note(element, "element");
  const text = (selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent);
  const value = (selector) => { const e = document.querySelector(selector); return e && e.value; };
  const blocks = {};
  for (const element of document.querySelectorAll("[id^='block-']")) {
    if (!/^block-[0-9]+$/.test(element.id)) continue;
    const shown = element.querySelector(".block-preview") || element;
    const image = shown.querySelector("img"), link = shown.querySelector("a");
    blocks[element.id.slice(6)] = {
      text: shown.textContent,
      alt: image && image.getAttribute("alt"),
      href: link && link.getAttribute("href"),
    };
  }
  const fields = {};
  for (const input of document.querySelectorAll("form [id^='block-']")) {
    fields[input.id] = input.value;
  }
  return {
    hits: window.__xssHits || ["the watch script did not run"],
    problems, blocks, fields,
    title: document.title,
    headline: text("#article-title").join(""),
    description: (document.querySelector("meta[name=description]") || {}).content || "",
    tags: text("ul.tags a"),
    details: {
      title: value("#page-title"), summary: value("#page-summary"), tags: value("#page-tags"),
    },
    comments: Object.fromEntries([...document.querySelectorAll("li.comment")].map((item) => [
      item.id, item.querySelector(".comment-meta strong").textContent + " / " +
        item.querySelector(".comment-body").textContent])),
    teasers: [...document.querySelectorAll("article.teaser")].map((teaser) =>
      teaser.querySelector("h2").textContent + " / " +
        [...teaser.querySelectorAll("p:not(.byline)")].map((p) => p.textContent).join("")),
    search: value("#search-q"),
    listed: text(".page-list td:first-child a"),
  };
}
""".replace("PLAYERS", repr(list(PLAYERS))).replace("ADDRESSES", repr(sorted(URL_ATTRIBUTES)))


def squash(text: str) -> str:
    """Text without any whitespace: markup splits and joins lines; the characters stay."""
    return "".join(str(text).split())


def as_in_input(text: str) -> str:
    """What an <input> holds of a value: browsers drop its line breaks."""
    return re.sub("[\r\n]", "", text)


@dataclass
class Placed:
    """Payloads as stored in one field: of a block, a comment or a page's details."""

    payloads: tuple[int, ...]
    field: str  # "heading.text", "comment.name", "page.title", ...
    value: str
    id: int = 0  # the block's or the comment's

    def __str__(self) -> str:
        numbers = ", ".join(map(str, self.payloads))
        return f"payload {numbers} in {self.field}" + (f" (#{self.id})" if self.id else "")


@dataclass
class Corpus:
    """What the corpus put where (by page id), and what was refused (payload, field)."""

    slugs: dict[int, str] = field(default_factory=dict)
    placed: dict[int, list[Placed]] = field(default_factory=dict)
    refused: list[tuple[int, str]] = field(default_factory=list)
    fields: set[str] = field(default_factory=set)

    def stored(self) -> int:
        """How many (payload, field) pairs were stored."""
        return sum(len(item.payloads) for items in self.placed.values() for item in items)


class Browser:
    """One tab under watch: payloads that run, dialogs, fetches from other sites, findings."""

    def __init__(self, page: Page, live_server):
        self.page = page
        self.findings: list[str] = []
        self.loads = 0
        self.elsewhere: list[str] = []
        # The site's own files may be cached, as behind any proxy: fewer requests per load.
        live_server.server.app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 3600
        page.add_init_script(WATCH)
        page.on("dialog", self._dialog)
        # Matched in the driver, not in Python: the site's own requests go by untouched.
        page.route(re.compile(rf"^(?!{re.escape(live_server.url)}/)https?://"), self._elsewhere)

    def _dialog(self, dialog) -> None:
        self.findings.append(f"{self.page.url}: a dialog opened: {dialog.message!r}")
        dialog.dismiss()

    def _elsewhere(self, route) -> None:
        # The video players may be asked for; nothing else outside the site ever should be.
        if not route.request.url.startswith(PLAYERS):
            self.elsewhere.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="")

    def load(self, path: str) -> dict[str, Any]:
        """Open a page and return its scan; what ran or could run becomes a finding."""
        response = self.page.goto(path, wait_until="domcontentloaded")
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        self.loads += 1
        return self.scan(path, response.headers)

    def scan(self, where: str, headers: dict | None = None) -> dict[str, Any]:
        """What the page in the tab shows; a payload that ran or could run is a finding."""
        report = self.page.evaluate(SCAN)
        report["headers"] = headers or {}
        hits = list(report["hits"])
        for frame in self.page.frames[1:]:
            # A player frame holds nothing of ours (and a lazy one never loads: no waiting).
            if frame.url not in ("", "about:blank") and not frame.url.startswith(PLAYERS):
                hits += frame.evaluate("window.__xssHits || []")
        self.findings += [f"{where}: payload ran: __xss({hit})" for hit in hits]
        self.findings += [f"{where}: {problem}" for problem in report["problems"]]
        self.findings += [f"{where}: fetched from another site: {url}" for url in self.elsewhere]
        self.elsewhere.clear()
        return report

    def expect(self, shown: bool, where: str, what: str) -> None:
        if not shown:
            self.findings.append(f"{where}: {what}")

    def report(self, corpus: Corpus) -> None:
        """Say on the test's output what was tried (seen with pytest -s, or on failure)."""
        refused = Counter(where for _, where in corpus.refused)
        print(
            f"\n{len(PAYLOADS)} payloads, {len(corpus.fields)} fields, {corpus.stored()} stored"
            f" (payload, field) pairs, {len(corpus.refused)} refused {dict(refused)},"
            f" {self.loads} page loads, {len(self.findings)} findings"
        )

    def assert_clean(self) -> None:
        assert self.findings == [], "\n".join(self.findings[:60])


# Storing the corpus, as the app would


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


# Checking what a page shows


class FeedMarkup(HTMLParser):
    """Whatever in an entry's HTML a feed reader could run."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        player = any(name == "src" and (value or "").startswith(PLAYERS) for name, value in attrs)
        if tag in FEED_FORBIDDEN or (tag == "iframe" and not player):
            self.problems.append(f"<{tag}> {attrs}")
        for name, value in attrs:
            address = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on") or name in ("style", "srcdoc"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            elif name in URL_ATTRIBUTES and address.startswith(UNSAFE_SCHEMES):
                self.problems.append(f"<{tag} {name}={value!r}>")


def check_feed(text: str, findings: list[str]) -> set[tuple[str, str]]:
    """Findings for a feed that is not well-formed or carries markup that runs; returns the
    (title, summary) of its entries."""
    parsed = feedparser.parse(text)
    if parsed.bozo:
        findings.append(f"/feed.xml is not well-formed: {parsed.bozo_exception}")
        return set()
    if "<script" in text.lower():
        findings.append("/feed.xml holds an unescaped <script")
    seen = set()
    for entry in ElementTree.fromstring(text.encode()).iter(f"{ATOM}entry"):
        markup = FeedMarkup()
        markup.feed(entry.findtext(f"{ATOM}content") or "")
        title = entry.findtext(f"{ATOM}title") or ""
        findings += [f"/feed.xml, entry {title!r}: {problem}" for problem in markup.problems]
        seen.add((title, entry.findtext(f"{ATOM}summary") or ""))
    return seen


def block_field(item: Placed) -> tuple[str, str, str] | None:
    """(block type, field name, widget) of a block field; None for comments and details."""
    type_name, name = item.field.split(".")
    if type_name not in REGISTRY:
        return None
    return type_name, name, next(f.kind for f in REGISTRY[type_name].fields if f.name == name)


def check_blocks(browser: Browser, where: str, report: dict, placed: list[Placed]) -> None:
    """Each block stands where it was put and shows its payload as typed."""
    for item in placed:
        if (known := block_field(item)) is None:
            continue
        type_name, name, kind = known
        shown = report["blocks"].get(str(item.id))
        if shown is None:
            browser.expect(False, where, f"{item}: the block is missing")
            continue
        how = SHOWN_AS.get((type_name, name), "text" if kind != "select" else None)
        if how == "text":
            typed = squash(item.value)
            if item.field == "code.code":
                typed = typed.removeprefix("\ufeff")  # Pygments drops a byte order mark
            browser.expect(typed in squash(shown["text"]), where, f"{item} is not shown")
        elif how:
            browser.expect(shown[how] == item.value, where, f"{item}: {how} is {shown[how]!r}")


def check_block_forms(browser: Browser, where: str, report: dict, placed: list[Placed]) -> None:
    """Each block's edit form holds the payload exactly as stored."""
    for item in placed:
        if (known := block_field(item)) is None:
            continue
        _, name, kind = known
        held = report["fields"].get(f"block-{item.id}-{name}")
        wanted = item.value if kind in ("textarea", "select") else as_in_input(item.value)
        if kind == "url":
            wanted = wanted.strip(" \t\f")
        browser.expect(held == wanted, where, f"{item}: the form holds {held!r}")


def check_comments(browser: Browser, where: str, report: dict, placed: list[Placed]) -> None:
    """Each approved comment shows its name and words as typed."""
    for item in placed:
        if item.field in COMMENT_FIELDS:
            shown = report["comments"].get(f"comment-{item.id}", "")
            browser.expect(squash(item.value) in squash(shown), where, f"{item} is not shown")


def check_article_details(browser: Browser, where: str, report: dict, placed: list) -> None:
    """The article's title, description and tags are the page's details as typed."""
    title, summary, tags = placed
    browser.expect(squash(report["headline"]) == squash(title.value), where, f"{title}: heading")
    browser.expect(squash(title.value) in squash(report["title"]), where, f"{title}: <title>")
    browser.expect(report["description"] == summary.value, where, f"{summary}: description")
    wanted = sorted(filter(None, tags.value.split(", ")))
    browser.expect(sorted(report["tags"]) == wanted, where, f"{tags}: {report['tags']}")


def check_editor_details(browser: Browser, where: str, report: dict, placed: list) -> None:
    """The editor's details form holds the page's details as stored."""
    title, summary, tags = (item.value for item in placed)
    held = dict(report["details"], tags=sorted((report["details"]["tags"] or "").split(", ")))
    wanted = {
        "title": as_in_input(title),
        "summary": summary,
        "tags": sorted(as_in_input(tags).split(", ")),
    }
    browser.expect(held == wanted, where, f"{placed[0]}: the details form holds {held!r}")


# The tests


def test_the_corpus_is_large_and_each_payload_names_itself():
    assert len(PAYLOADS) >= 100
    assert len(set(PAYLOADS)) == len(PAYLOADS)
    for number, payload in enumerate(PAYLOADS):
        for named in re.findall(r"(?:__xss|alert)\((\d+)\)", payload):
            assert int(named) == number, payload


def test_no_payload_runs_from_a_block_or_a_comment(page, live_server, make_user):
    corpus = store_content_pages(live_server.server.app, make_user("editor"))
    browser = Browser(page, live_server)
    for page_id, slug in corpus.slugs.items():
        where = f"/{slug} (stored, anonymous)"
        report = browser.load(f"/{slug}")
        browser.expect("public" in report["headers"].get("cache-control", ""), where, "not stored")
        check_blocks(browser, where, report, corpus.placed[page_id])
        check_comments(browser, where, report, corpus.placed[page_id])

    log_in(page, EDITOR_EMAIL)
    for page_id, slug in corpus.slugs.items():
        placed = corpus.placed[page_id]
        report = browser.load(f"/{slug}")
        check_blocks(browser, f"/{slug} (rendered)", report, placed)
        check_comments(browser, f"/{slug} (rendered)", report, placed)
        where = f"/builder/pages/{page_id}/preview"
        check_blocks(browser, where, browser.load(where), placed)
        where = f"/builder/pages/{page_id}"
        check_blocks(browser, where, browser.load(where), placed)
        # Every block open as its edit form: the payloads in inputs and textareas.
        editing = "&".join(f"edit={id}" for id in sorted({i.id for i in placed if block_field(i)}))
        check_block_forms(browser, where, browser.load(f"{where}?{editing}"), placed)
    browser.report(corpus)
    browser.assert_clean()
    assert corpus.fields == {f"{t}.{f}" for t, f in typed_fields()} | COMMENT_FIELDS


def test_no_payload_runs_from_a_title_summary_or_tag(page, live_server, make_user):
    app = live_server.server.app
    author_id = make_user("editor")
    corpus, feed_findings = Corpus(), []
    with app.app_context():
        in_feed = store_details_pages(app, author_id, corpus, feed_findings)
        # A tag's own page adds one place for its name, <title> (articles show every tag
        # name in links and attributes): open those whose name tries to close an element.
        tags = db.session.scalars(select(Tag)).all()
        tag_slugs = [tag.slug for tag in tags if "</" in tag.name]
    pages = list(corpus.placed.values())
    assert {(title.value, summary.value) for title, summary, _ in pages} <= in_feed

    browser = Browser(page, live_server)
    browser.findings += feed_findings
    for page_id, slug in corpus.slugs.items():
        where = f"/{slug} (stored, anonymous)"
        check_article_details(browser, where, browser.load(f"/{slug}"), corpus.placed[page_id])
    teasers, number, more = [], 1, True
    while more:
        teasers += map(squash, browser.load(f"/?page={number}")["teasers"])
        more, number = page.get_by_role("link", name="Older").count() > 0, number + 1
    for title, summary, _ in pages:
        shown = squash(f"{title.value} / {summary.value}") in teasers
        browser.expect(shown, "/", f"{title} or {summary} is not on the front page")
    for slug in tag_slugs:
        browser.load(f"/tags/{slug}")
    for query in SEARCHES + search_queries():
        report = browser.load(f"/search?q={quote(query)}")
        shown = as_in_input(query.strip()[:SEARCH_LENGTH])
        browser.expect(report["search"] == shown, f"/search?q={query}", "query not as typed")

    log_in(page, EDITOR_EMAIL)
    for page_id in corpus.slugs:
        where = f"/builder/pages/{page_id}"
        check_editor_details(browser, where, browser.load(where), corpus.placed[page_id])
    listed = [squash(title) for title in browser.load("/builder/")["listed"]]
    for title, _, _ in pages:
        browser.expect(squash(title.value) in listed, "/builder/", f"{title} is not listed")
    browser.report(corpus)
    browser.assert_clean()
    assert corpus.fields == {f"page.{name}" for name in DETAILS}


def test_payloads_typed_into_the_editor_and_the_comment_form_do_not_run(
    page, live_server, make_user
):
    make_user("editor")
    browser = Browser(page, live_server)
    log_in(page, EDITOR_EMAIL)
    start_new_page(page)
    target = column(add_row(page, "1 column"), 0)

    heading = add_block(target, "Heading")
    heading.get_by_label("Text", exact=True).fill(PAYLOADS[6])
    save(heading)
    expect(target.locator(".block-heading")).to_have_text(PAYLOADS[6])
    text = add_block(target, "Text")
    text.get_by_label("Text", exact=True).fill("\n\n".join(PAYLOADS[114:130]))
    save(text)
    browser.scan("editor, a Heading and a Text saved")

    target.locator(".block-preview").first.click()
    form = target.locator("form.editing")
    form.get_by_label("Text", exact=True).fill(PAYLOADS[102])
    save(form)
    expect(target.locator(".block-heading")).to_have_text(PAYLOADS[102])
    browser.scan("editor, the Heading edited in place")

    # A refused link comes back in the form as typed, with its message, and runs nothing.
    button = add_block(target, "Button")
    button.get_by_label("Label", exact=True).fill(PAYLOADS[8])
    button.get_by_label("Link", exact=True).fill(PAYLOADS[34])
    button.get_by_role("button", name="Save").click()
    expect(button.locator(".field-error")).to_be_visible()
    expect(button.get_by_label("Link", exact=True)).to_have_value(PAYLOADS[34])
    browser.scan("editor, a Button with a javascript: link refused")

    title = page.get_by_label("Title", exact=True)
    with page.expect_response(lambda response: response.url.endswith("/details")):
        title.fill(PAYLOADS[5])
        title.press("Tab")
    browser.scan("editor, the title saved")
    page.reload()
    browser.scan("editor, reloaded")
    expect(page.get_by_label("Title", exact=True)).to_have_value(PAYLOADS[5])

    page.get_by_role("button", name="Publish").click()
    with page.expect_navigation():
        page.get_by_role("link", name="View live page").click()
    browser.scan("article, rendered for its editor")
    page.get_by_label("Name", exact=True).fill(PAYLOADS[101])
    page.get_by_label("Comment", exact=True).fill(PAYLOADS[6])
    with page.expect_navigation():
        page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_role("status").first).to_contain_text(PAYLOADS[101])
    browser.scan("article, thanked for a comment")
    page.get_by_label("Name", exact=True).fill("")
    page.get_by_label("Comment", exact=True).fill(PAYLOADS[6])
    with page.expect_navigation():
        page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_label("Comment", exact=True)).to_have_value(PAYLOADS[6])
    browser.scan("article, a comment without a name refused")
    browser.assert_clean()
