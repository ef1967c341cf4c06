"""Login sessions the server can end.

The signed session cookie holds a random token; the database holds its hash in a
LoginSession row. A session works while its row exists, its user is active with the same
security stamp as when it began, it was used within the idle lifetime and began within the
absolute lifetime. Logging out deletes the row; a new password or a deactivation changes the
stamp, which ends every session of that person at once.
"""

import hashlib
import secrets
from datetime import timedelta

from flask import current_app, request, session
from flask_login import login_user, logout_user
from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import joinedload

from blog.extensions import db
from blog.models import LoginSession, User, utcnow

SESSION_TOKEN = "login_session"
# Saying "still here" costs a write: at most once in this long per session.
SEEN_EVERY = timedelta(minutes=5)


def _hashed(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _lifetimes() -> tuple[timedelta, timedelta]:
    config = current_app.config
    return config["SESSION_IDLE_LIFETIME"], config["SESSION_ABSOLUTE_LIFETIME"]


def start_session(user: User) -> None:
    """Log `user` in with a new session. Whatever the cookie held before is dropped, the CSRF
    token with it, so nothing planted before the login carries over."""
    session.clear()
    token = secrets.token_urlsafe(32)
    _forget_ended_sessions(user)
    db.session.add(
        LoginSession(
            user=user,
            token_hash=_hashed(token),
            stamp=user.security_stamp,
            browser=request.user_agent.string[:120],
        )
    )
    db.session.commit()
    login_user(user)
    session[SESSION_TOKEN] = token
    session.permanent = True  # the cookie lasts as long as the session may (see config)


def end_session() -> None:
    """Log out of this browser: its session row goes, and the cookie is emptied."""
    token = session.get(SESSION_TOKEN)
    if isinstance(token, str):
        db.session.execute(delete(LoginSession).where(LoginSession.token_hash == _hashed(token)))
        db.session.commit()
    logout_user()
    session.clear()


def session_user(user_id: str) -> User | None:
    """The user of this request's session, when the session is still valid (Flask-Login's
    user loader); None ends it."""
    token = session.get(SESSION_TOKEN)
    if not isinstance(token, str) or not user_id.isdigit():
        return None
    found = db.session.scalar(
        select(LoginSession)
        .where(LoginSession.token_hash == _hashed(token))
        .options(joinedload(LoginSession.user))
    )
    if found is None or found.user_id != int(user_id) or not is_valid(found):
        return None
    now = utcnow()
    if now - found.last_seen_at > SEEN_EVERY:
        db.session.execute(
            update(LoginSession).where(LoginSession.id == found.id).values(last_seen_at=now)
        )
        db.session.commit()
    return found.user


def is_valid(login_session: LoginSession) -> bool:
    """True while the session may be used: see the module's docstring."""
    idle, absolute = _lifetimes()
    now, user = utcnow(), login_session.user
    return (
        user.active
        and login_session.stamp == user.security_stamp
        and now - login_session.last_seen_at < idle
        and now - login_session.created_at < absolute
    )


def current_session_id() -> int | None:
    """The id of this browser's LoginSession row, if it has one."""
    token = session.get(SESSION_TOKEN)
    if not isinstance(token, str):
        return None
    return db.session.scalar(
        select(LoginSession.id).where(LoginSession.token_hash == _hashed(token))
    )


def open_sessions(user: User) -> list[LoginSession]:
    """The person's sessions that still work, the most recently used first."""
    found = db.session.scalars(
        select(LoginSession)
        .where(LoginSession.user_id == user.id)
        .order_by(LoginSession.last_seen_at.desc(), LoginSession.id.desc())
    )
    return [login_session for login_session in found if is_valid(login_session)]


def end_other_sessions(user: User, *, only: int | None = None) -> int:
    """End the person's sessions except this browser's (or just the one with id `only`);
    return how many ended."""
    keep = current_session_id()
    query = delete(LoginSession).where(LoginSession.user_id == user.id)
    if keep is not None:
        query = query.where(LoginSession.id != keep)
    if only is not None:
        query = query.where(LoginSession.id == only)
    ended = db.session.execute(query).rowcount
    db.session.commit()
    return ended


def _forget_ended_sessions(user: User) -> None:
    """Delete the person's rows of sessions that can no longer be used, so the table holds
    only live sessions and a few stale ones."""
    idle, absolute = _lifetimes()
    now = utcnow()
    db.session.execute(
        delete(LoginSession).where(
            LoginSession.user_id == user.id,
            or_(
                LoginSession.stamp != user.security_stamp,
                LoginSession.last_seen_at <= now - idle,
                LoginSession.created_at <= now - absolute,
            ),
        )
    )
