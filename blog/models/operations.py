"""The operation log: each change to a page's content, with the state of what it touched
before and after, so that the person who made it can undo and redo it, even after a reload."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from blog.extensions import NEVER_REUSE_IDS, db
from blog.models.time import utcnow

# How many operations a page keeps: recording one more forgets the oldest beyond this.
OPERATIONS_KEPT_PER_PAGE = 200


class Operation(db.Model):
    """One change a person made to a page, e.g. "Row deleted". `changes` lists each thing it
    touched as {"kind": "block" | "row" | "details", "id": ..., "before": {...} | None,
    "after": {...} | None} (None: it did not exist). Ids grow with time, so they order the
    log; `undone` marks the operations waiting for Redo."""

    __tablename__ = "operations"
    __table_args__ = (
        Index("ix_operations_page_person", "page_id", "person_id", "id"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(120))
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    undone: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
