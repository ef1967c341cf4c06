"""Scheduled publishing: the time a page is to go live by itself (see blog/schedule.py)."""

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from blog.extensions import db
from blog.models.time import utcnow
from blog.models.users import User


class PublishingSchedule(db.Model):
    """ "Publish at": the page goes live at publish_at (naive UTC), published as by the
    editor who scheduled it. One per page; the row is deleted when the page goes live, so
    whoever deletes it is the one process that publishes it."""

    __tablename__ = "publishing_schedules"

    page_id: Mapped[int] = mapped_column(
        ForeignKey("pages.id", ondelete="CASCADE"), primary_key=True
    )
    # Every process asks for the earliest of these now and then: an index answers that.
    publish_at: Mapped[datetime] = mapped_column(index=True)
    scheduled_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    scheduled_at: Mapped[datetime] = mapped_column(default=utcnow)

    scheduled_by: Mapped[User] = relationship()
