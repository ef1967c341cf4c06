"""Former addresses: slugs a published page was read at before Publish moved it; each one
now leads readers to the page's address."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from blog.extensions import db
from blog.models.time import utcnow


class FormerAddress(db.Model):
    """An old slug of a page: /<slug> redirects to where the page is now. It stays the
    page's for as long as the page exists (in the Trash too), so links out there keep
    leading to it and no other page can take it over."""

    __tablename__ = "former_addresses"

    slug: Mapped[str] = mapped_column(String(200), primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), index=True)
    moved_at: Mapped[datetime] = mapped_column(default=utcnow)
