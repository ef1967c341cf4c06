"""An admin's one-time password links: shown in a read-only field with a Copy button that
puts the link on the clipboard; without JavaScript the field is there to copy by hand."""

from playwright.sync_api import expect

from helpers.builder_steps import log_in


def _invite(page, email: str) -> None:
    page.goto("/admin/users")
    page.get_by_label("Email").fill(email)
    page.get_by_role("button", name="Invite").click()
    expect(page.get_by_role("heading", name=f"Invitation for {email}")).to_be_visible()


def test_copy_link_puts_the_one_time_link_on_the_clipboard(page, make_user):
    make_user("admin")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    log_in(page, "admin@example.com")
    _invite(page, "nia@example.com")
    field = page.get_by_label("One-time link")
    expect(field).to_have_attribute("readonly", "")
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator("#copy-status")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == field.input_value()
    assert "/password/" in field.input_value()


def test_without_javascript_the_link_is_in_the_field_and_no_dead_button_shows(
    no_js_page, make_user
):
    make_user("admin")
    log_in(no_js_page, "admin@example.com")
    _invite(no_js_page, "kim@example.com")
    assert "/password/" in no_js_page.get_by_label("One-time link").input_value()
    expect(no_js_page.get_by_role("button", name="Copy link", include_hidden=True)).to_be_hidden()
