"""Moving a block between columns and rows by keyboard alone, each move read out by the live
region; and a row's layout from 2 columns to 1 and back, which gives the blocks back."""

from playwright.sync_api import expect

from helpers.builder_pages import build_page
from helpers.builder_steps import column, expect_block_texts, log_in, rows

ROWS = [("1-1", [["Alpha"], ["Beta"]]), ("1-1", [["Gamma"], ["Delta"]])]


def _open_editor(page, app, make_user) -> int:
    built = build_page(app, make_user("editor"), *ROWS)
    log_in(page, "editor@example.com")
    page.goto(f"/builder/pages/{built.id}")
    page.wait_for_load_state("load")
    return built.blocks[0][0][0]


def _announced(page, words):
    expect(page.locator("#announcer")).to_have_text(words)


def test_a_block_goes_to_the_next_column_then_into_the_next_row_by_keyboard(page, app, make_user):
    alpha = _open_editor(page, app, make_user)
    first, second = rows(page).first, rows(page).last

    # Reach the block's toolbar with Tab, as a keyboard user does, from its Edit link.
    page.locator(f"#block-{alpha} .edit-link").focus()
    for _ in range(6):
        page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_attribute("aria-label", "Move to next column")
    page.keyboard.press("Enter")
    _announced(page, "Block moved to column 2.")
    expect_block_texts(column(first, 0), [])
    expect_block_texts(column(first, 1), ["Alpha", "Beta"])
    # Focus stays on the button pressed, which the last column disables.
    focused = page.locator(":focus")
    expect(focused).to_have_id(f"block-{alpha}-next-column")
    expect(focused).to_have_attribute("aria-disabled", "true")

    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    expect(page.locator(":focus")).to_have_id(f"block-{alpha}-down")
    page.keyboard.press("Enter")
    _announced(page, "Block moved down.")
    expect_block_texts(column(first, 1), ["Beta", "Alpha"])
    # Last in its column, but not on the page: Move down goes on into the next row.
    expect(page.locator(":focus")).to_have_id(f"block-{alpha}-down")
    expect(page.locator(":focus")).not_to_have_attribute("aria-disabled", "true")
    page.keyboard.press("Enter")
    _announced(page, "Block moved to the next row.")
    expect_block_texts(column(first, 1), ["Beta"])
    expect_block_texts(column(second, 1), ["Alpha", "Delta"])
    expect(page.locator(":focus")).to_have_id(f"block-{alpha}-down")
    # First in its column of the second row: Move up would go back into the first row.
    up = page.locator(f"#block-{alpha}-up")
    expect(up).not_to_have_attribute("aria-disabled", "true")

    page.reload()
    expect_block_texts(column(rows(page).first, 1), ["Beta"])
    expect_block_texts(column(rows(page).last, 1), ["Alpha", "Delta"])


def test_two_columns_to_one_and_back_gives_the_second_column_its_blocks(page, app, make_user):
    _open_editor(page, app, make_user)
    second = rows(page).last
    layout = second.get_by_label("Layout")
    layout.select_option(label="1 column")
    _announced(page, "Layout changed to 1 column.")
    expect_block_texts(column(rows(page).last, 0), ["Gamma", "Delta"])
    rows(page).last.get_by_label("Layout").select_option(label="2 columns")
    _announced(page, "Layout changed to 2 columns.")
    expect_block_texts(column(rows(page).last, 0), ["Gamma"])
    expect_block_texts(column(rows(page).last, 1), ["Delta"])
