"""Flask commands `users create|list|set-role|deactivate|reactivate|reset-password`: the
people who can log in."""

import secrets
import sys

import click
from flask.cli import AppGroup
from sqlalchemy import select

from blog.auth import accounts
from blog.auth.invitations import INVITATION_DAYS, password_link
from blog.extensions import db
from blog.models import ROLES, User
from blog.typed_text import typed_email

users_cli = AppGroup("users", help="Create and manage the people who can log in.")


def _find_user(email: str) -> User:
    user = db.session.scalar(select(User).where(User.email == typed_email(email)))
    if user is None:
        raise click.ClickException(f"No user has the email {email}.")
    return user


@users_cli.command("create")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(ROLES), help="What they may do.")
@click.option("--name", default="", help="Display name (default: the part before @).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create_user(email: str, role: str, name: str, password_stdin: bool) -> None:
    """Create a user; prints a generated password unless one comes on stdin."""
    email = typed_email(email)
    if "@" not in email or email.startswith("@") or email.endswith("@"):
        raise click.ClickException(f"{email!r} is not an email address.")
    if db.session.scalar(select(User.id).where(User.email == email)) is not None:
        raise click.ClickException(f"A user with the email {email} already exists.")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
        if len(password) < 8:
            raise click.ClickException("The password must have at least 8 characters.")
    else:
        password = secrets.token_urlsafe(12)
    user = User(email=email, name=name or email.split("@")[0], role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created {role} {email}.")
    if not password_stdin:
        click.echo(f"Password: {password}")


@users_cli.command("list")
def list_users() -> None:
    """List every user with role and state."""
    for user in db.session.scalars(select(User).order_by(User.email)):
        state = "active" if user.active else "deactivated"
        click.echo(f"{user.email}\t{user.role}\t{state}\t{user.name}")


@users_cli.command("set-role")
@click.argument("email")
@click.argument("role", type=click.Choice(ROLES))
def set_role(email: str, role: str) -> None:
    """Change what a user may do."""
    user = _find_user(email)
    if not accounts.set_role(user, role):
        raise click.ClickException(
            f"{user.email} is the last active admin; make someone else admin first."
        )
    click.echo(f"{user.email} is now {role}.")


@users_cli.command("deactivate")
@click.argument("email")
def deactivate(email: str) -> None:
    """Stop a user from logging in; their open sessions end on their next request."""
    user = _find_user(email)
    if not accounts.deactivate(user):
        raise click.ClickException(
            f"{user.email} is the last active admin and cannot be deactivated."
        )
    click.echo(f"{user.email} is deactivated.")


@users_cli.command("reactivate")
@click.argument("email")
def reactivate(email: str) -> None:
    """Let a deactivated user log in again (their old sessions and links stay ended)."""
    user = _find_user(email)
    if user.active:
        click.echo(f"{user.email} is already active.")
        return
    accounts.reactivate(user)
    click.echo(f"{user.email} can log in again.")


@users_cli.command("reset-password")
@click.argument("email")
def reset_password(email: str) -> None:
    """Print a one-time link for the user to choose a new password."""
    user = _find_user(email)
    if not user.active:
        raise click.ClickException(f"{user.email} is deactivated; reactivate them first.")
    click.echo(
        f"Send {user.email} this one-time link to choose a new password (it works once, "
        f"for {INVITATION_DAYS} days):"
    )
    click.echo(password_link(user))
