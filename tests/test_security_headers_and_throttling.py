"""Security headers on every response, and login throttling per account and per client."""

import pytest
from werkzeug.security import generate_password_hash

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


def test_guessing_one_accounts_password_is_throttled_from_anywhere(throttled):
    refusals = []
    for attempt in range(6):
        # A different client address each time: only the per-account limit applies.
        client = throttled.test_client()
        response = client.post(
            "/login",
            data={"email": "editor@example.com", "password": "wrong"},
            environ_base={"REMOTE_ADDR": f"10.0.0.{attempt + 1}"},
        )
        refusals.append(response.status_code)
    assert refusals == [401] * 5 + [429]
    assert int(response.headers["Retry-After"]) > 0
    assert "Please wait" in response.get_data(as_text=True)


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


def test_behind_a_trusted_proxy_https_is_read_from_its_headers(make_app):
    app = make_app(PROXY_HOPS=1)
    headers = {"X-Forwarded-Proto": "https"}
    response = app.test_client().get("/", headers=headers)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_without_a_trusted_proxy_forwarded_headers_are_ignored(client):
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in response.headers


@pytest.mark.parametrize("client_address, https", [("10.0.0.2", True), ("203.0.113.9", False)])
def test_behind_a_proxy_only_the_proxy_forwards_headers(make_app, client_address, https):
    app = make_app(PROXY_HOPS=1, PROXY_ADDRESSES=["10.0.0.0/24"])
    response = app.test_client().get(
        "/",
        headers={"X-Forwarded-Proto": "https"},
        environ_base={"REMOTE_ADDR": client_address},
    )
    assert ("Strict-Transport-Security" in response.headers) is https
