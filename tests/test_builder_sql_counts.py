"""SQL statements per builder request do not grow with the page: one block save and one
column reorder cost the same on a page of 10 blocks as on a page of 500."""

from contextlib import contextmanager
from itertools import cycle, islice

import pytest
from sqlalchemy import event

from blog.content.blocks import REGISTRY
from blog.extensions import db
from blog.models import Block, Page, Row, User
from blog.publishing import publish

SIZES = (10, 500)


def _page_of(app, author_id: int, size: int) -> tuple[int, list[int]]:
    """A page whose one column holds `size` blocks of every registered type in turn (a
    heading first); returns its row's id and the blocks' ids in order."""
    types = islice(cycle(sorted(REGISTRY, key=lambda name: name != "heading")), size)
    with app.app_context():
        row = Row(position=0, layout="1")
        row.blocks = [
            Block(column=0, position=position, type=name, data=REGISTRY[name].defaults())
            for position, name in enumerate(types)
        ]
        author = db.session.get(User, author_id)
        db.session.add(
            Page(title=f"{size} blocks", slug=f"blocks-{size}", author=author, rows=[row])
        )
        db.session.commit()
        return row.id, [block.id for block in row.blocks]


@contextmanager
def _statements(app):
    """Collect the SQL statements sent to the database inside the block."""
    statements = []

    def count(_connection, _cursor, statement, *_args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_one_block_save_issues_as_many_statements_on_500_blocks_as_on_10(app, auth, htmx):
    author = auth.login_as("author")
    counts = {}
    for size in SIZES:
        _, blocks = _page_of(app, author, size)
        data = {"text": "Saved", "level": "2", "version": "1"}
        with _statements(app) as statements:
            response = htmx.post(f"/builder/blocks/{blocks[0]}", data=data)
        assert response.status_code == 200
        counts[size] = len(statements)
    assert counts[500] == counts[10], counts


def test_one_column_reorder_issues_as_many_statements_on_500_blocks_as_on_10(app, auth, htmx):
    author = auth.login_as("author")
    counts = {}
    for size in SIZES:
        row, blocks = _page_of(app, author, size)
        order = {"block": list(reversed(blocks))}
        with _statements(app) as statements:
            response = htmx.post(f"/builder/rows/{row}/columns/0/order", data=order)
        assert response.status_code == 204
        counts[size] = len(statements)
    assert counts[500] == counts[10], counts


@pytest.mark.parametrize("published", [False, True], ids=["draft", "published"])
def test_opening_the_editor_issues_as_many_statements_on_500_blocks_as_on_10(
    app, auth, client, published
):
    author = auth.login_as("editor")
    counts = {}
    for size in SIZES:
        row, _ = _page_of(app, author, size)
        with app.app_context():
            page = db.session.get(Row, row).page
            if published:
                publish(page, page.author)
                db.session.commit()
            page_id = page.id
        with _statements(app) as statements:
            response = client.get(f"/builder/pages/{page_id}")
        assert response.status_code == 200
        counts[size] = len(statements)
    assert counts[500] == counts[10], counts
