"""The XSS corpus's browser side: a Chromium tab that watches for payloads that run, and the
scan of what each page shows (see tests/browser/test_xss_corpus.py)."""

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Page

from helpers.xss_payloads import PAYLOADS

PLAYERS = ("https://www.youtube-nocookie.com/", "https://player.vimeo.com/")
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
# The one editable element the site makes itself: the rich-text editor of a block's form.
RICH_TEXT_EDITOR = "form.editing .rich-text > .rich-text-content"

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
SCAN = (
    """
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
      else if (name === "contenteditable" && element.matches(EDITOR)) continue;
      else if (["style", "srcdoc", "contenteditable"].includes(name)) note(element, name);
      else if (addresses.includes(name) && unsafe(value)) note(element, `${name} address`);
    }
  }
  // The article's one JSON-LD block in <head> is data that browsers never run, if it parses.
  const parses = (text) => { try { JSON.parse(text); return true; } catch (e) { return false; } };
  const structuredData = (script) => script.type === "application/ld+json" &&
    !script.hasAttribute("src") && script.parentElement === document.head && parses(script.text);
  let structured = 0;
  for (const script of document.scripts) {
    if (structuredData(script) && ++structured === 1) continue;
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
  // The editor's own templates (the block toolbar, the block inserter) sit outside #main,
  // straight in <body>.
  const OWN_TEMPLATES = ["block-toolbar", "block-inserter"];
  const own = (e) => OWN_TEMPLATES.includes(e.id) && e.parentElement === document.body;
  for (const element of document.body.querySelectorAll(foreign)) {
    if (!own(element)) note(element, "element");
  }
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
""".replace("PLAYERS", repr(list(PLAYERS)))
    .replace("EDITOR", repr(RICH_TEXT_EDITOR))
    .replace("ADDRESSES", repr(sorted(URL_ATTRIBUTES)))
)


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
        if dialog.type == "beforeunload":
            # The editor's own question before leaving unsaved text (a refused form): leave.
            dialog.accept()
            return
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
