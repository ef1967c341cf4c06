"""Writing is as usable with a screen reader as by sight: axe-core finds nothing with the
block inserter and the formatting toolbar open, and a walk-through with the keyboard meets
the toolbar, the inserter and the save status by the names and roles a screen reader reads
out, in a sensible focus order."""

from playwright.sync_api import expect

from helpers.axe import axe_violations
from helpers.builder_steps import start_writing
from helpers.rich_text import rich_editor

INSERTER_OPEN = """
- combobox "Block to insert" [expanded]
- listbox "Block types":
  - option "Heading" [selected]
  - option "Text"
  - option "Quote"
  - option "Image"
  - option "Code"
  - option "Divider"
  - option "Button"
  - option "Embed"
"""


def test_axe_finds_nothing_with_the_inserter_and_the_toolbar_open(page, make_user):
    make_user("editor")
    _first, form = start_writing(page, "Some words.")
    page.keyboard.type("/")
    expect(page.get_by_role("combobox", name="Block to insert")).to_be_focused()
    expect(form.get_by_role("toolbar", name="Text formatting")).to_be_visible()
    assert axe_violations(page) == [], "with the inserter opened by /"
    page.keyboard.type("qu")
    assert axe_violations(page) == [], "with the inserter filtered"


def test_axe_finds_nothing_with_the_inserter_open_under_a_block(page, make_user):
    make_user("editor")
    first, _form = start_writing(page, "Some words.")
    page.keyboard.press("Escape")
    block = first.get_by_role("article", name="Text block")
    block.get_by_role("button", name="Add block here").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("combobox", name="Block to insert")).to_be_focused()
    # axe looks once the controls have faded in: half-way, their text is too faint.
    expect(block.get_by_role("button", name="Add block here")).to_have_css("opacity", "1")
    expect(block.locator(".block-toolbar")).to_have_css("opacity", "1")
    assert axe_violations(page) == []


def test_a_screen_reader_meets_the_toolbar_the_inserter_and_the_status(page, make_user):
    make_user("editor")
    _first, form = start_writing(page, "Some words.")
    editor = rich_editor(form)

    # The toolbar is one stop before the text: Shift+Tab reaches it, Tab comes back.
    toolbar = form.get_by_role("toolbar", name="Text formatting")
    page.keyboard.press("Shift+Tab")
    expect(toolbar.get_by_role("button", name="Bold")).to_be_focused()
    expect(toolbar.get_by_role("button", name="Bold")).to_have_attribute("aria-pressed", "false")
    page.keyboard.press("Tab")
    expect(editor).to_be_focused()

    # "/" opens the inserter with focus in its combobox; the chosen option is announced.
    page.keyboard.press("Control+End")
    page.keyboard.type("/")
    combobox = page.get_by_role("combobox", name="Block to insert")
    expect(combobox).to_be_focused()
    inserter = page.locator(".block-inserter")
    expect(inserter).to_match_aria_snapshot(INSERTER_OPEN)
    expect(combobox).to_have_attribute("aria-activedescendant", "block-inserter-heading")
    listbox = page.get_by_role("listbox", name="Block types")
    expect(combobox).to_have_attribute("aria-controls", listbox.get_attribute("id"))
    expect(page.locator("#announcer")).to_have_text("8 block types.")
    page.keyboard.press("ArrowDown")
    expect(combobox).to_have_attribute("aria-activedescendant", "block-inserter-text")
    expect(listbox.get_by_role("option", name="Text")).to_have_attribute("aria-selected", "true")
    page.keyboard.type("zz")
    expect(page.locator("#announcer")).to_have_text("No block type matches.")
    # Esc gives focus back to the text, where it was.
    page.keyboard.press("Escape")
    expect(inserter).to_have_count(0)
    expect(editor).to_be_focused()

    # The save status is a polite live region that says what happened.
    status = page.get_by_role("status").filter(has_text="Saved")
    page.keyboard.press("Control+s")
    expect(status).to_have_count(1)
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_id("save-status")
