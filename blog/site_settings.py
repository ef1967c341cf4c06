"""The site's settings as pages show them: what an admin last saved (blog.models.SiteSettings)
or, until the first save, the defaults: BLOG_TITLE, English, and no description, navigation
links, footer or social image. Read once per request or command, then kept in `g`."""

from dataclasses import dataclass

from flask import Flask, current_app, g
from sqlalchemy.exc import SQLAlchemyError

from blog.extensions import db
from blog.models import SiteSettings
from blog.models.settings import SITE
from blog.site_address import absolute_url

# Where the settings read in this app context are kept (see site_settings).
READ = "site_settings"


@dataclass(frozen=True)
class NavigationLink:
    """One link of the header's navigation: its words and where it leads."""

    label: str
    address: str


@dataclass(frozen=True)
class Settings:
    """The settings pages show. `version` 0 means never saved (the defaults);
    `social_image` is the SHA-256 of the default social image, or None."""

    title: str
    description: str = ""
    language: str = "en"
    navigation: tuple[NavigationLink, ...] = ()
    footer: str = ""
    social_image: str | None = None
    version: int = 0


def _read() -> Settings:
    saved = db.session.get(SiteSettings, SITE)
    if saved is None:
        return Settings(title=current_app.config["BLOG_TITLE"])
    return Settings(
        title=saved.title,
        description=saved.description,
        language=saved.language,
        navigation=tuple(
            NavigationLink(link["label"], link["address"]) for link in saved.navigation
        ),
        footer=saved.footer,
        social_image=saved.social_image.sha256 if saved.social_image is not None else None,
        version=saved.version,
    )


def site_settings() -> Settings:
    """The settings in force, read from the database once per app context. When the
    database cannot answer, the defaults: the error page that says so must still render."""
    if READ not in g:
        try:
            g.site_settings = _read()
        except SQLAlchemyError:
            current_app.logger.exception("The site settings could not be read")
            return Settings(title=current_app.config["BLOG_TITLE"])
    return g.site_settings


def forget_site_settings() -> None:
    """Have the next site_settings() read them again (they were just saved)."""
    g.pop(READ, None)


def social_image_url() -> str | None:
    """The absolute address of the site's default social image (og:image of pages without
    an image of their own), or None."""
    sha256 = site_settings().social_image
    return absolute_url("media.original", sha256=sha256) if sha256 else None


def init_app(app: Flask) -> None:
    """Offer the settings and the social image to templates."""
    app.jinja_env.globals["site_settings"] = site_settings
    app.jinja_env.globals["social_image_url"] = social_image_url
