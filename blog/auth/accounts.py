"""Changes to people's accounts: a role change or a deactivation never takes away the last
active admin, even when two admins take each other's rights at the same moment."""

from sqlalchemy import exists, or_, select, update
from sqlalchemy.orm import aliased

from blog.extensions import db
from blog.models import User
from blog.models.users import new_security_stamp


def set_role(user: User, role: str) -> bool:
    """Give the user this role. False, with nothing changed, when the user is the last
    active admin and the role is not admin."""
    if role == "admin":
        user.role = role
        db.session.commit()
        return True
    return _change_keeping_an_admin(user, role=role)


def deactivate(user: User) -> bool:
    """Stop the user from logging in. False, with nothing changed, when the user is the
    last active admin."""
    # A new stamp ends the person's sessions and password links (see User.security_stamp).
    return _change_keeping_an_admin(user, active=False, security_stamp=new_security_stamp())


def reactivate(user: User) -> None:
    """Let a deactivated user log in again."""
    user.active = True
    db.session.commit()


def _change_keeping_an_admin(user: User, **values: object) -> bool:
    """Apply `values` to the user, which takes away admin rights if they had them, unless no
    other active admin would be left; commit, and say whether it was applied."""
    # PostgreSQL: first lock every active admin's row, always in id order so that two such
    # changes cannot deadlock. A second change waits here until the first commits; under
    # READ COMMITTED its UPDATE below is a new statement that then sees the first change.
    # (Without the lock each UPDATE's check could read the other admin as still active.)
    # SQLite renders no FOR UPDATE: it has one writer at a time, and the check and the
    # write are one statement, so no other write can come between them.
    db.session.execute(
        select(User.id)
        .where(User.role == "admin", User.active.is_(True))
        .order_by(User.id)
        .with_for_update()
    )
    other = aliased(User)
    another_admin = exists().where(
        other.role == "admin", other.active.is_(True), other.id != user.id
    )
    changed = db.session.execute(
        update(User)
        .where(
            User.id == user.id,
            or_(User.role != "admin", User.active.is_(False), another_admin),
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not changed:
        db.session.rollback()
        return False
    db.session.commit()  # also expires `user`, so it is read again as stored
    return True
