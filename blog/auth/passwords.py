"""The password check at login, costing the same work whether or not the account exists."""

import functools
import secrets

from werkzeug.security import check_password_hash, generate_password_hash

from blog.models.users import PASSWORD_METHOD, User


@functools.cache
def _stand_in_hash() -> str:
    """A hash of a password nobody knows, made once per process (see prepare)."""
    return generate_password_hash(secrets.token_hex(32), method=PASSWORD_METHOD)


def prepare() -> None:
    """Make the stand-in hash now, so that no login pays for it."""
    _stand_in_hash()


def password_matches(user: User | None, password: str) -> bool:
    """True when `user` is an active account and this is its password. Without such an
    account the password is checked against a stand-in hash all the same: an answer that
    came sooner would tell a stranger which emails have accounts."""
    if user is None or not user.active or not user.password_hash:
        check_password_hash(_stand_in_hash(), password)
        return False
    return user.check_password(password)
