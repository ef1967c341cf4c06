"""`flask demo`: a few published posts in several layouts with cover pictures, an About
page, site settings (description, navigation, footer) and a demo admin, idempotently."""

import secrets

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from blog.cli.demo_pictures import cover, featured
from blog.content.document import EXPORT_FORMAT
from blog.extensions import db
from blog.models import Page, SiteSettings, User
from blog.models.settings import SITE
from blog.publishing import import_document

DEMO_ADMIN_EMAIL = "admin@example.com"


def _row(layout: str, *columns: list[dict]) -> dict:
    return {"layout": layout, "columns": list(columns)}


def _heading(text: str, level: int = 2) -> dict:
    return {"type": "heading", "data": {"text": text, "level": level}}


def _text(*paragraphs: str) -> dict:
    return {"type": "text", "data": {"markdown": "\n\n".join(paragraphs)}}


def _block(type_name: str, **data) -> dict:
    return {"type": type_name, "data": data}


WELCOME = {
    "title": "Welcome to the page builder",
    "slug": "welcome",
    "summary": "What this blog is, and how its pages are put together from rows and blocks.",
    "tags": ["Guide"],
    "rows": [
        _row(
            "1",
            [
                _heading("Pages made of rows and blocks"),
                _text(
                    "Every page here is a stack of **rows**. A row is split into one to four "
                    "columns, and each column holds blocks: headings, text, quotes, code, "
                    "buttons and more.",
                    "Editors arrange them in the browser, and every change is saved the "
                    "moment it is made.",
                ),
            ],
        ),
        _row(
            "1-1",
            [_heading("For readers", 3), _text("Published pages are rendered once and stored.")],
            [_heading("For editors", 3), _text("Drafts stay private until you *Publish*.")],
        ),
        _row("1", [_block("button", label="Read the field notes", url="/field-notes")]),
    ],
    **featured(cover("#1d4e89", "#f6c85f", "#fdf3d8"), "A pale sun rising over deep blue"),
}

FIELD_NOTES = {
    "title": "Field notes from a rainy allotment",
    "slug": "field-notes",
    "summary": "Three seasons of beans, slugs and stubborn rhubarb, written down as they went.",
    "tags": ["Garden", "Notes"],
    "rows": [
        _row(
            "2-1",
            [
                _text(
                    "The beans went in late this year. The soil stayed cold well into May, "
                    "and the first sowing sulked for a fortnight before anything showed.",
                    "By July the second sowing had overtaken the first, which taught the "
                    "usual lesson: *patience beats an early start*.",
                )
            ],
            [_block("quote", text="Rhubarb forgives everything but a move.", cite="A neighbour")],
        ),
        _row("1", [_block("divider"), _heading("Through the year")]),
        _row(
            "1-1-1",
            [_heading("Spring", 3), _text("Cold frames, seed trays, hope.")],
            [_heading("Summer", 3), _text("Watering before work, weeding after.")],
            [_heading("Autumn", 3), _text("Squash on every windowsill.")],
        ),
    ],
    **featured(cover("#2f5d3a", "#a7c957", "#f2e8cf"), "A low sun over green rows"),
}

WORD_COUNT_SCRIPT = """def reading_minutes(words: int, per_minute: int = 220) -> int:
    return max(1, round(words / per_minute))
"""

COUNTING_WORDS = {
    "title": "A small script to count words",
    "slug": "counting-words",
    "summary": "How long is a post, really? A few lines of Python answer it.",
    "tags": ["Code"],
    "rows": [
        _row(
            "1-2",
            [_text("Reading time is estimated from the words in a page's text blocks.")],
            [_block("code", language="python", code=WORD_COUNT_SCRIPT)],
        ),
    ],
    **featured(cover("#3c1642", "#086375", "#1dd3b0"), "A teal disc on a purple dusk"),
}

ABOUT = {
    "title": "About this blog",
    "slug": "about",
    "kind": "page",
    "summary": "Who writes here, and about what.",
    "tags": [],
    "rows": [
        _row(
            "1",
            [
                _text(
                    "Notes from a rainy allotment and a small keyboard: what grew, what "
                    "did not, and the scripts written along the way.",
                    "This is a standalone page: it has no date or byline, and it stays off "
                    "the front page and the feed. The header links to it.",
                )
            ],
        )
    ],
}

DEMO_PAGES = [WELCOME, FIELD_NOTES, COUNTING_WORDS, ABOUT]
DEMO_SETTINGS = {
    "description": "Field notes, small scripts and the odd recipe.",
    "navigation": [{"label": "About", "address": "/about"}],
    "footer": "Demo content, written with the page builder.",
}


def _demo_admin() -> tuple[User, str]:
    """The demo admin with a freshly generated password (printed, never stored in clear)."""
    user = db.session.scalar(select(User).where(User.email == DEMO_ADMIN_EMAIL))
    if user is None:
        user = User(email=DEMO_ADMIN_EMAIL, name="Demo Admin", role="admin")
        db.session.add(user)
    user.role, user.active = "admin", True
    password = secrets.token_urlsafe(12)
    user.set_password(password)
    return user, password


@click.command("demo")
@with_appcontext
def demo_command() -> None:
    """Load the demo pages (once) and print a login for the demo admin."""
    admin, password = _demo_admin()
    created = 0
    for entry in DEMO_PAGES:
        if db.session.scalar(select(Page.id).where(Page.slug == entry["slug"])) is not None:
            continue
        import_document({"format": EXPORT_FORMAT, "status": "published", **entry}, admin)
        created += 1
    if db.session.get(SiteSettings, SITE) is None:  # an admin's own settings are kept
        title = current_app.config["BLOG_TITLE"]
        db.session.add(SiteSettings(id=SITE, title=title, **DEMO_SETTINGS))
    db.session.commit()
    click.echo(f"Demo content: {created} page(s) added, {len(DEMO_PAGES) - created} already there.")
    click.echo(f"Demo login: {DEMO_ADMIN_EMAIL} / {password}")
