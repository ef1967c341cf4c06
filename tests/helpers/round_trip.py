"""What the undo round trip in the browser checks and how it presses Undo and Redo: the page's
`blog.page/1` export as its editor downloads it, where each row and block is stored (ids
included), the operation log's labels, and one press of the page's "Undo" or "Redo" waited
out to the end."""

import re

from playwright.sync_api import Locator, Page, expect
from sqlalchemy import select

from blog.extensions import db
from blog.models import Block, Operation, Row

from helpers.rich_text import rich_editor

# The start page: published once, so that History holds revision 1 to restore.
ROWS = [("1-1", [["Alpha", "Beta"], ["Gamma"]]), ("1", [["Delta"]])]


def downloaded_export(page: Page, page_id: int) -> dict:
    """The page's document from the editor's export address, with the person's session."""
    response = page.request.get(f"/builder/pages/{page_id}/export.json")
    assert response.ok, response.text()
    document = response.json()
    assert document["format"] == "blog.page/1"
    return document


def stored_arrangement(app, page_id: int) -> list[tuple[int, str, list[list[int]]]]:
    """Each row's id and layout with the ids of its shown blocks per column, in page order:
    the export holds no ids, and Undo promises to bring rows and blocks back under theirs."""
    with app.app_context():
        rows = db.session.scalars(
            select(Row).where(Row.page_id == page_id).order_by(Row.position, Row.id)
        ).all()
        blocks = db.session.scalars(
            select(Block)
            .where(Block.row_id.in_([row.id for row in rows]), Block.deleted_at.is_(None))
            .order_by(Block.position, Block.id)
        ).all()
        return [
            (
                row.id,
                row.layout,
                [
                    [b.id for b in blocks if b.row_id == row.id and b.column == column]
                    for column in range(row.column_count)
                ],
            )
            for row in rows
        ]


def operation_labels(app, page_id: int) -> list[str]:
    """The labels of the page's operations not undone, oldest first."""
    with app.app_context():
        return list(
            db.session.scalars(
                select(Operation.label)
                .where(Operation.page_id == page_id, Operation.undone.is_(False))
                .order_by(Operation.id)
            )
        )


def block_showing(page: Page, text: str) -> Locator:
    """The blocks whose preview reads exactly `text`."""
    preview = page.locator(".block-preview", has_text=re.compile(rf"^\s*{re.escape(text)}\s*$"))
    return page.locator("article.builder-block").filter(has=preview)


def typed_then_left(form: Locator, text: str, rich: bool = False) -> None:
    """Type into a block's open form (its Text field, or the rich-text editor of a Text
    block), wait until the pause in typing saved it (its version moves on), then leave it
    with Esc, which records nothing more. The words go in as one input event: typed key by
    key, a stall of a second between two keys on a busy machine would save them in two
    parts, two operations."""
    version = int(form.locator("input[name=version]").input_value())
    if rich:
        rich_editor(form).click()
        form.page.keyboard.insert_text(text)
    else:
        form.get_by_label("Text", exact=True).fill(text)
    expect(form.locator("input[name=version]")).to_have_value(str(version + 1))
    expect(form.page.locator("#save-status")).to_have_text("Saved")
    form_id = form.get_attribute("id")
    form.page.keyboard.press("Escape")
    expect(form.page.locator(f"article#{form_id}")).to_be_visible()


def page_action(page: Page, label: str):
    """A button of the editor's "Page actions"."""
    actions = page.get_by_role("navigation", name="Page actions")
    return actions.get_by_role("button", name=label, exact=True)


def press_with_javascript(page: Page, which: str, expected: str, by_keyboard: bool) -> None:
    """Press "Undo" or "Redo" (its button, or Ctrl+Z / Ctrl+Shift+Z), wait for the server's
    answer and for htmx to have put it in place, and check what was read out. Waiting for the
    answer itself matters: two changes in a row may be read out in the same words."""
    address = f"/{which.lower()}"
    with page.expect_response(
        lambda answer: answer.request.method == "POST" and answer.url.endswith(address)
    ) as answered:
        if by_keyboard:
            page.keyboard.press("Control+Shift+z" if which == "Redo" else "Control+z")
        else:
            page_action(page, which).click()
    assert answered.value.status == 200, answered.value.text()
    expect(page.locator(".htmx-request")).to_have_count(0)
    expect(page.locator("#announcer")).to_have_text(expected)


def press_without_javascript(page: Page, which: str, expected: str) -> None:
    """Press "Undo" or "Redo" as a plain form and check the editor it leads back to says
    what was done."""
    with page.expect_response(
        lambda answer: answer.request.method == "POST" and answer.url.endswith(f"/{which.lower()}")
    ) as answered:
        page_action(page, which).click()
    assert answered.value.status == 303, answered.value.text()
    expect(page.locator(".flash").filter(has_text=expected)).to_be_visible()
