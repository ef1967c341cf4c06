"""Another site's page that posts a comment form on its visitor's behalf, in Chromium: the post
is refused, and the visitor, signed in to the blog, stays signed in."""

import re

import pytest
from playwright.sync_api import expect

from helpers.published_pages import make_published_page, stored_comments
from helpers.support import PASSWORD

ATTACKER = "http://attacker.test"


def _attacking_page(action: str) -> str:
    """A page of another site that posts a comment as soon as it is opened."""
    return (
        f'<form id="post" method="post" action="{action}">'
        '<input name="name" value="Site notice">'
        '<input name="comment" value="Your account is locked: call 555-0100">'
        "</form><script>document.getElementById('post').submit()</script>"
    )


@pytest.fixture
def tab(open_tab):
    """A tab of its own (another site's page and a refusal are this test's business, not
    console errors to fail on)."""
    page = open_tab()
    return page.context, page


def test_another_sites_comment_post_is_refused_and_the_visitor_stays_signed_in(
    app, make_user, live_server, tab
):
    context, page = tab
    page_id = make_published_page(app, "Leek soup", "leek-soup")
    make_user("editor")
    # The attacker's site is routed before the first page loads (see helpers/held_requests).
    action = f"{live_server.url}/pages/{page_id}/comments"
    context.route(
        f"{ATTACKER}/**",
        lambda route: route.fulfill(body=_attacking_page(action), content_type="text/html"),
    )
    page.goto("/login")
    page.get_by_label("Email").fill("editor@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/builder/$"))

    page.goto(f"{ATTACKER}/")

    expect(page).to_have_url(action)
    expect(page.get_by_role("main")).to_contain_text(
        "Comments can be posted only from this site's own pages"
    )
    page.goto("/builder/")
    expect(page.get_by_role("heading", name="Pages")).to_be_visible()
    assert stored_comments(app) == []
