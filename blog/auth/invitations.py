"""One-time links to set a password: for invited users and for password resets.

A link is signed and names the user and a fingerprint of their security stamp, which changes
with the password and with being active: a link stops working once used, after any password
change, after a deactivation (a reactivation does not revive it) and after INVITATION_DAYS.
"""

import hashlib

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from blog.extensions import db
from blog.models import User
from blog.site_address import absolute_url

INVITATION_DAYS = 7


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="set-password")


def _fingerprint(user: User) -> str:
    return hashlib.sha256(user.security_stamp.encode()).hexdigest()[:16]


def password_link(user: User) -> str:
    """An absolute one-time link for `user` to choose a password."""
    token = _serializer().dumps([user.id, _fingerprint(user)])
    return absolute_url("auth.set_password", token=token)


def user_for_token(token: str) -> User | None:
    """The user a link was made for, if it is genuine, unused, fresh and they are active."""
    try:
        user_id, fingerprint = _serializer().loads(token, max_age=INVITATION_DAYS * 86400)
    except (BadSignature, ValueError, TypeError):
        return None
    user = db.session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or not user.active or fingerprint != _fingerprint(user):
        return None
    return user
