"""What a person does in the builder, as small steps shared by the browser tests."""

import re

from playwright.sync_api import Locator, Page, expect

from helpers.page_documents import png
from helpers.rich_text import rich_editor
from helpers.support import PASSWORD


def log_in(page: Page, email: str) -> None:
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Pages")).to_be_visible()


def start_new_page(page: Page) -> int:
    """Press "New page" and return the new page's id from the editor's address."""
    page.get_by_role("button", name="New page").click()
    expect(page).to_have_url(re.compile(r"/builder/pages/\d+$"))
    # A person acts once the editor has loaded: its scripts bind the fields' saves.
    page.wait_for_load_state("load")
    return int(page.url.rsplit("/", 1)[1])


def settled(page: Page) -> None:
    """Wait until no request is under way and every swap is set up: htmx binds a swapped
    form's triggers, focuses it and mounts its editor a moment after it shows."""
    busy = ".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added"
    expect(page.locator(busy)).to_have_count(0)


def rows(page: Page) -> Locator:
    return page.locator(".builder-row")


def column(row: Locator, index: int) -> Locator:
    return row.locator(".builder-column").nth(index)


def add_row(page: Page, layout_label: str) -> Locator:
    """Add a row with the named layout; returns the new (last) row."""
    count = rows(page).count()
    page.get_by_text("Add Row", exact=True).click()
    page.get_by_role("button", name=layout_label, exact=True).click()
    expect(rows(page)).to_have_count(count + 1)
    return page.locator("#" + rows(page).last.get_attribute("id"))


def add_block(target_column: Locator, type_label: str) -> Locator:
    """Add a block of the named type to a column; returns its edit form."""
    open_forms = target_column.locator("form.editing")
    count = open_forms.count()
    target_column.get_by_text("Add block", exact=True).click()
    target_column.get_by_role("button", name=type_label, exact=True).click()
    expect(open_forms).to_have_count(count + 1)
    settled(target_column.page)
    return target_column.page.locator("#" + open_forms.last.get_attribute("id"))


def start_writing(page: Page, words: str) -> tuple[Locator, Locator]:
    """As the editor: start a page, add a Text block, type `words` and Enter into it (a new
    empty paragraph follows). Returns the first column and the block's form."""
    log_in(page, "editor@example.com")
    start_new_page(page)
    first = column(rows(page).first, 0)
    form = add_block(first, "Text")
    expect(rich_editor(form)).to_be_focused()
    page.keyboard.type(words)
    page.keyboard.press("Enter")
    return first, form


def save(form: Locator) -> None:
    form_id = form.get_attribute("id")
    form.get_by_role("button", name="Save").click()
    expect(form.page.locator(f"article#{form_id}")).to_be_visible()


def expect_block_texts(target_column: Locator, texts: list[str]) -> None:
    """Wait until the column's block previews show these texts, in this order."""
    expect(target_column.locator(".block-preview")).to_have_text(texts)


def toolbar_control(item: Locator, role: str, name: str) -> Locator:
    """A control of a block's or row's toolbar, which shows while the pointer is over the
    block or row: point at it first, as a person does."""
    item.hover()
    return item.get_by_role(role, name=name, exact=True)


def drag(page: Page, handle: Locator, target: Locator, above: bool = True) -> None:
    """Drag by a handle with the mouse and drop near the top (or bottom) of target."""
    handle.scroll_into_view_if_needed()
    # The handle shows while the pointer is over its block or row.
    handle.locator("xpath=ancestor::*[@data-block-id or @data-row-id][1]").hover()
    start = handle.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    box = target.bounding_box()
    y = box["y"] + (4 if above else box["height"] - 4)
    page.mouse.move(box["x"] + box["width"] / 2, y, steps=12)
    page.mouse.move(box["x"] + box["width"] / 2 + 1, y + (1 if above else -1), steps=3)
    page.mouse.up()


def choose_image(form: Locator, name: str, size: tuple[int, int] = (640, 400)) -> None:
    """Choose a one-colour PNG of this size in an image block's file field, as a person
    picks a file."""
    form.get_by_label("Image", exact=True).set_input_files(
        files=[{"name": name, "mimeType": "image/png", "buffer": png(size, (40, 120, 200))}]
    )
