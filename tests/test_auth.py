"""Logging in and out, through the real form."""

import hashlib

import pytest
from sqlalchemy import select

from blog.auth.views import LOGIN_REFUSED
from blog.extensions import db
from blog.models import User


def test_login_page_has_the_labelled_fields(client):
    html = client.get("/login").get_data(as_text=True)
    assert ">Email</label>" in html
    assert ">Password</label>" in html
    assert ">Log in</button>" in html


def test_right_password_logs_in_and_reaches_the_builder(auth, client, make_user):
    make_user("editor")
    response = auth.login("editor@example.com")
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/builder/")
    assert client.get("/builder/").status_code == 200


def test_email_is_matched_without_regard_to_case(auth, make_user):
    make_user("editor")
    assert auth.login("  Editor@Example.COM ").status_code == 303


@pytest.mark.parametrize(
    "email, password",
    [("author@example.com", "wrong password"), ("nobody@example.com", "correct horse battery")],
    ids=["wrong-password", "unknown-email"],
)
def test_refused_login_says_the_same_thing_either_way(auth, client, make_user, email, password):
    make_user("author")
    response = auth.login(email, password)
    assert response.status_code == 401
    assert LOGIN_REFUSED in response.get_data(as_text=True)
    assert client.get("/builder/").status_code == 302


def test_deactivated_user_cannot_log_in(auth, make_user):
    make_user("author", active=False)
    response = auth.login("author@example.com")
    assert response.status_code == 401
    assert LOGIN_REFUSED in response.get_data(as_text=True)


def test_deactivating_a_user_ends_their_open_session(app, auth, client):
    auth.login_as("editor")
    assert client.get("/builder/").status_code == 200
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "editor@example.com"))
        user.active = False
        db.session.commit()
    response = client.get("/builder/")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_logout_ends_the_session(auth, client):
    auth.login_as("author")
    assert auth.logout().status_code == 303
    assert client.get("/builder/").status_code == 302


def test_login_does_not_redirect_to_another_site(auth, client, make_user):
    make_user("author")
    response = client.post(
        "/login?next=https://evil.example/",
        data={"email": "author@example.com", "password": "correct horse battery"},
    )
    assert response.headers["Location"] == "/builder/"


def test_login_follows_a_local_next(client, make_user):
    make_user("author")
    response = client.post(
        "/login?next=/builder/?status=draft",
        data={"email": "author@example.com", "password": "correct horse battery"},
    )
    assert response.headers["Location"] == "/builder/?status=draft"


def test_post_without_csrf_token_is_refused(make_app):
    client = make_app().test_client()  # CSRF on, as in production
    response = client.post("/login", data={"email": "a@example.com", "password": "x"})
    assert response.status_code == 400
    assert "CSRF" in response.get_data(as_text=True)


@pytest.fixture
def hashing(monkeypatch):
    """The scrypt computations werkzeug asks of the standard library, as (n, r, p) each."""
    calls, real_scrypt = [], hashlib.scrypt

    def counted(password, *, salt, n, r, p, **options):
        calls.append((n, r, p))
        return real_scrypt(password, salt=salt, n=n, r=r, p=p, **options)

    monkeypatch.setattr(hashlib, "scrypt", counted)
    return calls


@pytest.mark.parametrize(
    "email, password",
    [
        ("owner@example.com", "wrong password"),
        ("nobody@example.com", "a fine long password"),
        ("gone@example.com", "a fine long password"),
        ("invited@example.com", "anything"),
    ],
    ids=["wrong-password", "unknown-email", "deactivated", "invited-without-password"],
)
def test_every_refused_login_hashes_the_password_as_the_right_one_does(
    app, client, hashing, email, password
):
    with app.app_context():
        for address, active in (("owner@example.com", True), ("gone@example.com", False)):
            user = User(email=address, name="Person", role="author", active=active)
            user.set_password("a fine long password")
            db.session.add(user)
        db.session.add(User(email="invited@example.com", name="Invited", role="author"))
        db.session.commit()
    hashing.clear()
    data = {"email": "owner@example.com", "password": "a fine long password"}
    assert client.post("/login", data=data).status_code == 303
    right_password_work = list(hashing)
    client.post("/logout")
    hashing.clear()

    refused = client.post("/login", data={"email": email, "password": password})

    assert refused.status_code == 401
    assert len(right_password_work) == 1
    assert hashing == right_password_work
