"""Pages as documents through the app, as the `pages` commands move them: people to record as
authors, import and export, and a count of everything stored."""

import json

from sqlalchemy import func, select

from blog.content.document_export import export_page
from blog.extensions import db
from blog.models import Block, Media, Page, Revision, Row, Tag, User
from blog.publishing import import_document


def add_user(app, role: str, email: str | None = None, active: bool = True) -> int:
    """A user without a password (the commands need none); returns their id."""
    with app.app_context():
        user = User(email=email or f"{role}@example.com", name=role, role=role, active=active)
        db.session.add(user)
        db.session.commit()
        return user.id


def imported(app, document: dict, user_id: int) -> int:
    """Import and commit, as the command does; returns the new page's id."""
    with app.app_context():
        page = import_document(document, db.session.get(User, user_id))
        db.session.commit()
        return page.id


def exported(app, page_id: int) -> dict:
    with app.app_context():
        return export_page(db.session.get(Page, page_id))


def stored_counts(app) -> dict[str, int]:
    with app.app_context():
        models = (Page, Row, Block, Tag, Media, Revision)
        return {m.__name__: db.session.scalar(select(func.count()).select_from(m)) for m in models}


def import_command(runner, document, *options: str):
    text = document if isinstance(document, str | bytes) else json.dumps(document)
    return runner.invoke(args=["pages", "import", "-", *options], input=text)
