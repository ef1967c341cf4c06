"""Accounts: logging in and out, and who may do what."""

from flask import Flask

from blog.auth import account_views
from blog.auth.roles import can_manage_users, can_moderate, can_publish
from blog.auth.sessions import session_user
from blog.auth.views import bp
from blog.extensions import login_manager


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.register_blueprint(account_views.bp)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to continue."
    # Templates ask the same rules as the views: {% if can_publish(current_user) %}.
    app.jinja_env.globals.update(
        can_publish=can_publish, can_moderate=can_moderate, can_manage_users=can_manage_users
    )

    # Every request checks its session against the database: ended sessions stop at once.
    login_manager.user_loader(session_user)
