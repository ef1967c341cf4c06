"""An article written from an empty page with the keyboard alone, after one click into the
title: paragraphs, "/" for two headings and a quote, Ctrl+B and Ctrl+K. It is all there, in
order and formatted, after a reload, and on the reader's page once published."""

from playwright.sync_api import Page, expect

from helpers.builder_steps import column, log_in, rows, settled, start_new_page

RECIPE = "https://example.org/soup"
FOCUSED_TEXT = "() => document.activeElement && document.activeElement.textContent.trim()"


def _caret_in(page: Page, type_name: str) -> None:
    """Wait, as a person does, for the caret to show in the new block (it comes from the
    server)."""
    expect(page.locator(f"form.editing[data-block-type='{type_name}'] :focus")).to_have_count(1)


def _insert(page: Page, query: str, type_name: str) -> None:
    """ "/" in the empty paragraph under the caret, then the block type by name."""
    page.keyboard.type("/")
    expect(page.get_by_role("combobox", name="Block to insert")).to_be_focused()
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    _caret_in(page, type_name)


def _write_the_article(page: Page) -> None:
    keys = page.keyboard
    keys.press("Control+a")
    keys.type("A week of soup")
    keys.press("Enter")  # the page has no block yet: a Text block starts
    _caret_in(page, "text")
    keys.type("Monday was leek day.")
    keys.press("Enter")
    keys.type("Tuesday brought ")
    keys.press("Control+b")
    keys.type("barley")
    keys.press("Control+b")
    keys.type(" and beans.")
    keys.press("Enter")
    _insert(page, "heading", "heading")
    keys.type("Wednesday")
    keys.press("Enter")  # at the end of a heading: a Text block below
    _caret_in(page, "text")
    keys.type("Read the recipe")
    for _ in "recipe":
        keys.press("Shift+ArrowLeft")
    keys.press("Control+k")
    expect(page.get_by_role("dialog", name="Link").get_by_label("Address")).to_be_focused()
    keys.type(RECIPE)
    keys.press("Enter")
    keys.press("End")
    keys.type(".")
    keys.press("Enter")
    _insert(page, "head", "heading")
    keys.type("Thursday")
    keys.press("Enter")
    _caret_in(page, "text")
    _insert(page, "quo", "quote")  # the empty Text block it was typed in goes
    keys.type("Soup is a hug in a bowl.")
    keys.press("Escape")  # saves the quote and leaves it


def _expect_the_article(where) -> None:
    expect(where.locator("h2")).to_have_text(["Wednesday", "Thursday"])
    expect(where.locator("strong")).to_have_text(["barley"])
    expect(where.locator(f"a[href='{RECIPE}']")).to_have_text(["recipe"])
    expect(where.locator("blockquote")).to_have_text("Soup is a hug in a bowl.")
    expect(where.locator("p:not(blockquote p), h2, blockquote")).to_have_text(
        [
            "Monday was leek day.",
            "Tuesday brought barley and beans.",
            "Wednesday",
            "Read the recipe.",
            "Thursday",
            "Soup is a hug in a bowl.",
        ]
    )


def test_an_article_written_with_the_keyboard_alone(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    page.get_by_label("Title", exact=True).click()  # the one click
    _write_the_article(page)
    first = column(rows(page).first, 0)
    expect(first.get_by_role("article", name="Quote block")).to_be_visible()
    expect(page.locator("#save-status")).to_have_text("Saved")
    settled(page)  # the emptied Text block's removal, which the status does not follow

    page.reload()
    expect(page.get_by_label("Title", exact=True)).to_have_value("A week of soup")
    body = column(rows(page).first, 0)
    expect(body.locator("[data-block-id]")).to_have_count(5)
    _expect_the_article(body.locator(".block-preview"))

    for _ in range(40):  # Tab to Publish, as a keyboard user does
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_TEXT) == "Publish":
            break
    page.keyboard.press("Enter")
    expect(page.locator("#page-actions .status-badge")).to_have_text("Published")
    slug = page.get_by_label("Slug", exact=True).input_value()
    page.goto(f"/{slug}")
    expect(page.get_by_role("heading", level=1)).to_have_text("A week of soup")
    _expect_the_article(page.locator(".article-body"))
