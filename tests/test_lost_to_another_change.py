"""A change PostgreSQL gives up because another transaction held what it needed in the
other order (a deadlock) is answered 409 in words, with nothing changed, never a 500."""

import threading

import pytest
from sqlalchemy import create_engine, select, text

from blog.extensions import db
from blog.models import Block

from helpers.builder_pages import build_page

WAITING = text("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'")


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_move_that_loses_a_deadlock_is_a_409_and_changes_nothing(app, auth, client):
    editor = auth.login_as("editor")
    page = build_page(app, editor, ("1", [["One", "Two", "Three"]]))
    first, _, last = page.blocks[0][0]
    engine = create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
    answers = []
    mover = threading.Thread(
        target=lambda: answers.append(
            client.post(f"/builder/blocks/{first}/move", data={"direction": "down"})
        )
    )
    # Closed whatever happens: an open transaction holding rows would keep the next test's
    # emptying of the database waiting.
    with engine.connect() as other:
        try:
            # The other transaction waits long before looking for a deadlock, so the
            # request, which looks after PostgreSQL's default second, is the one given up.
            other.execute(text("SET deadlock_timeout = '20s'"))
            other.execute(text("UPDATE blocks SET data = data WHERE id = :id"), {"id": last})
            mover.start()
            # Once the move holds the first blocks and waits for the last, take the first.
            while not other.execute(WAITING).scalar() and mover.is_alive():
                pass
            other.execute(text("UPDATE blocks SET data = data WHERE id = :id"), {"id": first})
        finally:
            other.rollback()
            mover.join(30)
    engine.dispose()
    [answer] = answers
    assert answer.status_code == 409, answer.status_code
    assert "Someone else changed this page at the same moment" in answer.get_data(as_text=True)
    with app.app_context():
        order = db.session.scalars(
            select(Block.id).where(Block.row_id == page.rows[0]).order_by(Block.position)
        ).all()
    assert order == page.blocks[0][0]
