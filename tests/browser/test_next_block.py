"""The next block one key away: Enter at the end of a heading starts a Text block right
below it, and in a Text block one Enter starts the next paragraph."""

import pytest
from playwright.sync_api import expect

from helpers.builder_steps import add_block, add_row, column, log_in, rows, settled, start_new_page
from helpers.rich_text import posted_markdown, rich_editor

# What Chromium and htmx log when a request cannot reach the server at all.
OFFLINE = ("ERR_INTERNET_DISCONNECTED", "htmx:sendError", "htmx:afterRequest")


def test_enter_after_a_heading_starts_a_text_block_below_it(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    first_column = column(add_row(page, "1 column"), 0)
    heading = add_block(first_column, "Heading")
    heading.get_by_label("Text", exact=True).fill("Chapter one")
    heading.get_by_label("Text", exact=True).press("Enter")

    text = first_column.locator("form[data-block-type='text']")
    expect(rich_editor(text)).to_be_focused()
    page.keyboard.type("It began with a leek.")
    page.keyboard.press("Enter")  # one Enter: the next paragraph
    page.keyboard.type("Then came the soup.")
    assert posted_markdown(text) == "It began with a leek.\n\nThen came the soup."
    page.keyboard.press("Control+s")  # saves now: "Saved" may still be the heading's
    settled(page)
    expect(page.locator("#save-status")).to_have_text("Saved")

    page.reload()
    previews = column(rows(page).last, 0).locator(".block-preview")
    expect(previews).to_have_count(2)
    expect(previews.nth(0)).to_contain_text("Chapter one")
    expect(previews.nth(1).locator("p")).to_have_text(
        ["It began with a leek.", "Then came the soup."]
    )


@pytest.mark.refusals(*OFFLINE)
def test_enter_after_a_heading_with_the_connection_lost_says_so_and_keeps_the_heading(
    page, make_user
):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    first_column = column(rows(page).first, 0)
    heading = add_block(first_column, "Heading")
    heading.get_by_label("Text", exact=True).fill("Chapter one")
    page.context.set_offline(True)
    heading.get_by_label("Text", exact=True).press("Enter")

    expect(page.locator(".request-problem")).to_contain_text("the server could not be reached")
    expect(first_column.locator("form[data-block-type='text']")).to_have_count(0)
    expect(heading.get_by_label("Text", exact=True)).to_have_value("Chapter one")
