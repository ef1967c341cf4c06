"""Accounts: logging in and out, and who may do what."""

from flask import Flask, Response, redirect, request, session, url_for
from flask_login import current_user

from blog.auth import account_views, passwords
from blog.auth.roles import can_manage_settings, can_manage_users, can_moderate, can_publish
from blog.auth.sessions import SESSION_TOKEN, session_user
from blog.auth.views import bp
from blog.extensions import login_manager
from blog.htmx import is_htmx, refused_in_place

# What the editor shows when a change is sent without a session (see static/js/builder.js).
SESSION_ENDED = "Your session ended: log in in a new tab, then Retry."


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.register_blueprint(account_views.bp)
    passwords.prepare()
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to continue."
    # Templates ask the same rules as the views: {% if can_publish(current_user) %}.
    app.jinja_env.globals.update(
        can_publish=can_publish,
        can_moderate=can_moderate,
        can_manage_users=can_manage_users,
        can_manage_settings=can_manage_settings,
    )

    # Every request checks its session against the database: ended sessions stop at once.
    login_manager.user_loader(session_user)
    login_manager.unauthorized_handler(_unauthorized)
    # Check the session before the view runs: the check may write "last seen" and commit,
    # which must never happen halfway through a view's own changes.
    app.before_request(_check_session_first)


def _check_session_first() -> None:
    if request.endpoint != "static" and SESSION_TOKEN in session:
        current_user._get_current_object()


def _unauthorized() -> Response:
    """Send a person without a session to log in; but never answer the editor's in-place
    requests with the login page, which would be swapped over what they were typing: a 401
    the editor explains, keeping the form as it is."""
    if is_htmx():
        return refused_in_place(SESSION_ENDED, 401)
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
