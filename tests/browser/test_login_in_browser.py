"""A person logs in through the form and sees the builder's page list."""

import re

from playwright.sync_api import expect

from helpers.support import PASSWORD


def test_login_through_the_form_shows_the_page_list(page, make_user):
    make_user("editor", name="Edith")
    page.goto("/login")
    page.get_by_label("Email").fill("editor@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/builder/$"))
    expect(page.get_by_role("heading", name="Pages")).to_be_visible()
    expect(page.get_by_role("button", name="New page")).to_be_visible()


def test_wrong_password_in_the_browser_shows_the_message(page, make_user):
    make_user("editor")
    page.goto("/login")
    page.get_by_label("Email").fill("editor@example.com")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("do not match an active account")
