"""Login sessions the server can end: one row per browser a person logged in from."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from blog.extensions import NEVER_REUSE_IDS, db
from blog.models.time import utcnow
from blog.models.users import User


class LoginSession(db.Model):
    """A logged-in browser. Its cookie holds a random token whose hash is stored here, so
    deleting the row ends the session wherever the cookie is. It is also over when the user's
    security stamp has changed since it began (a new password, a deactivation)."""

    __tablename__ = "login_sessions"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    stamp: Mapped[str] = mapped_column(String(32))
    browser: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()
