"""Typing ahead of the next block: keys typed while the server adds the next block (Enter at
the end of a heading, "/" and a block type) go into the new block, in order, and are saved
there; if the block cannot be added, they go back where they were typed. The request for
the new block is held until the typing is done, so the typing surely falls in the gap."""

import pytest
from playwright.sync_api import Page, expect

from helpers.builder_steps import add_block, column, log_in, rows, start_new_page, start_writing
from helpers.held_requests import HeldRequests
from helpers.live_server import LiveServer
from helpers.rich_text import posted_markdown, rich_editor


@pytest.fixture
def live_server(make_app, request):
    """The app as in production; a test may give it settings (indirect parametrize)."""
    server = LiveServer(make_app(**getattr(request, "param", {}))).start()
    yield server
    server.stop()


def _new_blocks(page: Page) -> HeldRequests:
    """Requests for a block after another, held once the test says so."""
    return HeldRequests(page, "**/builder/blocks/*/after")


def _heading_with(page: Page, make_user, words: str):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    first_column = column(rows(page).first, 0)
    heading = add_block(first_column, "Heading")
    heading.get_by_label("Text", exact=True).click()
    page.keyboard.type(words)
    return first_column, heading


def _stored_blocks(page: Page):
    """The column's blocks as the editor shows them after a reload: what was saved."""
    expect(page.locator("#save-status")).to_have_text("Saved")
    expect(page.locator(".htmx-request")).to_have_count(0)
    page.reload()
    return column(rows(page).first, 0).locator(".block-preview")


def test_words_typed_right_after_enter_go_into_the_new_block(page, make_user):
    new_blocks = _new_blocks(page)
    first_column, heading = _heading_with(page, make_user, "First")
    new_blocks.hold()
    page.keyboard.press("Enter")
    page.keyboard.type("Second words")  # at once: the new block is still on its way
    new_blocks.first().continue_()

    text = first_column.locator("form[data-block-type='text']")
    expect(rich_editor(text)).to_be_focused()
    expect(rich_editor(text)).to_have_text("Second words")
    expect(heading.get_by_label("Text", exact=True)).to_have_value("First")
    page.keyboard.press("Escape")  # saves the new block and leaves it
    expect(text).to_have_count(0)
    expect(_stored_blocks(page)).to_have_text(["First", "Second words"])


def test_a_block_chosen_with_slash_gets_the_words_typed_while_it_comes(page, make_user):
    new_blocks = _new_blocks(page)
    make_user("editor")
    first_column, text = start_writing(page, "Intro")
    # "/" opens the inserter; its filter shows the one type before Enter chooses it.
    page.keyboard.type("/")
    expect(page.get_by_role("combobox", name="Block to insert")).to_be_focused()
    page.keyboard.type("head")
    choices = page.get_by_role("listbox", name="Block types").get_by_role("option")
    expect(choices).to_have_text(["Heading"])
    new_blocks.hold()
    page.keyboard.press("Enter")
    page.keyboard.type("Chapter")
    new_blocks.first().continue_()

    heading = first_column.locator("form[data-block-type='heading']")
    expect(heading.get_by_label("Text", exact=True)).to_be_focused()
    expect(heading.get_by_label("Text", exact=True)).to_have_value("Chapter")
    assert posted_markdown(text) == "Intro"
    page.keyboard.press("Escape")
    expect(heading).to_have_count(0)
    expect(_stored_blocks(page)).to_have_text(["Intro", "Chapter"])


# A page with room for one block: the server refuses the next one.
@pytest.mark.parametrize("live_server", [{"MAX_BLOCKS_PER_PAGE": 1}], indirect=True)
def test_words_typed_for_a_block_that_never_came_stay_where_they_were_typed(page, make_user):
    new_blocks = _new_blocks(page)
    _first_column, heading = _heading_with(page, make_user, "First")
    new_blocks.hold()
    page.keyboard.press("Enter")
    page.keyboard.type(" and more")
    new_blocks.first().continue_()

    field = heading.get_by_label("Text", exact=True)
    expect(field).to_have_value("First and more")
    expect(field).to_be_focused()
    expect(heading.get_by_role("status")).to_have_text(
        "The new block was not added: what you typed meanwhile is back here."
    )
    expect(page.locator("#announcer")).to_contain_text("this one has no room for more")
    page.keyboard.press("Escape")
    expect(page.locator("form.editing")).to_have_count(0)
    expect(_stored_blocks(page)).to_have_text(["First and more"])
