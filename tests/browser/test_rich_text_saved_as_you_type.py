"""The rich-text editor and saving as you type together: formatted text typed into a Text
block is saved after a pause with no click, and Esc leaves the block with it saved."""

from playwright.sync_api import expect

from helpers.builder_steps import add_block, add_row, column, log_in, start_new_page
from helpers.rich_text import rich_editor


def test_formatted_text_typed_then_left_alone_is_saved(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    form = add_block(column(add_row(page, "1 column"), 0), "Text")
    block_id = form.get_attribute("id")
    expect(rich_editor(form)).to_be_focused()
    page.keyboard.type("Leek soup is ")
    page.keyboard.press("Control+b")
    page.keyboard.type("simple")
    page.keyboard.press("Control+b")

    expect(page.locator("#save-status")).to_have_text("Saved")
    expect(rich_editor(form)).to_be_focused()  # the editor stays open under the caret
    page.keyboard.type(" and good")
    expect(form.locator("input[name=version]")).to_have_value("3")
    page.keyboard.press("Escape")
    shown = page.locator(f"article#{block_id}")
    expect(shown.locator("strong")).to_have_text("simple")
    page.reload()
    expect(page.locator(f"article#{block_id}")).to_contain_text("Leek soup is simple and good")
    expect(page.locator(f"article#{block_id} strong")).to_have_text("simple")
