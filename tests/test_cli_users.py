"""The `users` commands: create, list, set-role, deactivate."""

import pytest
from sqlalchemy import select

from blog.extensions import db
from blog.models import User

from helpers.support import PASSWORD


def _user(app, email):
    with app.app_context():
        return db.session.scalar(select(User).where(User.email == email))


def test_create_user_prints_a_password_that_works(app, runner, auth):
    result = runner.invoke(args=["users", "create", "Ed@Example.com", "--role", "editor"])
    assert result.exit_code == 0, result.output
    password = result.output.split("Password: ")[1].strip()
    assert auth.login("ed@example.com", password).status_code == 303
    assert _user(app, "ed@example.com").role == "editor"


def test_create_user_reads_the_password_from_stdin(app, runner, auth):
    result = runner.invoke(
        args=["users", "create", "a@example.com", "--role", "author", "--password-stdin"],
        input="a long enough password\n",
    )
    assert result.exit_code == 0, result.output
    assert "Password:" not in result.output
    assert auth.login("a@example.com", "a long enough password").status_code == 303


def test_create_user_refuses_an_existing_email(app, runner, make_user):
    make_user("author", email="taken@example.com", name="First")
    result = runner.invoke(args=["users", "create", "TAKEN@example.com", "--role", "admin"])
    assert result.exit_code != 0
    assert "already exists" in result.output
    user = _user(app, "taken@example.com")
    assert (user.role, user.name) == ("author", "First")


def test_create_user_refuses_an_unknown_role(app, runner):
    result = runner.invoke(args=["users", "create", "x@example.com", "--role", "owner"])
    assert result.exit_code != 0
    assert "'owner' is not one of" in result.output
    assert _user(app, "x@example.com") is None


def test_create_user_refuses_a_short_password(app, runner):
    result = runner.invoke(
        args=["users", "create", "x@example.com", "--role", "author", "--password-stdin"],
        input="short\n",
    )
    assert result.exit_code != 0
    assert "at least 8 characters" in result.output
    assert _user(app, "x@example.com") is None


def test_list_set_role_and_deactivate(app, runner, make_user):
    make_user("author", email="p@example.com")
    assert runner.invoke(args=["users", "set-role", "p@example.com", "editor"]).exit_code == 0
    assert runner.invoke(args=["users", "deactivate", "p@example.com"]).exit_code == 0
    listing = runner.invoke(args=["users", "list"]).output
    assert "p@example.com\teditor\tdeactivated" in listing
    user = _user(app, "p@example.com")
    assert (user.role, user.active) == ("editor", False)


def test_commands_on_an_unknown_email_fail_with_a_reason(runner):
    result = runner.invoke(args=["users", "deactivate", "ghost@example.com"])
    assert result.exit_code != 0
    assert "No user has the email ghost@example.com" in result.output


@pytest.mark.parametrize(
    "command, message",
    [
        (["set-role", "admin@example.com", "editor"], "last active admin; make someone else"),
        (["deactivate", "admin@example.com"], "last active admin and cannot be deactivated"),
    ],
    ids=["set-role", "deactivate"],
)
def test_the_last_active_admin_keeps_their_rights(app, runner, make_user, command, message):
    make_user("admin")
    make_user("admin", email="former@example.com", active=False)
    result = runner.invoke(args=["users", *command])
    assert result.exit_code != 0
    assert f"admin@example.com is the {message}" in result.output
    user = _user(app, "admin@example.com")
    assert (user.role, user.active) == ("admin", True)


def test_reset_password_prints_a_link_that_sets_a_new_password(app, runner, client, make_user):
    make_user("author", email="forgetful@example.com")
    result = runner.invoke(args=["users", "reset-password", "Forgetful@Example.com"])
    assert result.exit_code == 0, result.output
    link = result.output.strip().splitlines()[-1]
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    form = client.get(path)
    assert form.status_code == 200
    chosen = client.post(path, data={"password": "new password 456", "repeat": "new password 456"})
    assert chosen.status_code == 303
    user = _user(app, "forgetful@example.com")
    assert user.check_password("new password 456") and not user.check_password(PASSWORD)
    assert client.get(path).status_code == 404  # once only


def test_reset_password_refuses_a_deactivated_or_unknown_user(app, runner, make_user):
    make_user("author", email="gone@example.com", active=False)
    result = runner.invoke(args=["users", "reset-password", "gone@example.com"])
    assert result.exit_code != 0 and "reactivate them first" in result.output
    result = runner.invoke(args=["users", "reset-password", "nobody@example.com"])
    assert result.exit_code != 0 and "No user has the email nobody@example.com." in result.output


def test_reactivate_lets_a_deactivated_user_log_in_again(app, runner, auth, make_user):
    make_user("author", email="back@example.com", active=False)
    assert auth.login("back@example.com", PASSWORD).status_code != 303
    result = runner.invoke(args=["users", "reactivate", "back@example.com"])
    assert result.exit_code == 0 and "back@example.com can log in again." in result.output
    assert _user(app, "back@example.com").active
    assert auth.login("back@example.com", PASSWORD).status_code == 303
    again = runner.invoke(args=["users", "reactivate", "back@example.com"])
    assert again.exit_code == 0 and "already active" in again.output


def test_the_last_admin_cannot_be_deactivated_or_demoted_from_the_command_line(
    app, runner, make_user
):
    make_user("admin", email="only@example.com")
    deactivated = runner.invoke(args=["users", "deactivate", "only@example.com"])
    demoted = runner.invoke(args=["users", "set-role", "only@example.com", "editor"])
    assert deactivated.exit_code != 0 and "last active admin" in deactivated.output
    assert demoted.exit_code != 0 and "last active admin" in demoted.output
    user = _user(app, "only@example.com")
    assert (user.active, user.role) == (True, "admin")
