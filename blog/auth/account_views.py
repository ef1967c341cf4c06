"""Your account: the browsers you are logged in on, and ending the ones you no longer use."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from blog.auth.roles import any_role, require
from blog.auth.sessions import current_session_id, end_other_sessions, open_sessions

bp = Blueprint("account", __name__, url_prefix="/account")


@bp.get("")
@require(any_role)
def account():
    """The person's details and their open sessions, this browser's marked."""
    return render_template(
        "auth/account.html",
        sessions=open_sessions(current_user),
        this_session=current_session_id(),
    )


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
