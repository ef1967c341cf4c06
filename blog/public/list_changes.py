"""When a transaction changes what the lists show, the stored lists are refreshed before it
commits: in the same transaction, so no reader ever gets a list that disagrees with the
articles, and whichever code made the change (Publish, Unpublish, the Trash, an import, a
person's new name, `pages rerender`) need not remember to ask.

What the lists show: which pages are published and not in the Trash, at which address, since
when and by whom (Page), what their published revision says (Revision: its words, kind,
featured image and noindex switch), and their author's name (User). Comments are not
shown in lists, so approving one refreshes nothing here.

The site settings (title, navigation, footer, ...) are on every stored page: when a
transaction saves them, every published article's stored copy is rendered again too, and
then every list, before it commits.
"""

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session

from blog.extensions import db
from blog.models import Page, Revision, SiteSettings, User
from blog.public import stored_lists
from blog.publishing import LISTS_CHANGED, rerender_all
from blog.site_settings import forget_site_settings

SHOWN = {
    # The relationship too: Publish sets it, and the id follows only while flushing.
    Page: {"status", "published_revision", "published_slug", "published_at", "deleted_at"},
    Revision: {
        "html",
        "title",
        "summary",
        "reading_minutes",
        "tags",
        "kind",
        "featured_image",
        "noindex",
    },
    User: {"name"},
    SiteSettings: {"title", "description", "language", "navigation", "footer", "social_image"},
}
# Set in a session's info when it saves the site settings: every stored page shows them.
SETTINGS_CHANGED = "site settings changed"
PAGE_COLUMNS_SHOWN = SHOWN[Page] - {"published_revision"} | {"published_revision_id", "author_id"}


def _lists_changed(session: Session) -> None:
    session.info[LISTS_CHANGED] = True


def _shown_change(item: Any) -> bool:
    shown = SHOWN.get(type(item))
    if shown is None:
        return False
    state = inspect(item)
    return any(state.attrs[name].history.has_changes() for name in shown)


def _note_changes(session: Session, flush_context, instances) -> None:
    published_now = any(isinstance(p, Page) and p.status == "published" for p in session.new)
    gone = any(isinstance(item, Page) for item in session.deleted)
    if published_now or gone or any(_shown_change(item) for item in session.dirty):
        _lists_changed(session)
    settings = [item for item in (*session.new, *session.dirty) if isinstance(item, SiteSettings)]
    if any(item in session.new or _shown_change(item) for item in settings):
        session.info[SETTINGS_CHANGED] = True


def _note_bulk_changes(state: ORMExecuteState) -> None:
    """UPDATE and DELETE statements on pages (restoring from the Trash, deleting for good)."""
    if not (state.is_update or state.is_delete) or state.bind_mapper is not inspect(Page):
        return
    if state.is_delete or PAGE_COLUMNS_SHOWN & set(state.statement.compile().params):
        _lists_changed(state.session)


def _refresh_before_commit(session: Session) -> None:
    session.flush()  # pending changes are noted now, not during the refresh's first query
    if session.info.pop(SETTINGS_CHANGED, False):
        forget_site_settings()  # read again, as saved, by every page rendered now
        rerender_all()  # and the lists with them
        session.flush()
    if session.info.pop(LISTS_CHANGED, False):
        stored_lists.refresh()
        session.flush()
        session.info.pop(LISTS_CHANGED, None)  # the refresh's own writes change no list


def _forget_on_rollback(session: Session) -> None:
    session.info.pop(LISTS_CHANGED, None)
    session.info.pop(SETTINGS_CHANGED, None)


def init_app() -> None:
    """Watch the app's sessions (once per process: the session factory is shared)."""
    if not event.contains(db.session, "before_flush", _note_changes):
        event.listen(db.session, "before_flush", _note_changes)
        event.listen(db.session, "do_orm_execute", _note_bulk_changes)
        event.listen(db.session, "before_commit", _refresh_before_commit)
        event.listen(db.session, "after_rollback", _forget_on_rollback)
