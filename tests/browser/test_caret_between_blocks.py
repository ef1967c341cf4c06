"""The caret moves between blocks as in one document: ↑ at a block's first line goes into
the block above, ↓ at its last line into the block below (opening it as a click does), and
Enter in the title of an empty page starts its first Text block."""

from playwright.sync_api import expect

from helpers.builder_pages import build_page
from helpers.builder_steps import column, log_in, rows, settled, start_new_page
from helpers.rich_text import posted_markdown, rich_editor

TWO_PARAGRAPHS = ("text", {"markdown": "First line.\n\nLast line."})
BELOW = ("text", {"markdown": "Below."})


def _caret_in(page, text: str) -> None:
    """Wait until the caret stands in the paragraph holding `text`: a key pressed before the
    editor has placed it would be read from wherever the caret was."""
    page.wait_for_function(
        "(text) => { const at = getSelection().anchorNode;"
        " return !!at && (at.textContent || '').includes(text); }",
        arg=text,
    )


def test_arrow_keys_at_the_edges_of_a_block_move_into_its_neighbours(page, live_server, make_user):
    author = make_user("editor")
    built = build_page(live_server.app, author, ("1", [[TWO_PARAGRAPHS, "Middle", BELOW]]))
    first_id, heading_id, below_id = built.blocks[0][0]
    log_in(page, "editor@example.com")
    page.goto(f"/builder/pages/{built.id}")
    page.locator(f"#block-{first_id} .block-preview p").first.click()
    first = page.locator(f"form#block-{first_id}")
    expect(rich_editor(first)).to_be_focused()
    _caret_in(page, "First line.")

    page.keyboard.press("ArrowDown")  # within the block: to its second paragraph
    expect(rich_editor(first)).to_be_focused()
    _caret_in(page, "Last line.")
    page.keyboard.press("ArrowDown")  # at its last line: into the heading, opened
    heading = page.locator(f"form#block-{heading_id}")
    expect(heading.get_by_label("Text", exact=True)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(rich_editor(page.locator(f"form#block-{below_id}"))).to_be_focused()

    page.keyboard.press("ArrowUp")  # back into the heading, caret at its end
    expect(heading.get_by_label("Text", exact=True)).to_be_focused()
    page.keyboard.type("!")
    page.keyboard.press("ArrowUp")  # into the first block, caret at its end
    first = page.locator(f"form#block-{first_id}")
    expect(rich_editor(first)).to_be_focused()
    page.keyboard.type(" Really.")
    assert posted_markdown(first) == "First line.\n\nLast line. Really."
    page.keyboard.press("Escape")
    expect(page.locator(f"article#block-{first_id}")).to_be_visible()
    settled(page)  # the heading's save, sent as the caret left it
    page.reload()
    previews = column(rows(page).first, 0).locator(".block-preview")
    expect(previews.locator("p, h2")).to_have_text(
        ["First line.", "Last line. Really.", "Middle!", "Below."]
    )


def test_enter_in_the_title_of_an_empty_page_starts_a_text_block(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    title = page.get_by_label("Title", exact=True)
    title.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("Leek soup")
    page.keyboard.press("Enter")

    first = column(rows(page).first, 0)
    text = first.locator("form[data-block-type='text']")
    expect(rich_editor(text)).to_be_focused()
    page.keyboard.type("Wash the leeks.")
    page.keyboard.press("ArrowUp")  # back to the title
    expect(title).to_be_focused()
    expect(page.locator("#save-status")).to_have_text("Saved")  # saved as the caret left
    page.reload()
    expect(page.get_by_label("Title", exact=True)).to_have_value("Leek soup")
    expect(column(rows(page).first, 0).locator(".block-preview")).to_have_text(["Wash the leeks."])


def test_enter_in_the_title_goes_into_the_first_block(page, live_server, make_user):
    author = make_user("editor")
    built = build_page(live_server.app, author, ("1", [["Soup", BELOW]]))
    log_in(page, "editor@example.com")
    page.goto(f"/builder/pages/{built.id}")
    page.get_by_label("Title", exact=True).click()
    page.keyboard.press("Enter")
    heading = page.locator(f"form#block-{built.blocks[0][0][0]}")
    field = heading.get_by_label("Text", exact=True)
    expect(field).to_be_focused()
    page.keyboard.type("Leek ")  # the caret is at the heading's start
    expect(field).to_have_value("Leek Soup")
    expect(page.locator("form.editing")).to_have_count(1)  # no new block was started
