"""Your account: changing one's own name (bylines follow at once) and password (the current
one first; every other browser is logged out, this one stays)."""

import pytest
from sqlalchemy import select

from blog.extensions import db
from blog.models import User

from helpers.builder_pages import build_page, parse_html
from helpers.support import PASSWORD

NEW_PASSWORD = "a brand new password"


def _log_in(app, email: str, password: str = PASSWORD):
    """A client of its own (another browser), logged in as this person."""
    browser = app.test_client()
    response = browser.post("/login", data={"email": email, "password": password})
    assert response.status_code == 303, response.status_code
    return browser


def _logged_in(browser) -> bool:
    return browser.get("/account").status_code == 200


def _stored(app, email: str) -> User:
    with app.app_context():
        return db.session.scalar(select(User).where(User.email == email))


def _byline(html: str) -> str:
    (byline,) = parse_html(html).find_all(class_="byline")
    return " ".join(byline.text.split())


def test_a_new_name_shows_on_the_account_page_and_on_published_bylines(app, make_user, client):
    author_id = make_user("editor", name="Priya N.")
    browser = _log_in(app, "editor@example.com")
    slug = "leek-soup"
    build_page(app, author_id, title="Leek soup", slug=slug, published=True)
    assert _byline(client.get(f"/{slug}").text).startswith("By Priya N. ·")

    answer = browser.post("/account/name", data={"name": "  Priya Nair "})
    assert answer.status_code == 303
    assert "Your name is now Priya Nair." in browser.get("/account").get_data(as_text=True)
    assert _stored(app, "editor@example.com").name == "Priya Nair"
    article = client.get(f"/{slug}").text
    assert _byline(article).startswith("By Priya Nair ·") and "Priya N." not in article


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("   ", "Enter the name readers see on your pages."),
        ("x" * 121, "Use at most 120 characters."),
    ],
)
def test_a_refused_name_is_said_on_its_field_and_changes_nothing(app, make_user, typed, message):
    make_user("author", name="Ada")
    browser = _log_in(app, "author@example.com")
    answer = browser.post("/account/name", data={"name": typed})
    assert answer.status_code == 422
    assert message in answer.get_data(as_text=True)
    assert _stored(app, "author@example.com").name == "Ada"


def test_a_password_change_keeps_this_browser_and_logs_out_the_others(app, make_user):
    make_user("author")
    here = _log_in(app, "author@example.com")
    there = _log_in(app, "author@example.com")
    answer = here.post(
        "/account/password",
        data={"current": PASSWORD, "password": NEW_PASSWORD, "repeat": NEW_PASSWORD},
        follow_redirects=True,
    )
    assert "Your password is changed. Every other browser is logged out." in answer.get_data(
        as_text=True
    )
    assert _logged_in(here)
    assert not _logged_in(there)
    assert _stored(app, "author@example.com").check_password(NEW_PASSWORD)
    _log_in(app, "author@example.com", NEW_PASSWORD)


@pytest.mark.parametrize(
    ("form", "message"),
    [
        (
            {"current": "not my password", "password": NEW_PASSWORD, "repeat": NEW_PASSWORD},
            "That is not your current password.",
        ),
        ({"current": "", "password": NEW_PASSWORD, "repeat": NEW_PASSWORD}, "Enter your current"),
        (
            {"current": PASSWORD, "password": "short", "repeat": "short"},
            "Use at least 10 characters",
        ),
        ({"current": PASSWORD, "password": NEW_PASSWORD, "repeat": "another one!"}, "differ"),
    ],
)
def test_a_refused_password_change_says_why_and_changes_nothing(app, make_user, form, message):
    make_user("author")
    here = _log_in(app, "author@example.com")
    there = _log_in(app, "author@example.com")
    answer = here.post("/account/password", data=form)
    assert answer.status_code == 422
    page = answer.get_data(as_text=True)
    assert message in page
    assert NEW_PASSWORD not in page  # typed passwords are never sent back
    assert _stored(app, "author@example.com").check_password(PASSWORD)
    assert _logged_in(here) and _logged_in(there)


def test_the_account_forms_need_a_login(client):
    for path in ("/account/name", "/account/password"):
        answer = client.post(path, data={"name": "Mallory"})
        assert answer.status_code in (302, 401, 403), (path, answer.status_code)
