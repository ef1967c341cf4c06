"""Undo and Redo as a person uses them: after a reload, by the page's buttons and by
Ctrl+Z / Ctrl+Shift+Z, and with JavaScript turned off."""

from playwright.sync_api import expect

from helpers.builder_steps import (
    add_block,
    column,
    expect_block_texts,
    log_in,
    rows,
    save,
    start_new_page,
)


def _page_button(page, label):
    return page.get_by_role("navigation", name="Page actions").get_by_role("button", name=label)


def _add_heading(target_column, text):
    form = add_block(target_column, "Heading")
    form.get_by_label("Text", exact=True).fill(text)
    save(form)


def test_changes_made_before_a_reload_are_undone_and_redone(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    first = column(rows(page).first, 0)
    _add_heading(first, "Alpha")
    _add_heading(first, "Beta")
    first.get_by_role("article").nth(1).get_by_role("button", name="Move up").click()
    expect_block_texts(first, ["Beta", "Alpha"])

    page.reload()
    first = column(rows(page).first, 0)
    _page_button(page, "Undo").click()
    expect(page.locator("#announcer")).to_have_text("Undone: Block moved up.")
    expect_block_texts(first, ["Alpha", "Beta"])

    # Outside a text field (focus is on the Undo button), Ctrl+Z undoes too: Beta's text,
    # then Beta itself.
    page.keyboard.press("Control+z")
    expect(page.locator("#announcer")).to_have_text("Undone: Heading block edited.")
    page.keyboard.press("Control+z")
    expect(page.locator("#announcer")).to_have_text("Undone: Heading block added.")
    expect_block_texts(first, ["Alpha"])

    page.keyboard.press("Control+Shift+z")
    expect(page.locator("#announcer")).to_have_text("Redone: Heading block added.")
    _page_button(page, "Redo").click()
    expect(page.locator("#announcer")).to_have_text("Redone: Heading block edited.")
    expect_block_texts(first, ["Alpha", "Beta"])

    page.reload()
    expect_block_texts(column(rows(page).first, 0), ["Alpha", "Beta"])


def test_ctrl_z_in_a_text_field_is_left_to_the_field(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    first = column(rows(page).first, 0)
    _add_heading(first, "Alpha")
    title = page.get_by_label("Title", exact=True)
    title.click()
    page.keyboard.press("Control+z")
    # The block's edit is still the latest change: the page's Undo takes it back now.
    _page_button(page, "Undo").click()
    expect(page.locator("#announcer")).to_have_text("Undone: Heading block edited.")


def test_undo_without_javascript(no_js_page, make_user):
    make_user("editor")
    page = no_js_page
    log_in(page, "editor@example.com")
    start_new_page(page)
    first = column(rows(page).first, 0)
    for text in ("Alpha", "Beta"):
        _add_heading(first, text)  # the same steps as with JavaScript: each reloads the editor
    # Without JavaScript a block's actions come with its form: Edit, then Move up.
    first.get_by_role("article").nth(1).get_by_role("link", name="Edit").click()
    first.get_by_role("button", name="Move up").click()
    expect_block_texts(first, ["Beta", "Alpha"])

    _page_button(page, "Undo").click()
    expect(page.get_by_text("Undone: Block moved up.")).to_be_visible()
    expect_block_texts(column(rows(page).first, 0), ["Alpha", "Beta"])
    _page_button(page, "Redo").click()
    expect_block_texts(column(rows(page).first, 0), ["Beta", "Alpha"])
