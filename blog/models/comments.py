"""Readers' comments on published pages, held for moderation."""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from blog.extensions import NEVER_REUSE_IDS, db
from blog.models.time import utcnow

if TYPE_CHECKING:
    from blog.models.pages import Page

COMMENT_STATUSES = ("pending", "approved", "spam")


class Comment(db.Model):
    """A plain-text comment; the email is never shown and the client address only hashed."""

    __tablename__ = "comments"
    __table_args__ = (Index("ix_comments_page_status", "page_id", "status"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"))
    author_name: Mapped[str] = mapped_column(String(80))
    email: Mapped[str | None] = mapped_column(String(254))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    client_hash: Mapped[str] = mapped_column(String(64), default="")

    page: Mapped["Page"] = relationship()
