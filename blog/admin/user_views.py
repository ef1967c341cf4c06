"""Admin views for managing people."""

from flask import Blueprint, render_template
from sqlalchemy import select

from blog.auth.roles import can_manage_users, require
from blog.extensions import db
from blog.models import User

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/users")
@require(can_manage_users)
def users():
    people = db.session.scalars(select(User).order_by(User.email))
    return render_template("admin/users.html", users=people)
