"""User accounts and their roles."""

import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column, validates
from werkzeug.security import check_password_hash, generate_password_hash

from blog.extensions import NEVER_REUSE_IDS, db
from blog.models.time import utcnow
from blog.typed_text import typed_email

# Ordered from most to least powerful.
ROLES = ("admin", "editor", "author")
# How passwords are hashed (werkzeug's method name, with its default cost).
PASSWORD_METHOD = "scrypt"


def new_security_stamp() -> str:
    """A fresh random security stamp (see User.security_stamp)."""
    return secrets.token_hex(16)


class User(UserMixin, db.Model):
    """A person who can log in: an admin, an editor or an author."""

    __tablename__ = "users"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255), default="")
    role: Mapped[str] = mapped_column(String(16), default="author")
    active: Mapped[bool] = mapped_column(default=True)
    # Changes with the password and with being active: sessions and one-time links made
    # under an older stamp stop working, and a reactivation does not bring them back.
    security_stamp: Mapped[str] = mapped_column(String(32), default=new_security_stamp)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @validates("email")
    def _normalise_email(self, _key: str, email: str) -> str:
        return typed_email(email)

    @validates("password_hash", "active")
    def _new_security_stamp(self, key: str, value):
        if getattr(self, key) != value:
            self.security_stamp = new_security_stamp()
        return value

    @validates("role")
    def _check_role(self, _key: str, role: str) -> str:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
        return role

    @property
    def is_active(self) -> bool:
        """Flask-Login refuses to log in, and to keep logged in, an inactive user."""
        return self.active

    def set_password(self, password: str) -> None:
        """Store a scrypt hash of the password, never the password."""
        self.password_hash = generate_password_hash(password, method=PASSWORD_METHOD)

    def check_password(self, password: str) -> bool:
        """True when the password matches the stored hash."""
        return bool(self.password_hash) and check_password_hash(self.password_hash, password)

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"
