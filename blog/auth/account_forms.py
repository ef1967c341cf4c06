"""The forms a person fills in about their own account: choosing a password (from a one-time
link), changing it (knowing the current one), and their name."""

from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from blog.typed_text import typed_text

NAME_MAX_LENGTH = 120


PASSWORD_LENGTH = Length(min=10, max=1024, message="Use at least 10 characters (at most 1,024).")


class SetPasswordForm(FlaskForm):
    password = PasswordField("Password", validators=[DataRequired(), PASSWORD_LENGTH])
    repeat = PasswordField("Repeat password", validators=[DataRequired()])

    def validate_repeat(self, field) -> None:
        if field.data != self.password.data:
            raise ValidationError("The two passwords differ.")


class ChangePasswordForm(SetPasswordForm):
    """The new password twice, and the current one: a browser left logged in is not enough
    to take over the account. The view checks the current password."""

    current = PasswordField(
        "Current password",
        validators=[DataRequired("Enter your current password."), Length(max=1024)],
    )
    password = PasswordField("New password", validators=[DataRequired(), PASSWORD_LENGTH])
    repeat = PasswordField("Repeat new password", validators=[DataRequired()])


class NameForm(FlaskForm):
    name = StringField(
        "Name",
        filters=[lambda value: typed_text(value).strip()],
        validators=[
            DataRequired("Enter the name readers see on your pages."),
            Length(max=NAME_MAX_LENGTH, message=f"Use at most {NAME_MAX_LENGTH} characters."),
        ],
    )
