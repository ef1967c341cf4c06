"""Security headers on every response, and login throttling per account and per client."""

import pytest
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from blog.auth.throttle import wait_in_words
from blog.extensions import db
from blog.models import User
from blog.security_headers import CONTENT_SECURITY_POLICY

from helpers.support import PASSWORD


@pytest.fixture
def throttled(make_app):
    """An app with rate limits on, as in production, and two accounts. (Flask-Limiter keeps
    its on/off switch on the shared limiter, so this must be the test's only app.)"""
    app = make_app(RATELIMIT_ENABLED=True, WTF_CSRF_ENABLED=False)
    with app.app_context():
        for role in ("editor", "author"):
            user = User(email=f"{role}@example.com", name=role, role=role)
            user.password_hash = generate_password_hash(PASSWORD, "pbkdf2:sha256:1")
            db.session.add(user)
        db.session.commit()
    return app


@pytest.mark.parametrize("url", ["/", "/login", "/no-such-page", "/feed.xml", "/healthz"])
def test_every_response_carries_the_security_headers(client, url):
    headers = client.get(url).headers
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Strict-Transport-Security" not in headers


def test_hsts_is_sent_over_https(client):
    headers = client.get("/", base_url="https://blog.example").headers
    assert headers["Strict-Transport-Security"].startswith("max-age=")


def test_session_cookie_is_http_only_and_same_site_lax(auth, client):
    auth.login_as("author")
    cookie = client.get_cookie("session")
    assert cookie.http_only and cookie.same_site == "Lax"


def attempt(app, email: str, password: str, address: str, client=None):
    """One login attempt from a client at this address (a fresh browser unless given)."""
    client = client or app.test_client()
    return client.post(
        "/login",
        data={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def strangers_guess(app, email: str, guesses: int = 12) -> list[int]:
    """Wrong passwords for this email from a few strangers' addresses; their statuses."""
    return [
        attempt(app, email, f"guess {n}", f"10.0.{n % 4}.1").status_code for n in range(guesses)
    ]


def test_guessing_one_accounts_password_is_throttled_from_anywhere(throttled):
    refusals = []
    for attempt_number in range(6):
        # A different client address each time: only the per-account limit applies.
        response = attempt(throttled, "editor@example.com", "wrong", f"10.0.0.{attempt_number}")
        refusals.append(response.status_code)
    assert refusals == [401] * 5 + [429]
    wait = int(response.headers["Retry-After"])
    assert 0 < wait <= 60
    html = response.get_data(as_text=True)
    assert f"Please wait {wait} seconds, then try again." in html
    assert 'value="editor@example.com"' in html  # the form keeps the typed email


def test_one_client_trying_many_accounts_is_throttled(throttled):
    client = throttled.test_client()
    statuses = [
        client.post("/login", data={"email": f"user{n}@example.com", "password": "x"}).status_code
        for n in range(11)
    ]
    assert statuses == [401] * 10 + [429]


def test_throttling_does_not_lock_out_the_right_password_of_another_account(throttled):
    for _ in range(5):
        throttled.test_client().post(
            "/login", data={"email": "editor@example.com", "password": "wrong"}
        )
    response = throttled.test_client().post(
        "/login",
        data={"email": "author@example.com", "password": "correct horse battery"},
        environ_base={"REMOTE_ADDR": "10.9.9.9"},
    )
    assert response.status_code == 303


@pytest.mark.parametrize(
    "guessed_as, logging_in_as",
    [
        ("editor@example.com", "editor@example.com\x01"),
        ("EDITOR@exam\x7fple.com", "editor@example.com"),
    ],
    ids=["control-character-after-guesses", "guesses-with-a-control-character"],
)
def test_a_control_character_in_the_email_counts_against_the_same_account(
    throttled, guessed_as, logging_in_as
):
    assert 429 in strangers_guess(throttled, guessed_as)
    response = attempt(throttled, logging_in_as, PASSWORD, "192.0.2.7")
    assert response.status_code == 429


def test_a_strangers_guesses_do_not_lock_the_owner_out_of_their_own_browser(throttled):
    # The owner's browser is recognised by the signed cookie its last login left (sent only
    # to /login), whatever address it comes from.
    owners_browser = throttled.test_client()
    assert (
        attempt(throttled, "editor@example.com", PASSWORD, "192.0.2.7", owners_browser).status_code
        == 303
    )
    owners_browser.post("/logout")

    assert strangers_guess(throttled, "editor@example.com")[-1] == 429

    response = attempt(throttled, "editor@example.com", PASSWORD, "198.51.100.4", owners_browser)
    assert response.status_code == 303
    assert owners_browser.get("/builder/").status_code == 200


def test_a_new_browser_waits_while_strangers_guess_the_account(throttled):
    strangers_guess(throttled, "editor@example.com")
    response = attempt(throttled, "editor@example.com", PASSWORD, "192.0.2.7")
    assert response.status_code == 429
    assert "Please wait" in response.get_data(as_text=True)


def test_a_forged_known_browser_cookie_does_not_skip_the_account_limit(throttled):
    strangers_guess(throttled, "editor@example.com")
    browser = throttled.test_client()
    browser.set_cookie("known_device", "WzFd.forged-signature", path="/login")
    assert (
        attempt(throttled, "editor@example.com", PASSWORD, "192.0.2.7", browser).status_code == 429
    )


def test_a_known_browser_guessing_wrong_is_still_refused(throttled):
    browser = throttled.test_client()
    attempt(throttled, "editor@example.com", PASSWORD, "192.0.2.7", browser)
    browser.post("/logout")
    statuses = [
        attempt(throttled, "editor@example.com", "wrong", "192.0.2.7", browser).status_code
        for _ in range(6)
    ]
    assert statuses == [401] * 5 + [429]


def test_logging_in_often_from_many_browsers_is_not_throttled(throttled):
    statuses = [
        attempt(throttled, "editor@example.com", PASSWORD, f"192.0.2.{n}").status_code
        for n in range(8)
    ]
    assert statuses == [303] * 8


def test_behind_a_trusted_proxy_https_is_read_from_its_headers(make_app):
    app = make_app(PROXY_HOPS=1)
    headers = {"X-Forwarded-Proto": "https"}
    response = app.test_client().get("/", headers=headers)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_without_a_trusted_proxy_forwarded_headers_are_ignored(client):
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in response.headers


@pytest.mark.parametrize(
    "seconds, words",
    [(1, "1 second"), (59, "59 seconds"), (150, "3 minutes"), (7300, "3 hours")],
)
def test_a_wait_is_said_in_words_rounded_up(seconds, words):
    assert wait_in_words(seconds) == words


@pytest.mark.parametrize("client_address, https", [("10.0.0.2", True), ("203.0.113.9", False)])
def test_behind_a_proxy_only_the_proxy_forwards_headers(make_app, client_address, https):
    app = make_app(PROXY_HOPS=1, PROXY_ADDRESSES=["10.0.0.0/24"])
    response = app.test_client().get(
        "/",
        headers={"X-Forwarded-Proto": "https"},
        environ_base={"REMOTE_ADDR": client_address},
    )
    assert ("Strict-Transport-Security" in response.headers) is https


def test_a_new_password_makes_a_known_browser_a_stranger_again(throttled):
    # A browser that logged in before the password changed (a lost laptop, say) is held to
    # the account's limit like any other.
    old_browser = throttled.test_client()
    assert (
        attempt(throttled, "editor@example.com", PASSWORD, "192.0.2.7", old_browser).status_code
        == 303
    )
    with throttled.app_context():
        editor = db.session.scalar(select(User).where(User.email == "editor@example.com"))
        editor.password_hash = generate_password_hash(PASSWORD, "pbkdf2:sha256:1")
        db.session.commit()
    strangers_guess(throttled, "editor@example.com")
    response = attempt(throttled, "editor@example.com", PASSWORD, "198.51.100.4", old_browser)
    assert response.status_code == 429
