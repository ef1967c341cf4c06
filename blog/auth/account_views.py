"""Your account: your name and password, the browsers you are logged in on, and ending the
ones you no longer use."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from blog.auth.account_forms import ChangePasswordForm, NameForm
from blog.auth.passwords import password_matches
from blog.auth.roles import any_role, require
from blog.auth.sessions import (
    current_session_id,
    end_other_sessions,
    open_sessions,
    start_session,
)
from blog.extensions import db, limiter
from blog.publishing import rerender_all

bp = Blueprint("account", __name__, url_prefix="/account")


@bp.get("")
@require(any_role)
def account():
    """The person's details and their open sessions, this browser's marked."""
    return _account_page()


def _account_page(name_form=None, password_form=None, status: int = 200):
    return render_template(
        "auth/account.html",
        name_form=name_form or NameForm(name=current_user.name),
        password_form=password_form or ChangePasswordForm(),
        sessions=open_sessions(current_user),
        this_session=current_session_id(),
    ), status


@bp.post("/name")
@require(any_role)
def change_name():
    """The name readers see as the byline; the person's published pages show it at once."""
    form = NameForm()
    if not form.validate_on_submit():
        return _account_page(name_form=form, status=422)
    if form.name.data != current_user.name:
        current_user.name = form.name.data
        rerender_all(author=current_user)
        db.session.commit()
    flash(f"Your name is now {current_user.name}.", "info")
    return redirect(url_for("account.account"), 303)


@bp.post("/password")
@limiter.limit("10 per minute")
@require(any_role)
def change_password():
    """A new password, given the current one. Every other browser is logged out; this one
    stays logged in with a new session."""
    form = ChangePasswordForm()
    valid = form.validate_on_submit()
    if form.current.data and not password_matches(current_user, form.current.data):
        form.current.errors = [*form.current.errors, "That is not your current password."]
        valid = False
    if not valid:
        return _account_page(password_form=form, status=422)
    user = current_user._get_current_object()
    user.set_password(form.password.data)
    start_session(user)  # the new password ended every session, this one too
    flash("Your password is changed. Every other browser is logged out.", "info")
    return redirect(url_for("account.account"), 303)


@bp.post("/sessions/<int:session_id>/end")
@require(any_role)
def end_session(session_id: int):
    """Log out one other browser (this one logs out with "Log out")."""
    if end_other_sessions(current_user, only=session_id):
        flash("That session has ended: the browser is logged out.", "info")
    else:
        flash("That session had already ended.", "info")
    return redirect(url_for("account.account"), 303)


@bp.post("/sessions/end-others")
@require(any_role)
def end_others():
    """Log out every browser but this one."""
    ended = end_other_sessions(current_user)
    flash(
        f"{ended} other session{'' if ended == 1 else 's'} ended."
        if ended
        else "No other sessions were open.",
        "info",
    )
    return redirect(url_for("account.account"), 303)


@bp.get("/form-token")
@require(any_role)
def form_token():
    """This session's CSRF token, for the editor to retry a change after logging in again in
    another tab (logging in gives a new token). Other sites cannot read it: no CORS."""
    return {"csrf_token": generate_csrf()}
