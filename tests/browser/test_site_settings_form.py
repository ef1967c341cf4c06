"""An admin changes the site settings in the browser: the form works as a plain form, says
what is wrong in place, and readers get the new header and footer at once."""

import re

from playwright.sync_api import expect

from helpers.axe import axe_violations
from helpers.published_pages import make_published_page
from helpers.support import PASSWORD


def _log_in_as_admin(page, make_user) -> None:
    make_user("admin")
    page.goto("/login")
    page.get_by_label("Email").fill("admin@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/builder/$"))


def test_an_admin_saves_settings_and_readers_see_them(page, open_tab, make_user, app):
    make_published_page(app, "Leek soup", "leek-soup")
    _log_in_as_admin(page, make_user)
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", name="Site settings")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Site title").fill("Soup Weekly")
    page.get_by_label("Description").fill("Recipes for every season.")
    page.get_by_label("Link 1 words").fill("About")
    page.get_by_label("Link 1 address").fill("/about")
    page.get_by_label("Footer text").fill("Written in a small kitchen.")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_role("status")).to_contain_text("Settings saved")

    reader = open_tab()
    reader.goto("/leek-soup")
    expect(reader).to_have_title("Leek soup · Soup Weekly")
    header = reader.get_by_role("banner")
    expect(header).to_contain_text("Recipes for every season.")
    link = header.get_by_role("navigation", name="Site").get_by_role("link", name="About")
    expect(link).to_have_attribute("href", "/about")
    expect(reader.get_by_role("contentinfo")).to_have_text("Written in a small kitchen.")


def test_a_bad_link_address_is_explained_at_the_field(page, make_user):
    _log_in_as_admin(page, make_user)
    page.goto("/admin/settings")
    page.get_by_label("Link 1 words").fill("Trap")
    page.get_by_label("Link 1 address").fill("javascript:alert(1)")
    page.get_by_role("button", name="Save settings").click()
    address = page.get_by_label("Link 1 address")
    expect(address).to_have_attribute("aria-invalid", "true")
    expect(address).to_have_accessible_description(re.compile("starting with http://"))
    expect(page.get_by_role("alert")).to_contain_text("Nothing was saved")
    assert axe_violations(page) == []
