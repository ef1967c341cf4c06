"""Who may do what: the one home of the permission rules, used by every protected view and,
through the template globals set in blog.auth, by every template."""

from collections.abc import Callable
from functools import wraps

from flask import abort
from flask_login import current_user
from sqlalchemy import select

from blog.extensions import db, login_manager
from blog.models import Block, Media, Page, Row, User

# Editors and admins run the site's content: publish any page, edit any page, moderate.
CONTENT_MANAGERS = ("admin", "editor")


def can_edit_any_page(user: User) -> bool:
    """Editors and admins edit every page; authors only their own (see can_edit_page)."""
    return user.role in CONTENT_MANAGERS


def can_edit_page(user: User, page: Page) -> bool:
    """Editors and admins edit any page; authors only their own."""
    return can_edit_any_page(user) or page.author_id == user.id


def can_publish(user: User) -> bool:
    """Only editors and admins publish."""
    return user.role in CONTENT_MANAGERS


def can_delete_page(user: User, page: Page) -> bool:
    """Whoever edits a page may delete it (into the Trash), except a published one: that
    takes someone who may publish, as taking it off the site does."""
    return can_edit_page(user, page) and (can_publish(user) or not page.is_published)


def can_use_trash(user: User) -> bool:
    """Editors and admins see the Trash, restore pages from it and empty it."""
    return user.role in CONTENT_MANAGERS


def can_moderate(user: User) -> bool:
    """Editors and admins moderate comments."""
    return user.role in CONTENT_MANAGERS


def can_manage_users(user: User) -> bool:
    """Only admins manage people."""
    return user.role == "admin"


def can_manage_settings(user: User) -> bool:
    """Only admins change the site settings (title, navigation, footer, ...)."""
    return user.role == "admin"


def can_use_media(user: User, media: Media) -> bool:
    """A picture may go into a block when readers can already see it, or the person uploaded
    it, or they run the site's content."""
    return media.public or media.uploader_id == user.id or can_edit_any_page(user)


def can_see_media(user: User, media: Media) -> bool:
    """Anyone sees a public picture; a draft's picture only the people who may use it and
    the authors of pages whose drafts show it."""
    if media.public:
        return True
    if not user.is_authenticated:
        return False
    if can_use_media(user, media):
        return True
    in_own_page = (
        select(Block.id)
        .join(Row)
        .join(Page)
        .where(
            Page.author_id == user.id,
            Block.type == "image",
            Block.data["media"].as_string() == media.sha256,
        )
        .limit(1)
    )
    return db.session.scalar(in_own_page) is not None


def require(check: Callable[[User], bool]) -> Callable:
    """Decorate a view: anonymous users are sent to log in, users failing check get 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not check(current_user):
                abort(403)
            return view(*args, **kwargs)

        return guarded

    return decorator


def any_role(_user: User) -> bool:
    """Every logged-in user passes."""
    return True


def require_page_editor(page: Page) -> None:
    """Abort with 403 unless the current user may edit this page."""
    if not can_edit_page(current_user, page):
        abort(403)
