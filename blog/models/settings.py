"""The site's settings as an admin saved them in the browser (blog/admin/settings_views.py):
title, description, language, navigation links, footer text and a default social image."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from blog.extensions import db
from blog.models.media import Media
from blog.models.time import utcnow

# The one row: settings are the site's, not anyone's.
SITE = 1
TITLE_MAX = 120
DESCRIPTION_MAX = 300
FOOTER_MAX = 500
LANGUAGE_MAX = 35
LINKS_MAX = 8
LINK_LABEL_MAX = 60
LINK_ADDRESS_MAX = 500


class SiteSettings(db.Model):
    """The saved settings, one row (id SITE). Until an admin first saves them there is no
    row, and the site shows BLOG_TITLE and no description, links, footer or image.

    `navigation` is the ordered list of header links, each {"label": ..., "address": ...}.
    `version` counts saves: a form names the version it edited, and a save from an older
    one is refused, so two admins cannot silently overwrite each other."""

    __tablename__ = "site_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    description: Mapped[str] = mapped_column(String(DESCRIPTION_MAX), default="")
    language: Mapped[str] = mapped_column(String(LANGUAGE_MAX), default="en")
    navigation: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    footer: Mapped[str] = mapped_column(String(FOOTER_MAX), default="")
    social_image_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="SET NULL"))
    social_image: Mapped[Media | None] = relationship(lazy="joined")
    version: Mapped[int] = mapped_column(default=1)
    saved_at: Mapped[datetime] = mapped_column(default=utcnow)
    saved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    # SQLAlchemy adds "AND version = <the version read>" to every UPDATE and raises
    # StaleDataError when another save came first: the check and the write are one statement.
    __mapper_args__ = {"version_id_col": version}
