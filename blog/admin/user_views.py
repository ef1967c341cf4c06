"""Admin views for people: list, invite, change role, deactivate and reactivate, reset."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from sqlalchemy import select

from blog.auth import accounts
from blog.auth.invitations import INVITATION_DAYS, password_link
from blog.auth.roles import can_manage_users, require
from blog.extensions import db
from blog.models import ROLES, User
from blog.typed_text import typed_email, typed_text

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _back(message: str, category: str = "info"):
    flash(message, category)
    return redirect(url_for("admin.users"), 303)


@bp.get("/users")
@require(can_manage_users)
def users():
    people = db.session.scalars(select(User).order_by(User.active.desc(), User.email))
    return render_template("admin/users.html", users=people, roles=ROLES)


@bp.post("/users")
@require(can_manage_users)
def invite_user():
    """Create a user without a password and show a one-time link for them to set one."""
    email = typed_email(request.form.get("email"))
    name = typed_text(request.form.get("name")).strip() or email.split("@")[0]
    role = request.form.get("role", "")
    if "@" not in email or len(email) > 254 or email.startswith("@") or email.endswith("@"):
        return _back(f"“{email}” is not an email address.", "error")
    if role not in ROLES:
        return _back("Choose a role: admin, editor or author.", "error")
    if db.session.scalar(select(User.id).where(User.email == email)) is not None:
        return _back(f"A user with the email {email} already exists.", "error")
    user = User(email=email, name=name[:120], role=role)
    db.session.add(user)
    db.session.commit()
    flash(f"Invited {email} as {role}.", "info")
    return redirect(url_for("admin.password_link_page", user_id=user.id), 303)


@bp.post("/users/<int:user_id>/role")
@require(can_manage_users)
def change_role(user_id: int):
    user = db.get_or_404(User, user_id)
    role = request.form.get("role", "")
    if role not in ROLES:
        return _back("Choose a role: admin, editor or author.", "error")
    if not accounts.set_role(user, role):
        return _back(
            f"{user.email} is the last active admin; make someone else admin first.", "error"
        )
    return _back(f"{user.email} is now {role}.")


@bp.post("/users/<int:user_id>/deactivate")
@require(can_manage_users)
def deactivate(user_id: int):
    user = db.get_or_404(User, user_id)
    if not accounts.deactivate(user):
        return _back(f"{user.email} is the last active admin and cannot be deactivated.", "error")
    return _back(f"{user.email} is deactivated; their open sessions have ended.")


@bp.post("/users/<int:user_id>/reactivate")
@require(can_manage_users)
def reactivate(user_id: int):
    user = db.get_or_404(User, user_id)
    accounts.reactivate(user)
    return _back(f"{user.email} can log in again.")


@bp.post("/users/<int:user_id>/reset")
@require(can_manage_users)
def reset_password(user_id: int):
    """A one-time link for the user to choose a new password."""
    user = db.get_or_404(User, user_id)
    if not user.active:
        return _back(f"Reactivate {user.email} first.", "error")
    return redirect(url_for("admin.password_link_page", user_id=user.id), 303)


@bp.get("/users/<int:user_id>/password-link")
@require(can_manage_users)
def password_link_page(user_id: int):
    """The person's one-time link to choose a password, in a field to copy from. A reload
    shows a fresh link; every link works until one is used (see blog.auth.invitations)."""
    user = db.get_or_404(User, user_id)
    if not user.active:
        return _back(f"Reactivate {user.email} first.", "error")
    return render_template(
        "admin/password_link.html",
        user=user,
        link=password_link(user),
        days=INVITATION_DAYS,
        invited=not user.password_hash,
    )
