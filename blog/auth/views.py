"""Log in and log out."""

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length

from blog.auth import throttle
from blog.auth.account_forms import SetPasswordForm
from blog.auth.invitations import user_for_token
from blog.auth.passwords import password_matches
from blog.auth.sessions import end_session, start_session
from blog.extensions import db, limiter
from blog.models import User
from blog.typed_text import typed_email

bp = Blueprint("auth", __name__)

# One message for every refusal, so the form does not tell which emails have accounts.
LOGIN_REFUSED = "That email and password do not match an active account."


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=1024)])


def _safe_next(target: str | None) -> str:
    """Only follow a `next` that stays on this site."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/"):
            return target
    return url_for("builder.pages")


def _slow_down(form: LoginForm, wait: int) -> Response:
    """The login form again, with the typed email, saying when to try again."""
    flash(
        f"Too many login attempts. Please wait {throttle.wait_in_words(wait)}, then try again.",
        "error",
    )
    response = make_response(render_template("auth/login.html", form=form), 429)
    response.headers["Retry-After"] = str(wait)
    return response


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Log in with email and password, within the limits of blog.auth.throttle."""
    form = LoginForm()
    if request.method == "POST" and (wait := throttle.attempt_from_client()):
        return _slow_down(form, wait)
    if form.validate_on_submit():
        email = typed_email(form.email.data)
        user = db.session.scalar(select(User).where(User.email == email))
        if wait := throttle.wait_for_account(email, user):
            return _slow_down(form, wait)
        if password_matches(user, form.password.data):
            start_session(user)
            response = redirect(_safe_next(request.args.get("next")), 303)
            throttle.remember_device(response, user)
            return response
        throttle.count_failure(email)
        flash(LOGIN_REFUSED, "error")
        return render_template("auth/login.html", form=form), 401
    return render_template("auth/login.html", form=form), 422 if form.errors else 200


@bp.post("/logout")
def logout():
    end_session()
    flash("You are logged out.", "info")
    return redirect(url_for("public.index"), 303)


@bp.route("/password/<token>", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def set_password(token: str):
    """Choose a password from a one-time link (an invitation or a reset)."""
    user = user_for_token(token)
    if user is None:
        return render_template("auth/link_expired.html"), 404
    form = SetPasswordForm()
    if form.validate_on_submit():
        user.set_password(form.password.data)
        start_session(user)  # after the new password ended every other session
        flash("Your password is set.", "info")
        return redirect(url_for("builder.pages"), 303)
    return render_template("auth/set_password.html", form=form, user=user), (
        422 if form.errors else 200
    )
