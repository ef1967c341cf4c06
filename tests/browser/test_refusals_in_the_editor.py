"""What a person sees when the server refuses a change in the editor: the session ended, a
part of the page was deleted meanwhile, someone changed the page details first, or the image
was refused. Nothing they typed or uploaded is lost."""

import pytest
from playwright.sync_api import expect
from sqlalchemy import delete

from blog.extensions import db
from blog.models import LoginSession, Row

from helpers.builder_steps import (
    add_block,
    choose_image,
    column,
    log_in,
    rows,
    save,
    start_new_page,
)


def _end_every_session(live_server) -> None:
    with live_server.app.app_context():
        db.session.execute(delete(LoginSession))
        db.session.commit()


def test_a_save_after_the_session_ended_keeps_the_text_and_retries_after_login(
    page, live_server, make_user
):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    form = add_block(column(rows(page).first, 0), "Heading")
    form.get_by_label("Text", exact=True).fill("Words typed before the session ended")
    _end_every_session(live_server)
    form.get_by_role("button", name="Save").click()

    problem = page.get_by_role("alert").filter(has_text="Your session ended")
    expect(problem).to_be_visible()
    expect(form.get_by_label("Text", exact=True)).to_have_value(
        "Words typed before the session ended"
    )
    with page.context.expect_page() as opened:
        problem.get_by_role("link", name="Log in in a new tab").click()
    log_in(opened.value, "editor@example.com")
    opened.value.close()

    problem.get_by_role("button", name="Retry").click()
    block_id = form.get_attribute("id")
    expect(page.locator(f"article#{block_id}")).to_contain_text(
        "Words typed before the session ended"
    )
    expect(problem).to_be_hidden()
    page.reload()
    expect(page.locator(f"article#{block_id}")).to_contain_text(
        "Words typed before the session ended"
    )


@pytest.mark.refusals(404)
def test_saving_into_a_row_someone_deleted_is_shown_and_read_out(page, live_server, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    form = add_block(column(rows(page).first, 0), "Heading")
    form.get_by_label("Text", exact=True).fill("Words for a row that goes away")
    row_id = int(rows(page).first.get_attribute("data-row-id"))
    with live_server.app.app_context():
        db.session.execute(delete(Row).where(Row.id == row_id))
        db.session.commit()
    form.get_by_role("button", name="Save").click()

    expect(page.get_by_role("alert").filter(has_text="no longer exists")).to_be_visible()
    expect(page.locator("#announcer")).to_contain_text("no longer exists")
    expect(form.get_by_label("Text", exact=True)).to_have_value("Words for a row that goes away")


def test_a_stale_details_form_shows_the_conflict_and_keeps_the_typed_title(
    page, open_tab, make_user
):
    make_user("editor")
    log_in(page, "editor@example.com")
    page_id = start_new_page(page)
    other = open_tab()
    log_in(other, "editor@example.com")
    other.goto(f"/builder/pages/{page_id}")

    page.get_by_label("Title", exact=True).fill("The first title")
    page.get_by_label("Title", exact=True).press("Tab")
    expect(page.locator("#announcer")).not_to_be_empty()
    other.get_by_label("Title", exact=True).fill("The second title")
    other.get_by_label("Title", exact=True).press("Tab")

    conflict = other.locator("#page-details .conflict")
    expect(conflict).to_contain_text("Someone else changed these details")
    expect(conflict).to_contain_text("The first title")
    expect(other.get_by_label("Title", exact=True)).to_have_value("The second title")


def test_an_image_refused_for_its_alt_text_is_kept_for_the_next_save(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    form = add_block(column(rows(page).first, 0), "Image")
    choose_image(form, "sea.png")
    form.get_by_role("button", name="Save").click()
    expect(form.locator(".field-error")).to_contain_text("Describe the image")

    form.get_by_label("Alt text", exact=True).fill("A blue sea")
    save(form)
    picture = page.locator(f"article#{form.get_attribute('id')} img")
    expect(picture).to_have_attribute("alt", "A blue sea")
    page.reload()
    picture = page.get_by_role("img", name="A blue sea")
    expect(picture).to_be_visible()
    # Lazy and decoded apart from the page: wait until the file has come and is read.
    expect(picture).to_have_js_property("complete", True)
    expect(picture).to_have_js_property("naturalWidth", 640)
