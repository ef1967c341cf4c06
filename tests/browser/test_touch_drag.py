"""Dragging a block with a finger on a touch screen reorders it, as with the mouse."""

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


def touch_drag(page, handle, target, arrived) -> None:
    """Press on the handle, slide to the top of target, and lift once `arrived` (a check of
    what the person sees) says the block stands in its new place: real touch events."""
    cdp = page.context.new_cdp_session(page)
    start, end = handle.bounding_box(), target.bounding_box()
    x0, y0 = start["x"] + start["width"] / 2, start["y"] + start["height"] / 2
    x1, y1 = end["x"] + end["width"] / 2, end["y"] + 4
    cdp.send(
        "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x0, "y": y0}]}
    )
    for step in range(1, 13):
        x, y = x0 + (x1 - x0) * step / 12, y0 + (y1 - y0) * step / 12
        cdp.send(
            "Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]}
        )
    # The finger rests on the target until the block shows there, as a person waits.
    arrived()
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def test_a_block_dragged_by_touch_moves_and_stays_moved(touch_page, make_user):
    page = touch_page
    make_user("author")
    log_in(page, "author@example.com")
    start_new_page(page)
    first = column(rows(page).first, 0)
    for text in ("Top", "Bottom"):
        form = add_block(first, "Heading")
        form.get_by_label("Text", exact=True).fill(text)
        save(form)
    blocks = first.locator("[data-block-id]")
    dragged = blocks.nth(1).get_attribute("data-block-id")
    handle = blocks.nth(1).get_by_role("button", name="Drag to reorder")

    def arrived() -> None:
        expect(blocks.first).to_have_attribute("data-block-id", dragged)

    with page.expect_response(lambda r: "/order" in r.url and r.status == 204):
        touch_drag(page, handle, blocks.nth(0), arrived)
    expect_block_texts(first, ["Bottom", "Top"])
    page.reload()
    expect(column(rows(page).first, 0).locator(".block-preview").first).to_have_text("Bottom")
