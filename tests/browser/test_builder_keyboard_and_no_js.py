"""The same building flow through the keyboard alone, and with JavaScript turned off."""

from playwright.sync_api import expect

from helpers.builder_steps import column, expect_block_texts, log_in, rows, start_new_page


def _press(locator, key="Enter"):
    """Focus a control and press a key on it, as a keyboard user would."""
    locator.focus()
    locator.press(key)


def test_build_and_reorder_with_the_keyboard_alone(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)

    _press(page.get_by_text("Add Row", exact=True))
    _press(page.get_by_role("button", name="1/3 + 2/3", exact=True))
    expect(rows(page)).to_have_count(2)
    row = page.locator("#" + rows(page).last.get_attribute("id"))
    left = column(row, 0)
    for type_label, text in (("Heading", "First"), ("Heading", "Second")):
        _press(left.get_by_text("Add block", exact=True))
        _press(left.get_by_role("button", name=type_label, exact=True))
        # Focus lands in the new block's form: typing goes straight into its first field.
        expect(left.locator("form.editing").get_by_label("Text", exact=True)).to_be_focused()
        page.keyboard.type(text)
        _press(left.locator("form.editing").get_by_role("button", name="Save"))
        expect(left.get_by_role("article", name="Heading block").last).to_be_focused()
    expect_block_texts(left, ["First", "Second"])

    second = left.get_by_role("article").nth(1).get_attribute("id")
    _press(page.locator(f"#{second}").get_by_role("button", name="Move up"))
    expect(page.locator("#announcer")).to_have_text("Block moved up.")
    expect_block_texts(left, ["Second", "First"])
    # Focus stays on the moved block's control, so pressing again keeps moving it.
    expect(page.locator(":focus")).to_have_attribute("id", f"{second}-up")

    row_id, other_id = row.get_attribute("id"), rows(page).first.get_attribute("id")
    _press(row.get_by_role("button", name="Move row up"))
    expect(page.locator("#announcer")).to_have_text("Row moved up.")
    # Only the two rows were swapped in, each once, and focus stayed on the button pressed.
    expect(rows(page)).to_have_count(2)
    expect(rows(page).first).to_have_attribute("id", row_id)
    expect(rows(page).last).to_have_attribute("id", other_id)
    expect(page.locator(":focus")).to_have_attribute("id", f"{row_id}-up")

    page.reload()
    expect_block_texts(column(rows(page).first, 0), ["Second", "First"])


def test_build_and_reorder_without_javascript(no_js_page, make_user):
    make_user("editor")
    page = no_js_page
    log_in(page, "editor@example.com")
    start_new_page(page)

    page.get_by_text("Add Row", exact=True).click()
    page.get_by_role("button", name="2 columns", exact=True).click()
    row = page.locator("#" + rows(page).last.get_attribute("id"))
    right = column(row, 1)
    for text in ("Alpha", "Beta"):
        right.get_by_text("Add block", exact=True).click()
        right.get_by_role("button", name="Heading", exact=True).click()
        # Without JavaScript the editor reloads with the new block's form open.
        form = right.locator("form.editing")
        form.get_by_label("Text", exact=True).fill(text)
        form.get_by_role("button", name="Save").click()
        expect(right.locator("form.editing")).to_have_count(0)
    expect_block_texts(right, ["Alpha", "Beta"])

    # Without JavaScript a block's actions come with its form: Edit, then Move up.
    right.get_by_role("article").nth(1).get_by_role("link", name="Edit").click()
    right.get_by_role("button", name="Move up").click()
    expect_block_texts(right, ["Beta", "Alpha"])

    # A refused save shows the message in place, with what was typed kept.
    right.get_by_role("article").first.get_by_role("link", name="Edit").click()
    form = right.locator("form.editing")
    form.get_by_label("Text", exact=True).fill("")
    form.get_by_role("button", name="Save").click()
    expect(right.locator("form.editing .field-error")).to_contain_text("heading")

    page.goto(page.url.split("?")[0])
    expect_block_texts(column(rows(page).last, 1), ["Beta", "Alpha"])


def test_cancel_without_javascript_removes_a_block_left_empty(no_js_page, make_user):
    make_user("editor")
    page = no_js_page
    log_in(page, "editor@example.com")
    start_new_page(page)
    first = column(rows(page).first, 0)
    first.get_by_text("Add block", exact=True).click()
    first.get_by_role("button", name="Quote", exact=True).click()
    first.locator("form.editing").get_by_role("button", name="Cancel").click()

    expect(first.locator("form.editing")).to_have_count(0)
    expect(first.locator("[data-block-id]")).to_have_count(0)
