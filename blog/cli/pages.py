"""Flask commands `pages export SLUG` and `pages import FILE|-` (pages as JSON documents),
`pages rerender` (stored pages rendered again after a template change) and
`pages publish-due` (scheduled pages whose time has come, for cron)."""

import json
from collections import Counter
from typing import IO

import click
from flask.cli import AppGroup
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from blog.content.document_checks import DocumentInvalid
from blog.content.document_export import export_page
from blog.extensions import db
from blog.models import Page, Row, User
from blog.publishing import import_document, rerender_all
from blog.schedule import clock, publish_due
from blog.typed_text import typed_email

pages_cli = AppGroup(
    "pages", help="Export and import pages as JSON; render them again; publish scheduled ones."
)


@pages_cli.command("export")
@click.argument("slug")
def export_command(slug: str) -> None:
    """Print the page with this slug (its draft and pictures) as a JSON document."""
    page = db.session.scalar(
        select(Page)
        .where(Page.slug == slug)
        .options(selectinload(Page.rows).selectinload(Row.blocks), selectinload(Page.tags))
    )
    if page is None:
        raise click.ClickException(f"No page has the slug {slug}.")
    click.echo(json.dumps(export_page(page), indent=2, ensure_ascii=False))


@pages_cli.command("import")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--author", "author_email", help="Email of the page's author (default: an admin).")
def import_command(file: IO[str], author_email: str | None) -> None:
    """Store the JSON document in FILE (or "-" for standard input) as a new page and print
    its URL path. A document with status "published" is published."""
    author = _author(author_email)
    try:
        document = json.load(
            file, parse_constant=_refuse_constant, object_pairs_hook=_refuse_repeated_keys
        )
    except ValueError as error:  # bad JSON, and text that is not UTF-8
        raise click.ClickException(f"Not a JSON document: {error}") from None
    except RecursionError:
        raise click.ClickException("Not a page document: it nests far too deep.") from None
    try:
        page = import_document(document, author)
    except DocumentInvalid as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"/{page.slug}")


@pages_cli.command("rerender")
def rerender_command() -> None:
    """Render every published page again, e.g. after the templates changed."""
    count = rerender_all()
    db.session.commit()
    click.echo(f"Rendered {count} published page(s) again.")


@pages_cli.command("publish-due")
def publish_due_command() -> None:
    """Publish the scheduled pages whose time has come (requests do this too; see README)."""
    published = publish_due(clock()())
    click.echo(f"Published {len(published)} scheduled page(s).")


def _refuse_repeated_keys(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object, unless it names a key twice (which one would count is a guess)."""
    document = dict(pairs)
    if len(document) != len(pairs):
        counts = Counter(key for key, _ in pairs)
        repeated = min(key for key, count in counts.items() if count > 1)
        raise ValueError(f"the key {repeated!r} appears twice in one object")
    return document


def _refuse_constant(name: str) -> None:
    """NaN and Infinity are not JSON, though Python's parser takes them."""
    raise ValueError(f"{name} is not a JSON value")


def _author(email: str | None) -> User:
    """The user named by --author, or else the first active admin."""
    if email is not None:
        user = db.session.scalar(select(User).where(User.email == typed_email(email)))
        if user is None:
            raise click.ClickException(f"No user has the email {email}.")
        if not user.active:
            raise click.ClickException(f"{user.email} is deactivated; name an active user.")
        return user
    admin = db.session.scalar(
        select(User).where(User.role == "admin", User.active.is_(True)).order_by(User.id).limit(1)
    )
    if admin is None:
        raise click.ClickException(
            "There is no active admin to record as the author: pass --author EMAIL."
        )
    return admin
