"""axe-core finds no accessibility problem in the editor: empty, with a block focused, and
with a block's form open."""

from playwright.sync_api import expect

from helpers.axe import axe_violations
from helpers.builder_steps import add_block, column, log_in, rows, save, start_new_page
from helpers.rich_text import rich_editor


def test_axe_finds_nothing_in_an_empty_editor(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    assert axe_violations(page) == []


def test_axe_finds_nothing_with_a_block_focused_or_open(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    first = column(rows(page).first, 0)
    form = add_block(first, "Heading")
    assert axe_violations(page) == [], "with a block's form open"
    form.get_by_label("Text", exact=True).fill("A heading")
    save(form)
    text = add_block(first, "Text")
    expect(rich_editor(text)).to_be_focused()
    page.keyboard.type("Some words.")
    assert axe_violations(page) == [], "with the rich-text editor and its toolbar open"
    save(text)
    block = first.get_by_role("article", name="Text block")
    expect(block).to_be_focused()
    block.hover()
    # axe looks once the toolbars have faded in: half-way, their text is too faint.
    for toolbar in (block.locator(".block-toolbar"), page.locator(".row-toolbar")):
        expect(toolbar).to_have_css("opacity", "1")
    assert axe_violations(page) == [], "with a block focused and its toolbar shown"
    page.get_by_text("Page settings", exact=True).click()
    # The pointer left the block: its toolbar fades out before axe looks.
    for toolbar in (block.locator(".block-toolbar"), page.locator(".row-toolbar")):
        expect(toolbar).to_have_css("opacity", "0")
    assert axe_violations(page) == [], "with Page settings open"
