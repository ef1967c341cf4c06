"""The admin area: people and comment moderation."""

import re

import pytest
from sqlalchemy import select

from blog.extensions import db
from blog.models import Comment, Page, Row, User
from blog.publishing import publish

from helpers.builder_pages import put_in_trash
from helpers.request_races import second_meets_first
from helpers.support import PASSWORD


def _user(app, email):
    with app.app_context():
        return db.session.scalar(select(User).where(User.email == email))


def _link(app, response) -> str:
    """Read the one-time link out of the page that shows it: it is at the site's address
    (BLOG_BASE_URL); returns its path, for the test client."""
    base = re.escape(app.config["BLOG_BASE_URL"])
    return re.search(base + r"(/password/[\w.-]+)", response.get_data(as_text=True))[1]


def test_admin_invites_a_user_who_sets_a_password_once(app, auth, client):
    auth.login_as("admin")
    response = client.post(
        "/admin/users",
        data={"email": "New@Example.com", "name": "Nia", "role": "editor"},
        follow_redirects=True,
    )
    link = _link(app, response)
    assert _user(app, "new@example.com").role == "editor"
    auth.logout()
    invited = app.test_client()
    form = {"password": "a fine long password", "repeat": "a fine long password"}
    assert invited.post(link, data=form).status_code == 303
    assert invited.get("/builder/").status_code == 200
    assert app.test_client().post(link, data=form).status_code == 404  # used up


def test_set_password_refuses_a_short_or_mismatched_password(app, auth, client):
    auth.login_as("admin")
    link = _link(
        app,
        client.post(
            "/admin/users", data={"email": "x@example.com", "role": "author"}, follow_redirects=True
        ),
    )
    other = app.test_client()
    short = other.post(link, data={"password": "short", "repeat": "short"})
    assert short.status_code == 422
    mismatch = other.post(link, data={"password": "long enough one", "repeat": "different one"})
    assert "The two passwords differ" in mismatch.get_data(as_text=True)
    assert _user(app, "x@example.com").password_hash == ""


def test_reset_link_replaces_the_password(app, auth, client, make_user):
    auth.login_as("admin")
    user_id = make_user("author")
    link = _link(app, client.post(f"/admin/users/{user_id}/reset", follow_redirects=True))
    app.test_client().post(
        link, data={"password": "brand new secret", "repeat": "brand new secret"}
    )
    assert _user(app, "author@example.com").check_password("brand new secret")


@pytest.mark.parametrize("action, data", [("role", {"role": "editor"}), ("deactivate", {})])
def test_the_last_active_admin_cannot_be_demoted_or_deactivated(app, auth, client, action, data):
    admin_id = auth.login_as("admin")
    response = client.post(f"/admin/users/{admin_id}/{action}", data=data, follow_redirects=True)
    assert "last active admin" in response.get_data(as_text=True)
    admin = _user(app, "admin@example.com")
    assert (admin.role, admin.active) == ("admin", True)


def test_a_second_admin_can_be_demoted_and_deactivated_and_reactivated(
    app, auth, client, make_user
):
    auth.login_as("admin")
    other = make_user("admin", email="other@example.com")
    client.post(f"/admin/users/{other}/role", data={"role": "author"})
    client.post(f"/admin/users/{other}/deactivate")
    user = _user(app, "other@example.com")
    assert (user.role, user.active) == ("author", False)
    client.post(f"/admin/users/{other}/reactivate")
    assert _user(app, "other@example.com").active is True


@pytest.mark.parametrize(
    "form, message",
    [
        ({"email": "not-an-email", "role": "author"}, "is not an email address"),
        ({"email": "a@example.com", "role": "owner"}, "Choose a role"),
        ({"email": "admin@example.com", "role": "author"}, "already exists"),
    ],
)
def test_bad_invitations_are_refused_with_a_reason(app, auth, client, form, message):
    auth.login_as("admin")
    response = client.post("/admin/users", data=form, follow_redirects=True)
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert len(db.session.scalars(select(User)).all()) == 1


def _pending_comments(app, count=3):
    with app.app_context():
        author = db.session.scalar(select(User))
        page = Page(title="Talk", slug="talk", author=author, rows=[Row(layout="1")])
        db.session.add(page)
        db.session.flush()
        publish(page, author)
        for number in range(count):
            db.session.add(
                Comment(
                    page_id=page.id, author_name=f"Reader {number}", body=f"Comment number {number}"
                )
            )
        db.session.commit()
        return [c.id for c in db.session.scalars(select(Comment).order_by(Comment.id))]


def test_editor_approves_comments_in_bulk_and_readers_see_them(app, auth, client):
    auth.login_as("editor")
    ids = _pending_comments(app)
    queue = client.get("/admin/comments").get_data(as_text=True)
    assert all(f"Comment number {n}" in queue for n in range(3))
    client.post("/admin/comments", data={"action": "approve", "comment": ids[:2]})
    page = app.test_client().get("/talk").get_data(as_text=True)
    assert "Comment number 0" in page and "Comment number 1" in page
    assert "Comment number 2" not in page


@pytest.mark.parametrize("action, status", [("spam", "spam"), ("delete", None)])
def test_spam_and_delete_take_comments_off_the_page(app, auth, client, action, status):
    auth.login_as("editor")
    ids = _pending_comments(app, count=1)
    client.post("/admin/comments", data={"action": "approve", "comment": ids})
    client.post("/admin/comments", data={"action": action, "comment": ids})
    assert "Comment number 0" not in app.test_client().get("/talk").get_data(as_text=True)
    with app.app_context():
        stored = db.session.get(Comment, ids[0])
        assert (stored.status if stored else None) == status


def test_author_cannot_moderate(app, auth, client):
    auth.login_as("author")
    assert client.get("/admin/comments").status_code == 403
    assert client.post("/admin/comments", data={"action": "approve"}).status_code == 403


def take_each_others_rights(app, make_user, action: str, data: dict, held_before: str):
    """Ada and Bea, both admins, take each other's rights at once: Ada's request is held
    just before `held_before` while Bea's runs. Returns the active admins afterwards and
    the page each of them sees next."""
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a 500 is answered, as under gunicorn
    ids = {email: make_user("admin", email=email) for email in ("ada@ex.org", "bea@ex.org")}
    ada, bea = app.test_client(), app.test_client()
    for client, email in ((ada, "ada@ex.org"), (bea, "bea@ex.org")):
        assert client.post("/login", data={"email": email, "password": PASSWORD}).status_code == 303
    answers = second_meets_first(
        app,
        lambda sql: sql.startswith(held_before),
        lambda: ada.post(f"/admin/users/{ids['bea@ex.org']}/{action}", data=data),
        lambda: bea.post(f"/admin/users/{ids['ada@ex.org']}/{action}", data=data),
    )
    assert [answer.status_code for answer in answers] == [303, 303]
    with app.app_context():
        admins = db.session.scalars(
            select(User.email).where(User.role == "admin", User.active.is_(True))
        ).all()
    return admins, [c.get("/admin/users", follow_redirects=True).text for c in (ada, bea)]


TAKING_RIGHTS = pytest.mark.parametrize(
    "action, data", [("role", {"role": "editor"}), ("deactivate", {})], ids=["demote", "deactivate"]
)


@TAKING_RIGHTS
def test_two_admins_taking_each_others_rights_at_once_leave_one_admin(app, make_user, action, data):
    admins, pages = take_each_others_rights(app, make_user, action, data, "UPDATE users")
    assert len(admins) == 1
    # The other one is told why their change was not made, on the next page they see.
    assert [f"{admins[0]} is the last active admin" in page for page in pages].count(True) == 1


@TAKING_RIGHTS
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_an_admins_change_waits_for_the_others_commit_on_postgresql(app, make_user, action, data):
    # Held after its UPDATE: each UPDATE's own check would still read the other as admin.
    admins, pages = take_each_others_rights(app, make_user, action, data, "COMMIT")
    assert len(admins) == 1
    assert [f"{admins[0]} is the last active admin" in page for page in pages].count(True) == 1


def test_comments_of_a_page_in_the_trash_leave_the_queue_until_it_is_restored(app, auth, client):
    auth.login_as("editor")
    _pending_comments(app)
    with app.app_context():
        page_id = db.session.scalar(select(Page.id).where(Page.slug == "talk"))
    put_in_trash(app, page_id)
    assert "Comment number 0" not in client.get("/admin/comments").get_data(as_text=True)
    client.post(f"/builder/trash/{page_id}/restore")
    assert "Comment number 0" in client.get("/admin/comments").get_data(as_text=True)


def test_the_link_is_shown_in_a_read_only_field_and_is_there_again_after_a_reload(
    app, auth, client
):
    auth.login_as("admin")
    answer = client.post(
        "/admin/users", data={"email": "kim@example.com", "role": "author"}, follow_redirects=True
    )
    page = answer.get_data(as_text=True)
    assert "Invited kim@example.com as author." in page
    [field] = re.findall(r'<input id="password-link" type="text" value="([^"]+)" readonly', page)
    assert _link(app, answer) in field
    again = client.get(answer.request.path)  # the reload
    assert again.status_code == 200 and "Invitation for kim@example.com" in again.get_data(
        as_text=True
    )
    link = _link(app, again)
    form = {"password": "a fine long password", "repeat": "a fine long password"}
    assert app.test_client().post(link, data=form).status_code == 303


def test_no_link_is_shown_for_a_deactivated_person(app, auth, client, make_user):
    auth.login_as("admin")
    user_id = make_user("author", active=False)
    answer = client.get(f"/admin/users/{user_id}/password-link", follow_redirects=True)
    page = answer.get_data(as_text=True)
    assert "Reactivate author@example.com first." in page
    assert "/password/" not in page
