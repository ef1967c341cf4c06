"""What a person sees of the quiet canvas and its honest states: toolbars only where the
pointer or the focus is (always on touch screens), one filled button, "changes not yet live"
until Update, the slug following the title, and moves that cannot happen disabled."""

import pytest
from playwright.sync_api import expect

from helpers.builder_steps import (
    add_block,
    add_row,
    column,
    log_in,
    rows,
    save,
    settled,
    start_new_page,
    toolbar_control,
)


def _page_with_headings(page, *texts: str):
    """A new page whose first column holds headings with these texts; returns the column."""
    start_new_page(page)
    first = column(rows(page).first, 0)
    for text in texts:
        form = add_block(first, "Heading")
        form.get_by_label("Text", exact=True).fill(text)
        save(form)
    return first


def _away(page) -> None:
    """Take the pointer and the focus off the canvas."""
    page.mouse.move(1, 1)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")


def test_toolbars_show_on_hover_and_on_focus_only(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    first = _page_with_headings(page, "Quiet")
    block = first.get_by_role("article", name="Heading block")
    block_toolbar, row_toolbar = block.locator(".block-toolbar"), page.locator(".row-toolbar")
    expect(block).to_be_focused()  # where a saved block leaves the focus
    _away(page)
    expect(block_toolbar).to_have_css("opacity", "0")
    expect(row_toolbar).to_have_css("opacity", "0")
    # Hidden toolbars take no clicks either.
    expect(block_toolbar).to_have_css("pointer-events", "none")
    block.hover()
    expect(block_toolbar).to_have_css("opacity", "1")
    expect(row_toolbar).to_have_css("opacity", "1")
    _away(page)
    expect(block_toolbar).to_have_css("opacity", "0")
    block.get_by_role("link", name="Edit").focus()
    expect(block_toolbar).to_have_css("opacity", "1")
    # The type label is gone from sight; the block's name is in its accessible label.
    expect(block).not_to_contain_text("HEADING")
    expect(block).to_have_attribute("aria-label", "Heading block")


def test_toolbars_stay_shown_on_touch_screens(touch_page, make_user):
    page = touch_page
    make_user("editor")
    log_in(page, "editor@example.com")
    if not page.evaluate("() => matchMedia('(hover: none)').matches"):
        pytest.skip("this Chromium does not emulate a screen without hover")
    first = _page_with_headings(page, "Touch")
    _away(page)
    expect(first.locator(".block-toolbar")).to_have_css("opacity", "1")
    expect(page.locator(".row-toolbar")).to_have_css("opacity", "1")


def test_publish_is_the_one_filled_button_and_delete_page_is_red(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    filled = page.locator("#page-actions").evaluate(
        """nav => [...nav.querySelectorAll("button, a")]
             .filter(e => getComputedStyle(e).backgroundColor !== "rgba(0, 0, 0, 0)")
             .map(e => e.textContent.trim())"""
    )
    assert filled == ["Publish"]
    expect(page.get_by_role("link", name="Delete page")).to_have_css("color", "rgb(179, 38, 30)")
    # The title leads; the other settings wait in Page settings, and the page has one h1.
    expect(page.get_by_label("Slug", exact=True)).to_be_hidden()
    page.get_by_text("Page settings", exact=True).click()
    for label in ("Slug", "Summary", "Tags"):
        expect(page.get_by_label(label, exact=True)).to_be_visible()
    expect(page.locator("h1")).to_have_count(1)


def test_a_published_page_says_its_changes_are_not_live_until_updated(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    first = _page_with_headings(page, "Before")
    page.get_by_role("button", name="Publish", exact=True).click()
    status = page.locator("#page-actions .status-badge")
    expect(status).to_have_text("Published")

    block = first.get_by_role("article", name="Heading block")
    toolbar_control(block, "link", "Edit").click()
    form = first.locator("form.editing")
    form.get_by_label("Text", exact=True).fill("After")
    save(form)
    # Said as soon as the change is saved, and still after a reload.
    expect(status).to_have_text("Published, changes not yet live")
    page.reload()
    expect(status).to_have_text("Published, changes not yet live")
    expect(page.get_by_role("button", name="Publish", exact=True)).to_have_count(0)

    page.get_by_role("button", name="Update", exact=True).click()
    expect(status).to_have_text("Published")
    expect(page.get_by_role("button", name="Publish", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Update", exact=True)).to_have_count(0)


def test_the_slug_follows_the_title_until_typed_by_hand(page, make_user):
    make_user("author")
    log_in(page, "author@example.com")
    start_new_page(page)
    title, slug = page.get_by_label("Title", exact=True), page.get_by_label("Slug", exact=True)
    title.fill("Spring menu")
    with page.expect_response("**/details"):
        page.get_by_text("Page settings", exact=True).click()  # leaving the title saves it
    settled(page)  # the answer is in: wait for the details it brings to be swapped in
    expect(slug).to_have_value("spring-menu")
    slug.fill("what-we-cook")
    with page.expect_response("**/details"):
        title.click()  # leaving the slug saves it
    settled(page)
    expect(slug).to_have_value("what-we-cook")
    title.fill("Summer menu")
    page.get_by_label("Summary", exact=True).click()
    expect(page.locator("h1")).to_have_text("Summer menu")
    settled(page)
    page.reload()
    expect(page.get_by_label("Slug", exact=True)).to_have_value("what-we-cook")


def test_moves_that_cannot_happen_are_disabled_and_stay_so_after_moves(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    first = _page_with_headings(page, "One", "Two")
    one, two = (first.get_by_role("article").nth(index) for index in (0, 1))
    one_id, two_id = one.get_attribute("id"), two.get_attribute("id")
    expect(one.get_by_role("button", name="Move up")).to_be_disabled()
    expect(one.get_by_role("button", name="Move down")).to_be_enabled()
    expect(two.get_by_role("button", name="Move down")).to_be_disabled()

    move = page.locator(f"#{two_id}-up")
    move.focus()
    move.press("Enter")
    expect(page.locator("#announcer")).to_have_text("Block moved up.")
    expect(page.locator(f"#{two_id}-up")).to_be_disabled()
    expect(page.locator(f"#{one_id}-down")).to_be_disabled()
    expect(page.locator(f"#{one_id}-up")).to_be_enabled()
    # Pressing a disabled move asks nothing of the server: the next move is the only one sent.
    asked: list[str] = []
    page.on(
        "request", lambda request: asked.append(request.url) if "/move" in request.url else None
    )
    page.locator(f"#{two_id}-up").press("Enter")
    move = page.locator(f"#{two_id}-down")
    move.focus()
    move.press("Enter")
    expect(page.locator("#announcer")).to_have_text("Block moved down.")
    assert [url.rsplit("/", 2)[-2] for url in asked] == [two_id.split("-")[1]]
    expect(first.get_by_role("article").first).to_have_attribute("id", one_id)

    top_row = rows(page).first.get_attribute("id")
    add_row(page, "2 columns")
    expect(page.locator(f"#{top_row}-up")).to_be_disabled()
    expect(page.locator(f"#{top_row}-down")).to_be_enabled()
    bottom_row = rows(page).last.get_attribute("id")
    expect(page.locator(f"#{bottom_row}-down")).to_be_disabled()
    move = page.locator(f"#{bottom_row}-up")
    move.focus()
    move.press("Enter")
    expect(page.locator("#announcer")).to_have_text("Row moved up.")
    expect(page.locator(f"#{bottom_row}-up")).to_be_disabled()
    expect(page.locator(f"#{top_row}-down")).to_be_disabled()
    expect(page.locator(f"#{top_row}-up")).to_be_enabled()
