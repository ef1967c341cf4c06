"""Login throttling that slows a password guesser without letting a stranger lock the owner
out of their account.

Three limits, counted in Flask-Limiter's storage (so every process shares them when
BLOG_RATELIMIT_STORAGE_URI names a shared store):

- every login attempt from one client address, counted before any password is checked, so
  that one client can make the server hash only so many passwords;
- failed attempts at one account from one client;
- failed attempts at one account from anywhere, which a browser that has logged into that
  account before is not held to: it carries a signed "known device" cookie. Strangers
  guessing from elsewhere can make a new browser wait, never the owner's own.

A successful login is counted only as an attempt from its client. SECURITY.md says why.
"""

import hashlib
import math
import time

from flask import Response, current_app, request, url_for
from flask_limiter.util import get_remote_address
from itsdangerous import BadData, URLSafeTimedSerializer
from limits import RateLimitItem, parse_many

from blog.extensions import limiter
from blog.models import User

KNOWN_DEVICE_COOKIE = "known_device"
# A browser shared by a few people remembers each of them.
KNOWN_ACCOUNTS_PER_DEVICE = 5


def _limits(setting: str) -> list[RateLimitItem]:
    return parse_many(current_app.config[setting])


def _account(email: str) -> str:
    """The account's name in the store: a digest, so that the store holds no addresses."""
    return hashlib.sha256(email.encode()).hexdigest()


def _wait(over: list[RateLimitItem], *keys: str) -> int:
    """Seconds until the windows of these exhausted limits end (at least 1); 0 for none."""
    if not over:
        return 0
    now = time.time()
    ends = (limiter.limiter.get_window_stats(item, *keys).reset_time for item in over)
    return max(1, *(math.ceil(end - now) for end in ends))


def _failures_wait(setting: str, *keys: str) -> int:
    """Seconds before these keys may fail once more under this setting's limits; 0 for now."""
    over = [item for item in _limits(setting) if not limiter.limiter.test(item, *keys)]
    return _wait(over, *keys)


def attempt_from_client() -> int:
    """Count a login attempt from this request's client: 0 when it may go on, otherwise the
    seconds it must wait."""
    if not limiter.enabled:
        return 0
    keys = ("login-attempts", get_remote_address())
    limits = _limits("LOGIN_ATTEMPTS_PER_CLIENT")
    return _wait([item for item in limits if not limiter.limiter.hit(item, *keys)], *keys)


def wait_for_account(email: str, user: User | None) -> int:
    """Seconds before this client may try the account with this email again; 0 for now.
    `user` is the account, if one has that email: its own browsers skip the account-wide
    limit."""
    if not limiter.enabled:
        return 0
    account = _account(email)
    wait = _failures_wait(
        "LOGIN_FAILURES_PER_ACCOUNT_AND_CLIENT", "login-failures", account, get_remote_address()
    )
    if is_known_device(user):
        return wait
    return max(wait, _failures_wait("LOGIN_FAILURES_PER_ACCOUNT", "login-failures", account))


def count_failure(email: str) -> None:
    """Count a refused login against the account, from this client and from anywhere."""
    if not limiter.enabled:
        return
    account = _account(email)
    for setting, keys in (
        ("LOGIN_FAILURES_PER_ACCOUNT_AND_CLIENT", (account, get_remote_address())),
        ("LOGIN_FAILURES_PER_ACCOUNT", (account,)),
    ):
        for item in _limits(setting):
            limiter.limiter.hit(item, "login-failures", *keys)


def wait_in_words(seconds: int) -> str:
    """ "45 seconds", "3 minutes", "2 hours": rounded up, so that trying then works."""
    if seconds < 120:
        return f"{seconds} second{'' if seconds == 1 else 's'}"
    if seconds < 2 * 3600:
        return f"{math.ceil(seconds / 60)} minutes"
    return f"{math.ceil(seconds / 3600)} hours"


def _device_signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="blog.auth.known-device")


def _mark(user: User) -> list:
    """How the cookie names an account: its id and a digest of its security stamp, so a new
    password (or a deactivation) makes every browser a stranger to it again."""
    return [user.id, hashlib.sha256(user.security_stamp.encode()).hexdigest()[:12]]


def _known_accounts() -> list[list]:
    """The accounts that logged in from this browser, newest first, as _mark names them."""
    cookie = request.cookies.get(KNOWN_DEVICE_COOKIE)
    if not cookie:
        return []
    max_age = current_app.config["LOGIN_KNOWN_DEVICE_DAYS"] * 86400
    try:
        accounts = _device_signer().loads(cookie, max_age=max_age)
    except BadData:
        return []
    return (
        [item for item in accounts if isinstance(item, list)] if isinstance(accounts, list) else []
    )


def is_known_device(user: User | None) -> bool:
    """True when this browser has logged into this account, with its current password."""
    return user is not None and _mark(user) in _known_accounts()


def remember_device(response: Response, user: User) -> None:
    """Mark this browser as one that logged into this account (a signed cookie, sent only
    to the login form)."""
    accounts = [_mark(user), *(item for item in _known_accounts() if item[:1] != [user.id])]
    days = current_app.config["LOGIN_KNOWN_DEVICE_DAYS"]
    response.set_cookie(
        KNOWN_DEVICE_COOKIE,
        _device_signer().dumps(accounts[:KNOWN_ACCOUNTS_PER_DEVICE]),
        max_age=days * 86400,
        path=url_for("auth.login"),
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
