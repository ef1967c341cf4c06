"""Undo and Redo all the way back and forth: twenty mixed changes made in the editor with
JavaScript (a reload halfway, another halfway through the undoing), five without, then as
many presses of Undo give back the page's `blog.page/1` export as it was at the start, and as
many of Redo the export as it was at the end. Each press is checked on the way too: Undo
lands on the export from before its change, Redo on the one after it; and the rows and
blocks come back under their old ids (the export holds none)."""

from playwright.sync_api import expect

from helpers.builder_pages import build_page
from helpers.builder_steps import add_block, add_row, column, log_in, rows, save, toolbar_control
from helpers.round_trip import (
    ROWS,
    block_showing,
    downloaded_export,
    operation_labels,
    press_with_javascript,
    press_without_javascript,
    stored_arrangement,
    typed_then_left,
)


def _announced(page, words):
    expect(page.locator("#announcer")).to_have_text(words)


def _open_form(page):
    return page.locator("form.builder-block.editing")


def _edit(page, text: str, new_text: str) -> None:
    """Open a block with its Edit link and type new text over its old one."""
    block = block_showing(page, text)
    form_id = block.get_attribute("id")
    toolbar_control(block, "link", "Edit").click()
    form = page.locator(f"form#{form_id}")
    expect(form).to_be_visible()
    typed_then_left(form, new_text)


def _press(page, text: str, name: str, words: str) -> None:
    """Press a control of the toolbar of the block showing `text`; wait for the read-out."""
    toolbar_control(block_showing(page, text), "button", name).click()
    _announced(page, words)


def _layout(page, row: int, label: str) -> None:
    rows(page).nth(row).get_by_label("Layout").select_option(label=label)
    _announced(page, f"Layout changed to {label}.")


def _delete_second_row(page) -> None:
    page.once("dialog", lambda dialog: dialog.accept())  # "Delete this row and every block?"
    toolbar_control(rows(page).nth(1), "button", "Delete row").click()
    expect(rows(page)).to_have_count(2)


def _restore_revision_1(page) -> None:
    """From History, the published revision, asked first."""
    page.get_by_role("navigation", name="Page actions").get_by_role("link", name="History").click()
    page.get_by_role("link", name="Restore revision 1").click()
    page.get_by_role("button", name="Restore").click()
    expect(page.get_by_text("Revision 1 is the draft again")).to_be_visible()
    page.wait_for_load_state("load")


def _duplicate_first_row(page) -> None:
    toolbar_control(rows(page).first, "button", "Duplicate row").click()
    expect(rows(page)).to_have_count(3)


# The start page: "1-1" with Alpha, Beta | Gamma, then "1" with Delta. Each step is one
# change, named as the operation log names it.
BEFORE_THE_RELOAD = [
    ("Heading block added", lambda p: add_block(column(rows(p).first, 1), "Heading")),
    ("Heading block edited", lambda p: typed_then_left(_open_form(p), "Epsilon")),
    ("Heading block edited", lambda p: _edit(p, "Alpha", "Alpha, edited")),
    (
        "Block moved to column 2",
        lambda p: _press(p, "Alpha, edited", "Move to next column", "Block moved to column 2."),
    ),
    (
        "Block moved to the next row, column 1",
        lambda p: _press(p, "Epsilon", "Move down", "Block moved to the next row, column 1."),
    ),
    ("Layout changed", lambda p: _layout(p, 0, "1 column")),
    ("Layout changed", lambda p: _layout(p, 0, "2 columns")),
    ("Row added", lambda p: add_row(p, "2 columns")),
    ("Text block added", lambda p: add_block(column(rows(p).last, 0), "Text")),
    ("Text block edited", lambda p: typed_then_left(_open_form(p), "Zeta notes", rich=True)),
]
AFTER_THE_RELOAD = [
    ("Block duplicated", lambda p: _press(p, "Zeta notes", "Duplicate", "Block duplicated.")),
    ("Row deleted", _delete_second_row),
    ("Block moved up", lambda p: _press(p, "Gamma", "Move up", "Block moved up.")),
    ("Heading block edited", lambda p: _edit(p, "Beta", "Beta, edited")),
    ("Revision 1 restored", _restore_revision_1),
    ("Heading block added", lambda p: add_block(column(rows(p).first, 0), "Heading")),
    ("Heading block edited", lambda p: typed_then_left(_open_form(p), "Eta")),
    (
        "Block moved to column 1",
        lambda p: _press(p, "Gamma", "Move to previous column", "Block moved to column 1."),
    ),
    ("Row duplicated", _duplicate_first_row),
    (
        "Block deleted",
        lambda p: _press(p, "Delta", "Delete", "Block deleted. Press Undo to bring it back."),
    ),
]


def _reload(page) -> None:
    page.reload()
    page.wait_for_load_state("load")


def _open_start_page(page, app, make_user) -> int:
    built = build_page(app, make_user("editor"), *ROWS, title="Round trip", published=True)
    log_in(page, "editor@example.com")
    page.goto(f"/builder/pages/{built.id}")
    page.wait_for_load_state("load")
    return built.id


def test_twenty_changes_undone_then_redone_with_javascript(page, app, make_user):
    page_id = _open_start_page(page, app, make_user)
    exports = [downloaded_export(page, page_id)]
    start_arrangement = stored_arrangement(app, page_id)
    for steps in (BEFORE_THE_RELOAD, AFTER_THE_RELOAD):
        for _, change in steps:
            change(page)
            exports.append(downloaded_export(page, page_id))
        _reload(page)  # the log is in the database: Undo reaches past a reload
    end_arrangement = stored_arrangement(app, page_id)
    labels = [label for label, _ in BEFORE_THE_RELOAD + AFTER_THE_RELOAD]
    assert operation_labels(app, page_id) == labels  # one operation per change
    assert exports[-1] != exports[0]

    for step in range(20, 0, -1):
        label = labels[step - 1]
        press_with_javascript(page, "Undo", f"Undone: {label}.", by_keyboard=step % 2 == 1)
        assert downloaded_export(page, page_id) == exports[step - 1], f"undoing {label}"
        if step == 11:
            _reload(page)
    assert stored_arrangement(app, page_id) == start_arrangement  # under their old ids too
    expect(column(rows(page).first, 1).locator(".block-preview")).to_have_text(["Gamma"])
    expect(block_showing(page, "Zeta notes")).to_have_count(0)

    for step, label in enumerate(labels, start=1):
        press_with_javascript(page, "Redo", f"Redone: {label}.", by_keyboard=step % 2 == 1)
        assert downloaded_export(page, page_id) == exports[step], f"redoing {label}"
    assert stored_arrangement(app, page_id) == end_arrangement
    page.reload()
    expect(block_showing(page, "Eta")).to_have_count(2)  # in the first row and its copy


def _move_alpha_to_the_next_column(page) -> None:
    """Without JavaScript a block's actions come with its form: Edit, then the move."""
    block_showing(page, "Alpha").get_by_role("link", name="Edit").click()
    page.get_by_role("button", name="Move to next column").click()
    expect(block_showing(page, "Alpha")).to_be_visible()


def _apply_one_column(page) -> None:
    first = rows(page).first
    first.get_by_label("Layout").select_option(label="1 column")
    toolbar_control(first, "button", "Apply layout").click()
    expect(rows(page).first.locator(".builder-column")).to_have_count(1)


def _delete_second_row_asked_first(page) -> None:
    toolbar_control(rows(page).nth(1), "button", "Delete row").click()
    expect(page.get_by_role("heading", name="Delete this row?")).to_be_visible()
    page.get_by_role("button", name="Delete row").click()
    expect(rows(page)).to_have_count(1)


def _add_heading_without_javascript(page) -> None:
    add_block(column(rows(page).first, 1), "Heading")


def _type_and_save(page) -> None:
    form = _open_form(page)
    form.get_by_label("Text", exact=True).fill("Epsilon")
    save(form)


WITHOUT_JAVASCRIPT = [
    ("Heading block added", _add_heading_without_javascript),
    ("Heading block edited", _type_and_save),
    ("Block moved to column 2", _move_alpha_to_the_next_column),
    ("Layout changed", _apply_one_column),
    ("Row deleted", _delete_second_row_asked_first),
]


def test_five_changes_undone_then_redone_without_javascript(no_js_page, app, make_user):
    page = no_js_page
    page_id = _open_start_page(page, app, make_user)
    exports = [downloaded_export(page, page_id)]
    start_arrangement = stored_arrangement(app, page_id)
    for _, change in WITHOUT_JAVASCRIPT:
        change(page)
        exports.append(downloaded_export(page, page_id))
    end_arrangement = stored_arrangement(app, page_id)
    labels = [label for label, _ in WITHOUT_JAVASCRIPT]
    assert operation_labels(app, page_id) == labels

    for step in range(5, 0, -1):
        press_without_javascript(page, "Undo", f"Undone: {labels[step - 1]}.")
        assert downloaded_export(page, page_id) == exports[step - 1]
    assert stored_arrangement(app, page_id) == start_arrangement

    for step, label in enumerate(labels, start=1):
        press_without_javascript(page, "Redo", f"Redone: {label}.")
        assert downloaded_export(page, page_id) == exports[step]
    assert stored_arrangement(app, page_id) == end_arrangement
