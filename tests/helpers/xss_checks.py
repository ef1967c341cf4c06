"""The XSS corpus's checks: what the feed and each page must show of the stored payloads,
and nothing that could run."""

import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import feedparser

from blog.content.blocks import REGISTRY

from helpers.xss_browser import PLAYERS, URL_ATTRIBUTES, Browser, Placed, as_in_input, squash

COMMENT_FIELDS = {"comment.name", "comment.comment"}
ATOM = "{http://www.w3.org/2005/Atom}"
FEED_FORBIDDEN = {
    "script", "object", "embed", "applet", "svg", "math", "style", "base", "link", "meta",
    "frame", "frameset", "form",
}  # fmt: skip
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
