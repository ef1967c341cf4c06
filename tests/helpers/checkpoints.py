"""Draft checkpoints as stored, and time moved on for them: what the checkpoint and history
tests read and arrange."""

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from blog.extensions import db
from blog.models import Checkpoint, Page


def checkpoints_of(app, page_id: int) -> list[tuple[str, int | None, dict[str, Any]]]:
    """The page's checkpoints, oldest first: (reason, person id, content)."""
    with app.app_context():
        found = db.session.execute(
            select(Checkpoint.reason, Checkpoint.person_id, Checkpoint.content)
            .where(Checkpoint.page_id == page_id)
            .order_by(Checkpoint.id)
        )
        return [tuple(checkpoint) for checkpoint in found]


def checkpoint_ids(app, page_id: int) -> list[int]:
    """The ids of the page's checkpoints, oldest first."""
    with app.app_context():
        return list(
            db.session.scalars(
                select(Checkpoint.id).where(Checkpoint.page_id == page_id).order_by(Checkpoint.id)
            )
        )


def minutes_pass(app, page_id: int, minutes: int) -> None:
    """Make the page and its checkpoints `minutes` older, as if that much time had passed."""
    earlier = timedelta(minutes=minutes)
    with app.app_context():
        page = db.session.get(Page, page_id)
        page.created_at -= earlier
        for checkpoint in db.session.scalars(
            select(Checkpoint).where(Checkpoint.page_id == page_id)
        ):
            checkpoint.created_at -= earlier
        db.session.commit()


def block_texts(content: dict[str, Any]) -> list[str]:
    """The text of each block of a page document, in reading order."""
    return [
        str(block["data"].get("text", block["data"].get("markdown", block["type"])))
        for row in content["rows"]
        for column in row["columns"]
        for block in column
    ]
