"""Stored lists: the front page, tag pages, feed, sitemap and robots.txt as anonymous readers
and feed readers get them, rendered when what is published changes (blog.public.stored_lists)."""

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from blog.extensions import db
from blog.models.time import utcnow


class StoredList(db.Model):
    """One address's stored answer (`/`, `/?page=2`, `/tags/news`, `/feed.xml`, ...). Its
    ETag is a digest of the body, so a list whose body did not change keeps its validators."""

    __tablename__ = "stored_lists"

    address: Mapped[str] = mapped_column(String(300), primary_key=True)
    content_type: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
    etag: Mapped[str] = mapped_column(String(80))
    # When the body last changed: the Last-Modified readers get.
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
