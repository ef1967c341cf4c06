"""Log in and log out."""

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length, ValidationError

from blog.auth.invitations import user_for_token
from blog.auth.sessions import end_session, start_session
from blog.extensions import db, limiter
from blog.models import User
from blog.typed_text import typed_text

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


def _account_key() -> str:
    """Throttle guesses at one account from anywhere, as well as from one client."""
    return "login:" + request.form.get("email", "").strip().lower()


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT_PER_CLIENT"], methods=["POST"])
@limiter.limit(
    lambda: current_app.config["LOGIN_RATE_LIMIT_PER_ACCOUNT"],
    methods=["POST"],
    key_func=_account_key,
)
def login():
    form = LoginForm()
    if form.validate_on_submit():
        email = typed_text(form.email.data).strip().lower()
        user = db.session.scalar(select(User).where(User.email == email))
        if user is not None and user.active and user.check_password(form.password.data):
            start_session(user)
            return redirect(_safe_next(request.args.get("next")), 303)
        flash(LOGIN_REFUSED, "error")
        return render_template("auth/login.html", form=form), 401
    return render_template("auth/login.html", form=form), 422 if form.errors else 200


@bp.post("/logout")
def logout():
    end_session()
    flash("You are logged out.", "info")
    return redirect(url_for("public.index"), 303)


class SetPasswordForm(FlaskForm):
    password = PasswordField("Password", validators=[DataRequired(), Length(min=10, max=1024)])
    repeat = PasswordField("Repeat password", validators=[DataRequired()])

    def validate_repeat(self, field) -> None:
        if field.data != self.password.data:
            raise ValidationError("The two passwords differ.")


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
