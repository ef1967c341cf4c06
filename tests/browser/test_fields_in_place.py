"""An open Heading, Quote, image caption or Button reads like the article: its field takes
the reader's typography, and its label is still there for screen readers. Without
JavaScript the form stays a plain form."""

from playwright.sync_api import expect

from helpers.builder_pages import build_page
from helpers.builder_steps import log_in

QUOTE = ("quote", {"text": "Soup is a hug.", "cite": "Grandmother"})
BUTTON = ("button", {"label": "Get the recipe", "url": "/recipe"})
LOOKS = ("font-size", "font-weight", "font-style", "color", "background-color")


def _style(locator, names=LOOKS) -> dict[str, str]:
    return locator.evaluate(
        "(element, names) => Object.fromEntries(names.map("
        "name => [name, getComputedStyle(element).getPropertyValue(name)]))",
        list(names),
    )


def _editor_with(page, live_server, make_user, *blocks):
    author = make_user("editor")
    built = build_page(live_server.app, author, ("1", [list(blocks)]))
    log_in(page, "editor@example.com")
    page.goto(f"/builder/pages/{built.id}")
    return [page.locator(f"#block-{block_id}") for block_id in built.blocks[0][0]]


def _open(block):
    block.locator(".block-preview").click()
    form = block.page.locator(f"form#{block.get_attribute('id')}")
    expect(form).to_be_visible()
    return form


def test_an_open_heading_looks_like_the_heading_readers_see(page, live_server, make_user):
    small = ("heading", {"text": "Smaller", "level": 3})
    opened, section, subsection = _editor_with(page, live_server, make_user, "Soup", "Bread", small)
    form = _open(opened)
    field = form.get_by_label("Text", exact=True)  # still named by its label
    expect(form.locator("label", has_text="Text")).to_have_css("width", "1px")
    looks = ("font-size", "font-weight")
    assert _style(field, looks) == _style(section.locator("h2"), looks)
    form.get_by_label("Level").select_option(label="Subsection")
    assert _style(field, looks) == _style(subsection.locator("h3"), looks)


def test_an_open_quote_and_button_look_like_theirs(page, live_server, make_user):
    opened_quote, quote, opened_button, button = _editor_with(
        page, live_server, make_user, QUOTE, QUOTE, BUTTON, BUTTON
    )
    form = _open(opened_quote)
    quotation = form.get_by_label("Quotation")
    assert _style(quotation, ("font-style", "border-left-width")) == _style(
        quote.locator("blockquote"), ("font-style", "border-left-width")
    )
    assert _style(form.get_by_label("Source")) == _style(quote.locator("figcaption"))
    page.keyboard.press("Escape")
    form = _open(opened_button)
    look = ("background-color", "color")
    assert _style(form.get_by_label("Label"), look) == _style(button.locator("a.button"), look)


def test_without_javascript_the_heading_form_stays_plain(no_js_page, live_server, make_user):
    author = make_user("editor")
    built = build_page(live_server.app, author, ("1", [["Soup"]]))
    page = no_js_page
    log_in(page, "editor@example.com")
    page.goto(f"/builder/pages/{built.id}?edit={built.blocks[0][0][0]}")
    form = page.locator("form.editing")
    expect(form.locator("label", has_text="Text")).to_be_visible()
    field = form.get_by_label("Text", exact=True)
    assert _style(field, ("font-size",)) == _style(form.get_by_label("Level"), ("font-size",))
