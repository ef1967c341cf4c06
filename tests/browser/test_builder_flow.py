"""A new editor builds a page in the browser with the mouse, and finds it all after reload."""

from playwright.sync_api import expect

from helpers.builder_steps import (
    add_block,
    add_row,
    choose_image,
    column,
    drag,
    expect_block_texts,
    log_in,
    rows,
    save,
    start_new_page,
)
from helpers.rich_text import rich_editor


def test_build_a_page_with_the_mouse_and_find_it_after_reload(page, make_user):
    make_user("author", name="Ann")
    log_in(page, "author@example.com")
    start_new_page(page)

    row = add_row(page, "1/3 + 2/3")
    left = column(row, 0)
    heading = add_block(left, "Heading")
    heading.get_by_label("Text", exact=True).fill("Hello there")
    save(heading)
    text = add_block(left, "Text")
    # A Text block is written in its rich-text editor (once that has replaced the textarea).
    rich_editor(text).fill("Some plain words.")
    save(text)
    expect(page.locator("#announcer")).to_have_text("Text block saved.")
    expect_block_texts(left, ["Hello there", "Some plain words."])

    # Edit in place: a click on the preview opens the form where the block stands.
    left.locator(".block-preview").first.click()
    form = left.locator("form.editing")
    form.get_by_label("Text", exact=True).fill("Hello, reader")
    save(form)
    expect(left.locator(".block-preview").first).to_have_text("Hello, reader")

    # Drag the Text block above the Heading, then into the other column.
    blocks = left.locator("[data-block-id]")
    with page.expect_response(lambda r: "/order" in r.url and r.status == 204):
        drag(page, blocks.nth(1).get_by_role("button", name="Drag to reorder"), blocks.nth(0))
    expect_block_texts(left, ["Some plain words.", "Hello, reader"])
    right = column(row, 1)
    with page.expect_response(lambda r: "/order" in r.url and r.status == 204):
        drag(
            page,
            blocks.nth(0).get_by_role("button", name="Drag to reorder"),
            right.locator(".column-blocks"),
        )
    expect_block_texts(right, ["Some plain words."])

    # Drag the new row above the page's first row.
    first_row_id = rows(page).first.get_attribute("id")
    with page.expect_response(lambda r: "/rows/order" in r.url and r.status == 204):
        drag(page, row.get_by_role("button", name="Drag row to reorder"), rows(page).first)
    expect(rows(page).nth(1)).to_have_attribute("id", first_row_id)

    # Upload an image into the first column of the (now first) row.
    image = add_block(left, "Image")
    choose_image(image, "sky.png")
    image.get_by_label("Alt text", exact=True).fill("A clear blue sky")
    save(image)
    expect(left.locator("img[alt='A clear blue sky']")).to_be_visible()

    page.reload()
    row = rows(page).first
    expect(column(row, 0).locator(".block-preview").first).to_have_text("Hello, reader")
    expect_block_texts(column(row, 1), ["Some plain words."])
    expect(column(row, 0).locator("img[alt='A clear blue sky']")).to_be_visible()
    expect(rows(page).nth(1)).to_have_attribute("id", first_row_id)
