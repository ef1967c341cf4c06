"""A revision freezes a page's draft: its content in the export format and rendered HTML."""

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Column, ForeignKey, String, Table, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from blog.extensions import NEVER_REUSE_IDS, db
from blog.models.time import utcnow
from blog.models.users import User

if TYPE_CHECKING:
    from blog.models.pages import Tag

# The tags a page had when this revision was published (what readers' tag pages list).
revision_tags = Table(
    "revision_tags",
    db.metadata,
    Column("revision_id", ForeignKey("revisions.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Revision(db.Model):
    """One published state of a page: what readers get until the next Publish."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("page_id", "number"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The page in the export format, with block ids for anchors.
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    title: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    # The rendered body, the whole article page as an anonymous reader gets it, and its
    # words for search: all computed once, when publishing.
    html: Mapped[str] = mapped_column(Text)
    reader_html: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    reading_minutes: Mapped[int] = mapped_column(default=1)
    # When html and reader_html were last rendered (publish, or `flask pages rerender`).
    rendered_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The page's kind and sharing details as published (lists and head tags read these):
    # the featured image as {"media", "alt", "width", "height"}, or None.
    kind: Mapped[str] = mapped_column(String(16), default="post", server_default="post")
    featured_image: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    seo_title: Mapped[str] = mapped_column(String(200), default="", server_default="")
    seo_description: Mapped[str] = mapped_column(Text, default="", server_default="")
    noindex: Mapped[bool] = mapped_column(default=False, server_default=false())

    author: Mapped[User | None] = relationship()
    tags: Mapped[list["Tag"]] = relationship(secondary=revision_tags, order_by="Tag.name")
