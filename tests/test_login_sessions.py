"""Sessions the server can end: logging out, new passwords, deactivation, lifetimes, and the
sessions list of "Your account"."""

from datetime import timedelta
from urllib.parse import urlsplit

from sqlalchemy import select, update

from blog.auth.invitations import password_link
from blog.extensions import db
from blog.models import LoginSession, User, utcnow

from helpers.support import PASSWORD


def _logged_in(client) -> bool:
    response = client.get("/account")
    assert response.status_code in (200, 302), response.status_code
    return response.status_code == 200


def _log_in(app, email: str):
    """A client of its own (another browser), logged in as this person."""
    browser = app.test_client()
    response = browser.post("/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 303
    return browser


def _cookie(app, client) -> str:
    return client.get_cookie(app.config["SESSION_COOKIE_NAME"]).value


def _with_cookie(app, cookie: str):
    browser = app.test_client()
    browser.set_cookie(app.config["SESSION_COOKIE_NAME"], cookie)
    return browser


def test_logging_out_ends_the_session_wherever_its_cookie_is(app, make_user):
    make_user("author")
    browser = _log_in(app, "author@example.com")
    copied = _with_cookie(app, _cookie(app, browser))
    assert _logged_in(copied)
    browser.post("/logout")
    assert not _logged_in(copied)


def test_a_password_set_from_a_reset_link_ends_every_other_session(app, make_user):
    user_id = make_user("author")
    elsewhere = _log_in(app, "author@example.com")
    with app.test_request_context():
        link = urlsplit(password_link(db.session.get(User, user_id))).path
    chooser = app.test_client()
    new_password = "a brand new password"
    response = chooser.post(link, data={"password": new_password, "repeat": new_password})
    assert response.status_code == 303
    assert _logged_in(chooser)
    assert not _logged_in(elsewhere)


def test_deactivation_ends_sessions_and_reactivation_does_not_revive_them(app, make_user):
    author_id = make_user("author")
    make_user("admin")
    author = _log_in(app, "author@example.com")
    admin = _log_in(app, "admin@example.com")
    assert admin.post(f"/admin/users/{author_id}/deactivate").status_code == 303
    assert admin.post(f"/admin/users/{author_id}/reactivate").status_code == 303
    assert not _logged_in(author)
    assert _logged_in(_log_in(app, "author@example.com"))


def test_a_reset_link_dies_with_a_deactivation_even_after_reactivation(app, make_user):
    author_id = make_user("author")
    make_user("admin")
    with app.test_request_context():
        link = password_link(db.session.get(User, author_id))
    assert app.test_client().get(link).status_code == 200
    admin = _log_in(app, "admin@example.com")
    admin.post(f"/admin/users/{author_id}/deactivate")
    admin.post(f"/admin/users/{author_id}/reactivate")
    assert app.test_client().get(link).status_code == 404


def test_a_reset_link_dies_with_any_password_change(app, make_user):
    author_id = make_user("author")
    with app.test_request_context():
        link = password_link(db.session.get(User, author_id))
    with app.app_context():
        db.session.get(User, author_id).set_password("changed somewhere else")
        db.session.commit()
    assert app.test_client().get(link).status_code == 404


def _age_sessions(app, **ages: timedelta) -> None:
    """Move the stored sessions' times back, as if that much time had passed."""
    with app.app_context():
        now = utcnow()
        db.session.execute(
            update(LoginSession).values({column: now - age for column, age in ages.items()})
        )
        db.session.commit()


def test_a_session_unused_for_the_idle_lifetime_ends(make_app, make_user):
    app = make_app(WTF_CSRF_ENABLED=False, SESSION_IDLE_LIFETIME=timedelta(minutes=30))
    make_user("author")
    browser = _log_in(app, "author@example.com")
    _age_sessions(app, last_seen_at=timedelta(minutes=29))
    assert _logged_in(browser)  # and being used now keeps it going
    _age_sessions(app, last_seen_at=timedelta(minutes=31))
    assert not _logged_in(browser)


def test_a_session_ends_after_the_absolute_lifetime_however_busy(make_app, make_user):
    app = make_app(WTF_CSRF_ENABLED=False, SESSION_ABSOLUTE_LIFETIME=timedelta(days=2))
    make_user("author")
    browser = _log_in(app, "author@example.com")
    _age_sessions(app, created_at=timedelta(days=2, minutes=1), last_seen_at=timedelta(0))
    assert not _logged_in(browser)


def test_logging_in_gives_a_new_csrf_token_and_drops_what_the_cookie_held(app, make_user):
    make_user("author")
    browser = app.test_client()
    with browser.session_transaction() as before:
        before["csrf_token"] = "a token an attacker planted"
        before["planted"] = "by someone else"
    assert (
        browser.post(
            "/login", data={"email": "author@example.com", "password": PASSWORD}
        ).status_code
        == 303
    )
    browser.get("/account")  # a page with forms: it needs a CSRF token of its own
    with browser.session_transaction() as after:
        assert "planted" not in after
        assert after["csrf_token"] != "a token an attacker planted"


def test_your_account_lists_the_sessions_and_ends_the_others(app, make_user):
    make_user("author")
    here = _log_in(app, "author@example.com")
    there = _log_in(app, "author@example.com")
    page = here.get("/account").get_data(as_text=True)
    assert page.count('id="session-') == 2
    assert page.count("This browser") == 1
    response = here.post("/account/sessions/end-others", follow_redirects=True)
    assert "1 other session ended." in response.get_data(as_text=True)
    assert _logged_in(here)
    assert not _logged_in(there)


def test_one_session_can_be_ended_but_never_another_persons(app, make_user):
    make_user("author")
    make_user("editor")
    here = _log_in(app, "author@example.com")
    there = _log_in(app, "author@example.com")
    editor = _log_in(app, "editor@example.com")
    with app.app_context():
        sessions = {
            email: session_id
            for email, session_id in db.session.execute(
                select(User.email, LoginSession.id).join(LoginSession.user)
            )
        }
        theirs = db.session.scalars(
            select(LoginSession.id).join(LoginSession.user).where(User.role == "author")
        ).all()
    here.post(f"/account/sessions/{sessions['editor@example.com']}/end")
    assert _logged_in(editor)
    other = max(theirs)  # the second login, `there`
    here.post(f"/account/sessions/{other}/end")
    assert not _logged_in(there)
    assert _logged_in(here)


def test_a_deactivated_persons_old_session_stays_ended(app, make_user):
    author_id = make_user("author")
    make_user("admin")
    author = _log_in(app, "author@example.com")
    _log_in(app, "admin@example.com").post(f"/admin/users/{author_id}/deactivate")
    with app.app_context():
        # Even if the account were switched on again behind the app's back (a restored
        # backup, a hand-written UPDATE), the deactivation already ended the session.
        db.session.execute(update(User).where(User.id == author_id).values(active=True))
        db.session.commit()
    assert not _logged_in(author)
