"""Saved as you type: a pause in typing saves the block with no click, one status says whether
it is stored, leaving with unsaved text asks first, a lost connection offers Retry, Ctrl+S
saves now, Esc leaves the block, and a block left empty disappears."""

import pytest
from playwright.sync_api import expect

from helpers.builder_steps import (
    add_block,
    choose_image,
    column,
    log_in,
    rows,
    start_new_page,
    toolbar_control,
)
from helpers.held_requests import HeldRequests

# What Chromium and htmx log when a request cannot reach the server at all.
OFFLINE = ("ERR_INTERNET_DISCONNECTED", "htmx:sendError", "htmx:afterRequest")


def _editor_with_heading(page, make_user):
    """Log in, start a page, and add a Heading block; returns its (open) form."""
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    return add_block(column(rows(page).first, 0), "Heading")


def _heading_text(form):
    return form.get_by_label("Text", exact=True)


def test_typing_then_waiting_saves_with_no_click(page, make_user):
    form = _editor_with_heading(page, make_user)
    block_id = form.get_attribute("id")
    _heading_text(form).fill("Written, never clicked")

    expect(page.locator("#save-status")).to_have_text("Saved")
    # The form stays open under the caret; only the version moved on.
    expect(page.locator(f"form#{block_id}")).to_be_visible()
    expect(form.locator("input[name=version]")).to_have_value("2")
    page.reload()
    expect(page.locator(f"article#{block_id}")).to_contain_text("Written, never clicked")


def test_typing_on_after_a_save_saves_again_under_the_new_version(page, make_user):
    form = _editor_with_heading(page, make_user)
    _heading_text(form).fill("First words")
    expect(form.locator("input[name=version]")).to_have_value("2")
    _heading_text(form).press("End")
    # In one input event: keys typed one by one, with a stall of a second between two of
    # them on a busy machine, would be saved in two parts.
    page.keyboard.insert_text(", then more")
    expect(form.locator("input[name=version]")).to_have_value("3")
    expect(page.locator("#save-status")).to_have_text("Saved")
    page.reload()
    expect(page.locator(f"article#{form.get_attribute('id')}")).to_contain_text(
        "First words, then more"
    )


def test_leaving_the_page_while_a_save_is_under_way_asks_first(page, make_user):
    saves = HeldRequests(page, "**/builder/blocks/*")
    form = _editor_with_heading(page, make_user)
    saves.hold()
    _heading_text(form).fill("Words on their way")
    expect(page.locator("#save-status")).to_have_text("Saving…")

    page.once("dialog", lambda dialog: dialog.dismiss())  # "Stay on this page"
    with page.expect_event("dialog") as asked:
        page.get_by_role("navigation", name="Site").get_by_role("link", name="Builder").click()
    assert asked.value.type == "beforeunload"
    expect(_heading_text(form)).to_have_value("Words on their way")
    saves.first().continue_()
    expect(page.locator("#save-status")).to_have_text("Saved")


@pytest.mark.refusals(*OFFLINE)
def test_a_lost_connection_shows_not_saved_and_retry_saves(page, make_user):
    form = _editor_with_heading(page, make_user)
    block_id = form.get_attribute("id")
    page.context.set_offline(True)
    _heading_text(form).fill("Typed on a train")

    expect(page.locator("#save-status")).to_have_text("Not saved")
    retry = page.locator(".save-state").get_by_role("button", name="Retry")
    expect(retry).to_be_visible()
    expect(_heading_text(form)).to_have_value("Typed on a train")

    page.context.set_offline(False)
    retry.click()
    expect(page.locator("#save-status")).to_have_text("Saved")
    expect(retry).to_be_hidden()
    page.reload()
    expect(page.locator(f"article#{block_id}")).to_contain_text("Typed on a train")


def test_a_refused_autosave_shows_the_fields_message_and_keeps_the_form(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    form = add_block(column(rows(page).first, 0), "Button")
    form.get_by_label("Label", exact=True).fill("Read more")

    expect(form.locator(".field-error")).to_have_text("Give the address the button leads to.")
    expect(page.locator("#save-status")).to_have_text("Not saved")
    expect(form.get_by_label("Label", exact=True)).to_have_value("Read more")
    form.get_by_label("Link", exact=True).fill("/about")
    expect(page.locator("#save-status")).to_have_text("Saved")
    expect(form.locator(".field-error")).to_have_count(0)


def test_control_s_keeps_the_browsers_save_dialog_away_and_saves(page, make_user):
    form = _editor_with_heading(page, make_user)
    page.evaluate(
        "window.addEventListener('keydown', e => { window.savePrevented = e.defaultPrevented; })"
    )
    _heading_text(form).fill("Saved by the keyboard")
    _heading_text(form).press("Control+s")
    assert page.evaluate("window.savePrevented") is True
    expect(page.locator("#save-status")).to_have_text("Saved")


def test_control_s_saves_a_chosen_image_which_waits_for_a_save(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    form = add_block(column(rows(page).first, 0), "Image")
    choose_image(form, "dusk.png")
    form.get_by_label("Alt text", exact=True).fill("Dusk over the bay")
    form.get_by_label("Alt text", exact=True).press("Control+s")
    expect(page.locator(f"article#{form.get_attribute('id')} img")).to_have_attribute(
        "alt", "Dusk over the bay"
    )


def test_escape_saves_and_leaves_the_block(page, make_user):
    form = _editor_with_heading(page, make_user)
    block_id = form.get_attribute("id")
    _heading_text(form).fill("Left with Esc")
    _heading_text(form).press("Escape")
    expect(page.locator(f"article#{block_id}")).to_contain_text("Left with Esc")
    page.reload()
    expect(page.locator(f"article#{block_id}")).to_contain_text("Left with Esc")


@pytest.mark.parametrize("how", ["Escape", "Cancel", "focus elsewhere", "typed then erased"])
def test_a_new_block_left_empty_disappears(page, make_user, how):
    form = _editor_with_heading(page, make_user)
    block_id = form.get_attribute("id")
    if how == "Cancel":
        form.get_by_role("button", name="Cancel").click()
    elif how == "focus elsewhere":
        # The Summary waits in Page settings: opening them already takes the focus away.
        page.get_by_text("Page settings", exact=True).click()
        page.get_by_label("Summary", exact=True).click()
    else:
        if how == "typed then erased":
            page.keyboard.type("Oops")
            for _ in "Oops":
                page.keyboard.press("Backspace")
        _heading_text(form).press("Escape")

    expect(page.locator(f"#{block_id}")).to_have_count(0)
    expect(page.locator("#announcer")).to_have_text("Heading block removed: it was empty.")
    # Focus goes where the person moved it, or else to the column's "Add block".
    if how == "focus elsewhere":
        expect(page.get_by_label("Summary", exact=True)).to_be_focused()
    else:
        add = column(rows(page).first, 0).get_by_text("Add block", exact=True)
        expect(add).to_be_focused()
    page.reload()
    expect(page.locator(f"#{block_id}")).to_have_count(0)


def _someone_else_writes(open_tab, editor_url: str, block_id: str, words: str) -> None:
    """The same editor in another tab writes `words` into the block, and it is saved."""
    other = open_tab()
    log_in(other, "editor@example.com")
    other.goto(editor_url.split("#")[0])
    toolbar_control(other.locator(f"#{block_id}"), "link", "Edit").click()
    _heading_text(other.locator(f"form#{block_id}")).fill(words)
    expect(other.locator("#save-status")).to_have_text("Saved")


def test_an_autosave_someone_else_beat_shows_both_versions_and_keeps_the_typing(
    page, open_tab, make_user
):
    form = _editor_with_heading(page, make_user)
    block_id = form.get_attribute("id")
    _heading_text(form).fill("Shared heading")
    expect(page.locator("#save-status")).to_have_text("Saved")
    _someone_else_writes(open_tab, page.url, block_id, "Their heading")

    _heading_text(form).fill("My heading")
    conflict = form.locator(".conflict")
    expect(conflict).to_contain_text("Someone else saved this block")
    expect(conflict).to_contain_text("Their heading")
    expect(_heading_text(form)).to_have_value("My heading")
    expect(page.locator("#save-status")).to_have_text("Not saved")


def test_words_typed_while_a_refused_autosave_was_under_way_stay_in_the_conflict_form(
    page, open_tab, make_user
):
    saves = HeldRequests(page, "**/builder/blocks/*")
    form = _editor_with_heading(page, make_user)
    block_id = form.get_attribute("id")
    _someone_else_writes(open_tab, page.url, block_id, "Their heading")

    saves.hold()
    _heading_text(form).fill("My heading")
    first_save = saves.first()
    _heading_text(form).press("End")
    page.keyboard.insert_text(", and more")
    first_save.fallback()
    conflict = form.locator(".conflict")
    expect(conflict).to_contain_text("Their heading")
    expect(_heading_text(form)).to_have_value("My heading, and more")


def test_cancel_on_a_written_block_shows_it_as_stored(page, make_user):
    form = _editor_with_heading(page, make_user)
    block_id = form.get_attribute("id")
    _heading_text(form).fill("Kept")
    expect(page.locator("#save-status")).to_have_text("Saved")
    form.get_by_role("button", name="Cancel").click()
    expect(page.locator(f"article#{block_id}")).to_contain_text("Kept")
