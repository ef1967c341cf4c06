"""Block previews as the canvas shows them, as the database stores them, and as the builder
renders one block afresh (its answer to "Cancel"), to compare the three."""

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader
from sqlalchemy import select

from blog.extensions import db
from blog.models import Block, Row

from helpers.statement_counter import statements_sent

ARTICLE = re.compile(r'<article id="block-(\d+)".*?</article>', re.DOTALL)


def stored_previews(app, page_id: int) -> dict[int, str | None]:
    """The stored preview of each live block of the page, by block id."""
    with app.app_context():
        found = db.session.execute(
            select(Block.id, Block.preview_html)
            .join(Row, Row.id == Block.row_id)
            .where(Row.page_id == page_id, Block.deleted_at.is_(None))
        )
        return {block_id: preview for block_id, preview in found}


def fresh_preview(htmx, block_id: int) -> str:
    """The block rendered now, as the builder answers "Cancel" (less its autofocus)."""
    answer = htmx.get(f"/builder/blocks/{block_id}")
    assert answer.status_code == 200
    return answer.get_data(as_text=True).replace(" autofocus>", ">", 1)


def shown_previews(client, page_id: int) -> dict[int, str]:
    """Each block's preview on the editor's canvas, by block id."""
    html = client.get(f"/builder/pages/{page_id}").get_data(as_text=True)
    return {int(found[1]): found[0] for found in ARTICLE.finditer(html)}


def block_writes_while_opening(app, client, page_id: int) -> list[str]:
    """The statements that wrote blocks while the editor of the page was opened."""
    with app.app_context(), statements_sent(db.engine) as sent:
        assert client.get(f"/builder/pages/{page_id}").status_code == 200
    return [statement for statement in sent if statement.lstrip().upper().startswith("UPDATE")]


def assert_previews_fresh(app, client, htmx, page_id: int) -> None:
    """Every block's stored preview is the one the builder renders now, the canvas shows it,
    and opening the editor found nothing to render again (no write)."""
    stored = stored_previews(app, page_id)
    assert stored, "the page has blocks"
    fresh = {block_id: fresh_preview(htmx, block_id) for block_id in stored}
    assert stored == fresh
    assert block_writes_while_opening(app, client, page_id) == []
    assert shown_previews(client, page_id) == fresh


@contextmanager
def editable_block_template(app, name: str, folder: Path) -> Iterator[Path]:
    """The app serves the block template `name` from a copy in `folder` (yielded, to edit)
    and reloads templates as they are edited, as in development; as shipped afterwards. The
    app is shared between tests: its compiled templates are dropped on the way in and out."""
    shipped, reloads = app.jinja_loader, app.jinja_env.auto_reload
    copy = folder / name
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(shipped.get_source(app.jinja_env, name)[0])
    app.jinja_loader = ChoiceLoader([FileSystemLoader(folder), shipped])
    app.jinja_env.auto_reload = True
    app.jinja_env.cache.clear()
    try:
        yield copy
    finally:
        app.jinja_loader, app.jinja_env.auto_reload = shipped, reloads
        app.jinja_env.cache.clear()


def edit_template(path: Path, old: str, new: str) -> None:
    """Change a template file, and its time, so that a reloading app sees the change."""
    path.write_text(path.read_text().replace(old, new))
    later = path.stat().st_mtime + 10
    os.utime(path, (later, later))
