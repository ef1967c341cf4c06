"""Draft checkpoints: the page's draft as a `blog.page/1` document, kept from time to time
(while someone edits, before a publish, before a restore) so History can show, compare and
restore drafts that were never published."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from blog.extensions import NEVER_REUSE_IDS, db
from blog.models.time import utcnow
from blog.models.users import User

# How many checkpoints a page keeps: taking one more forgets the oldest beyond this. At one
# checkpoint per BLOG_CHECKPOINT_MINUTES (10) of editing, 50 cover about a day's work.
CHECKPOINTS_KEPT_PER_PAGE = 50

# Why a checkpoint was taken, as History says it.
CHECKPOINT_REASONS = {
    "editing": "While editing",
    "publish": "Before publishing",
    "restore": "Before a restore",
}


class Checkpoint(db.Model):
    """The draft of a page at one moment: `content` is its document in the export format
    (with block ids, like a revision's), `person` who was working on it, `reason` one of
    CHECKPOINT_REASONS."""

    __tablename__ = "checkpoints"
    __table_args__ = (Index("ix_checkpoints_page_id", "page_id", "id"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(20))
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    person: Mapped[User | None] = relationship()
