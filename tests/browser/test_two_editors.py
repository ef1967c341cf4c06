"""Two people edit one page at once: nothing either of them typed is lost."""

import pytest
from playwright.sync_api import expect

from helpers.builder_steps import (
    add_block,
    column,
    log_in,
    rows,
    save,
    start_new_page,
    toolbar_control,
)


@pytest.fixture
def second_tab(open_tab):
    return open_tab(viewport={"width": 1280, "height": 1400})


def test_same_block_conflict_keeps_the_second_editors_text(page, second_tab, make_user):
    make_user("editor")
    make_user("admin")
    log_in(page, "editor@example.com")
    page_id = start_new_page(page)
    first_column = column(rows(page).first, 0)
    form = add_block(first_column, "Heading")
    form.get_by_label("Text", exact=True).fill("Shared heading")
    save(form)

    log_in(second_tab, "admin@example.com")
    second_tab.goto(f"/builder/pages/{page_id}")
    shared_id = first_column.get_by_role("article").first.get_attribute("id")

    # Both open the same block; the first saves, then the second.
    toolbar_control(page.locator(f"#{shared_id}"), "link", "Edit").click()
    toolbar_control(second_tab.locator(f"#{shared_id}"), "link", "Edit").click()
    mine = page.locator(f"form#{shared_id}")
    mine.get_by_label("Text", exact=True).fill("Editor's words")
    save(mine)
    theirs = second_tab.locator(f"form#{shared_id}")
    theirs.get_by_label("Text", exact=True).fill("Admin's words")
    theirs.get_by_role("button", name="Save").click()

    conflict = second_tab.locator(f"form#{shared_id} .conflict")
    expect(conflict).to_contain_text("Someone else saved this block")
    expect(conflict).to_contain_text("Editor's words")
    expect(theirs.get_by_label("Text", exact=True)).to_have_value("Admin's words")

    # Saving again is a deliberate choice and goes through.
    save(theirs)
    page.reload()
    expect(page.locator(f"#{shared_id}")).to_contain_text("Admin's words")


def test_edits_to_different_blocks_both_land(page, second_tab, make_user):
    make_user("editor")
    make_user("admin")
    log_in(page, "editor@example.com")
    page_id = start_new_page(page)
    first_column = column(rows(page).first, 0)
    for text in ("One", "Two"):
        form = add_block(first_column, "Heading")
        form.get_by_label("Text", exact=True).fill(text)
        save(form)
    log_in(second_tab, "admin@example.com")
    second_tab.goto(f"/builder/pages/{page_id}")
    one, two = (first_column.get_by_role("article").nth(i).get_attribute("id") for i in (0, 1))

    toolbar_control(page.locator(f"#{one}"), "link", "Edit").click()
    toolbar_control(second_tab.locator(f"#{two}"), "link", "Edit").click()
    page.locator(f"form#{one}").get_by_label("Text", exact=True).fill("One, edited")
    second_tab.locator(f"form#{two}").get_by_label("Text", exact=True).fill("Two, edited")
    save(page.locator(f"form#{one}"))
    save(second_tab.locator(f"form#{two}"))

    page.reload()
    expect(page.locator(f"#{one}")).to_contain_text("One, edited")
    expect(page.locator(f"#{two}")).to_contain_text("Two, edited")
