"""The rich-text editor of a Text block, as the browser tests use it: the editor, the
Markdown its form will post, a paste of clipboard HTML, and a page with the editor's
Markdown parser and serializer loaded."""

from playwright.sync_api import Locator, Page

BUNDLE = "/static/vendor/prosemirror-1.44.0-markdown-1.13.9.min.js"
EDITOR_SCRIPTS = (
    BUNDLE,
    "/static/js/rich_text_inline.js",
    "/static/js/rich_text_markdown.js",
    "/static/js/rich_text_paste.js",
)

# A paste as the browser delivers it from a real clipboard: a paste event with both types.
PASTE = """([html, text]) => {
  const editor = document.activeElement;
  const data = new DataTransfer();
  data.setData("text/html", html);
  data.setData("text/plain", text);
  const init = {clipboardData: data, bubbles: true, cancelable: true};
  editor.dispatchEvent(new ClipboardEvent("paste", init));
}"""

# Markdown read by the editor and written back, twice: the first pass canonicalizes it.
ROUND_TRIP = """(markdown) => {
  const R = window.BlogRichText;
  // Words as a reader sees them: blocks and line breaks separate words too.
  const words = (doc) => doc.textBetween(0, doc.content.size, " ", " ");
  // The editor opens only text it supports (else the Markdown field stays): so does this.
  const unsupported = R.unsupportedIn(markdown);
  if (unsupported.length) return {unsupported: unsupported};
  const first = R.parseMarkdown(markdown);
  const canonical = R.serializeMarkdown(first);
  const again = R.parseMarkdown(canonical);
  const twice = R.serializeMarkdown(again);
  return {unsupported: unsupported, canonical: canonical, twice: twice,
          stable: R.parseMarkdown(twice).eq(again), same: again.eq(first),
          text: words(first), textAgain: words(again)};
}"""


def rich_editor(form: Locator) -> Locator:
    """The editable text of a Text block's form (role textbox, named like the field), once
    the editor has replaced the Markdown textarea: the textarea has the same role and name
    until then, and typing into it as it is hidden would lose the keys."""
    named = form.get_by_role("textbox", name="Text", exact=True)
    return named.and_(form.locator(".rich-text-content"))


def posted_markdown(form: Locator) -> str:
    """The Markdown the form holds for Save: the hidden textarea the editor writes."""
    return form.locator("textarea[name='markdown']").input_value()


def paste(editor: Locator, html: str, text: str = "") -> None:
    """Paste clipboard HTML (and its plain-text twin) at the caret of the focused editor."""
    editor.focus()
    editor.page.evaluate(PASTE, [html, text or html])


def load_markdown_scripts(page: Page) -> None:
    """Load the editor's Markdown parser and serializer into the current page of the site
    (served under its CSP, as the editor is)."""
    for script in EDITOR_SCRIPTS:
        page.add_script_tag(url=script)
