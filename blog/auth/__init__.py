"""Accounts: logging in and out, and who may do what."""

from flask import Flask

from blog.auth import passwords
from blog.auth.roles import can_manage_users, can_moderate, can_publish
from blog.auth.views import bp
from blog.extensions import db, login_manager
from blog.models import User


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    passwords.prepare()
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to continue."
    # Templates ask the same rules as the views: {% if can_publish(current_user) %}.
    app.jinja_env.globals.update(
        can_publish=can_publish, can_moderate=can_moderate, can_manage_users=can_manage_users
    )

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        # A deactivated user's open sessions stop working on their next request.
        user = db.session.get(User, int(user_id)) if user_id.isdigit() else None
        return user if user is not None and user.active else None
