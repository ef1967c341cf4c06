"""Uploaded images, stored by the SHA-256 of their re-encoded bytes."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from blog.extensions import NEVER_REUSE_IDS, db
from blog.models.time import utcnow


class Media(db.Model):
    """One image file; the same bytes uploaded twice are one Media."""

    __tablename__ = "media"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    content_type: Mapped[str] = mapped_column(String(64))
    width: Mapped[int]
    height: Mapped[int]
    size: Mapped[int]
    alt: Mapped[str] = mapped_column(String(300), default="")
    uploader_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Set when a published revision first shows the picture: from then on anyone may fetch
    # it, and caches may keep it for good. Until then only people working on drafts may.
    public: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
