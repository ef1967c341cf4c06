"""The block inserter: "/" at the start of an empty paragraph of a Text block lists the block
types, filtered as you type; Enter adds the chosen one right after the block, with the caret
in it. The "+" under a block opens the same list there, and is a link without JavaScript."""

from playwright.sync_api import expect

from helpers.builder_pages import build_page
from helpers.builder_steps import add_block, column, log_in, rows, settled, start_new_page
from helpers.rich_text import posted_markdown, rich_editor

PALETTE = ["Heading", "Text", "Quote", "Image", "Code", "Divider", "Button", "Embed"]


def _inserter(page):
    return page.get_by_role("combobox", name="Block to insert")


def _chosen(page) -> str:
    combobox = _inserter(page)
    return page.locator("#" + combobox.get_attribute("aria-activedescendant")).inner_text()


def _empty_text_block(page):
    log_in(page, "editor@example.com")
    start_new_page(page)
    first = column(rows(page).first, 0)
    form = add_block(first, "Text")
    expect(rich_editor(form)).to_be_focused()
    return first, form


def test_slash_lists_the_block_types_filtered_as_you_type(page, make_user):
    make_user("editor")
    _first, _form = _empty_text_block(page)
    page.keyboard.type("/")

    combobox = _inserter(page)
    expect(combobox).to_be_focused()
    expect(combobox).to_have_attribute("aria-expanded", "true")
    options = page.get_by_role("listbox", name="Block types").get_by_role("option")
    expect(options).to_have_text(PALETTE)
    assert _chosen(page) == "Heading"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert _chosen(page) == "Quote"
    page.keyboard.press("ArrowUp")
    assert _chosen(page) == "Text"

    page.keyboard.type("head")
    expect(options).to_have_text(["Heading"])
    expect(page.locator("#announcer")).to_have_text("1 block type: Heading")
    assert _chosen(page) == "Heading"


def test_enter_in_the_inserter_adds_the_block_and_an_empty_text_block_goes(page, make_user):
    make_user("editor")
    first, _form = _empty_text_block(page)
    page.keyboard.type("/quo")
    page.keyboard.press("Enter")

    quote = first.locator("form[data-block-type='quote']")
    expect(quote.get_by_label("Quotation")).to_be_focused()
    page.keyboard.type("Soup is a hug in a bowl.")
    page.keyboard.press("Escape")  # saves and leaves the quote
    expect(first.get_by_role("article", name="Quote block")).to_be_visible()
    # The Text block that held only "/quo" was left empty: it is removed.
    expect(first.locator("[data-block-type='text']")).to_have_count(0)
    page.reload()
    previews = column(rows(page).first, 0).locator(".block-preview")
    expect(previews).to_have_text(["Soup is a hug in a bowl."])


def test_a_block_chosen_after_a_paragraph_goes_below_the_text(page, make_user):
    make_user("editor")
    first, form = _empty_text_block(page)
    page.keyboard.type("Leeks first.")
    page.keyboard.press("Enter")
    page.keyboard.type("/")
    page.keyboard.type("heading")
    page.keyboard.press("Enter")

    heading = first.locator("form[data-block-type='heading']")
    expect(heading.get_by_label("Text", exact=True)).to_be_focused()
    page.keyboard.type("Then soup")
    assert posted_markdown(form) == "Leeks first."
    page.keyboard.press("Escape")  # saves and leaves the heading
    expect(first.get_by_role("article", name="Heading block")).to_be_visible()
    settled(page)  # the Text block's save, sent as the caret left it
    page.reload()
    previews = column(rows(page).first, 0).locator(".block-preview")
    expect(previews).to_have_text(["Leeks first.", "Then soup"])


def test_escape_closes_the_inserter_and_keeps_what_was_typed(page, make_user):
    make_user("editor")
    _first, form = _empty_text_block(page)
    page.keyboard.type("/hea")
    page.keyboard.press("Escape")

    expect(_inserter(page)).to_have_count(0)
    expect(rich_editor(form)).to_be_focused()
    assert posted_markdown(form) == "/hea"
    expect(form).to_be_visible()  # Esc closed the inserter, not the block


def test_the_plus_under_a_block_inserts_exactly_there(page, live_server, make_user):
    author = make_user("editor")
    built = build_page(live_server.app, author, ("1", [["First", "Third"]]))
    log_in(page, "editor@example.com")
    page.goto(f"/builder/pages/{built.id}")
    first_block = page.locator(f"#block-{built.blocks[0][0][0]}")
    plus = first_block.get_by_role("button", name="Add block here")
    expect(plus).to_have_css("opacity", "0")
    plus.focus()  # shown on focus, as on hover
    expect(plus).to_have_css("opacity", "1")
    page.keyboard.press("Enter")

    expect(_inserter(page)).to_be_focused()
    expect(plus).to_have_attribute("aria-expanded", "true")
    page.keyboard.type("head")
    page.keyboard.press("Enter")
    new = page.locator("form[data-block-type='heading']")
    expect(new.get_by_label("Text", exact=True)).to_be_focused()
    page.keyboard.type("Second")
    page.keyboard.press("Escape")
    expect(column(rows(page).first, 0).locator(".block-preview")).to_have_text(
        ["First", "Second", "Third"]
    )


def test_the_plus_opens_and_closes_the_inserter_on_a_click(page, live_server, make_user):
    author = make_user("editor")
    built = build_page(live_server.app, author, ("1", [["First"]]))
    log_in(page, "editor@example.com")
    page.goto(f"/builder/pages/{built.id}")
    block = page.locator(f"#block-{built.blocks[0][0][0]}")
    block.hover()
    plus = block.get_by_role("button", name="Add block here")
    plus.click()
    expect(_inserter(page)).to_be_focused()
    plus.click()
    expect(_inserter(page)).to_have_count(0)
    expect(plus).to_have_attribute("aria-expanded", "false")


def test_the_plus_without_javascript_shows_the_types_there(no_js_page, live_server, make_user):
    author = make_user("editor")
    built = build_page(live_server.app, author, ("1", [["First", "Third"]]))
    page = no_js_page
    log_in(page, "editor@example.com")
    page.goto(f"/builder/pages/{built.id}")
    page.locator(f"#block-{built.blocks[0][0][0]}").get_by_role(
        "link", name="Add block here"
    ).click()
    page.get_by_role("form", name="Block types to add here").get_by_role(
        "button", name="Heading"
    ).click()
    form = page.locator("form.editing")
    form.get_by_label("Text", exact=True).fill("Second")
    form.get_by_role("button", name="Save").click()
    expect(column(rows(page).first, 0).locator(".block-preview")).to_have_text(
        ["First", "Second", "Third"]
    )
