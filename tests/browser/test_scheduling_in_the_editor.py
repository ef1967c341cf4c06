"""Scheduling from the editor: "Publish at" is read in the browser's time zone and the editor
says when, in that zone, with the UTC instant in its <time>; without JavaScript the form
works in UTC, as its hint says. Cancel schedule takes it back."""

import pytest
from playwright.sync_api import expect

from helpers.builder_steps import log_in
from helpers.published_pages import make_draft_page


@pytest.fixture
def new_york_page(open_tab):
    """A tab whose browser lives in New York (UTC-5 in January)."""
    tab = open_tab(timezone_id="America/New_York")
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    assert errors == []


def test_scheduling_reads_and_shows_the_browsers_time_zone(new_york_page, live_server, make_user):
    page = new_york_page
    make_user("editor")
    page_id = make_draft_page(live_server.app, "Harbour lights", "harbour-lights")
    log_in(page, "editor@example.com")
    page.goto(f"/builder/pages/{page_id}")
    expect(page.locator("#publish-at-zone")).to_have_text(
        "Time zone: America/New_York (your browser's)"
    )
    page.get_by_label("Publish at").fill("2031-01-15T09:00")
    page.get_by_role("button", name="Schedule", exact=True).click()

    state = page.locator("#schedule-state")
    expect(state).to_contain_text("Scheduled for")
    expect(state.locator("time")).to_have_attribute("datetime", "2031-01-15T14:00:00Z")
    expect(state.locator("time")).to_contain_text("(America/New_York)")
    expect(state.locator("time")).to_contain_text("9:00")
    expect(page.get_by_label("Publish at")).to_have_value("2031-01-15T09:00")

    page.get_by_role("button", name="Cancel schedule").click()
    expect(page.get_by_text("Schedule cancelled")).to_be_visible()
    expect(page.locator("#schedule-state")).to_have_count(0)


def test_without_javascript_the_form_schedules_in_utc(no_js_page, live_server, make_user):
    make_user("editor")
    page_id = make_draft_page(live_server.app, "Night ferry", "night-ferry")
    log_in(no_js_page, "editor@example.com")
    no_js_page.goto(f"/builder/pages/{page_id}")
    expect(no_js_page.locator("#publish-at-zone")).to_have_text("Time zone: UTC")
    no_js_page.get_by_label("Publish at").fill("2031-01-15T09:00")
    no_js_page.get_by_role("button", name="Schedule", exact=True).click()
    expect(no_js_page.locator("#schedule-state")).to_contain_text(
        "Scheduled for 15 Jan 2031, 09:00 UTC."
    )
    expect(no_js_page.get_by_role("button", name="Reschedule")).to_be_visible()
