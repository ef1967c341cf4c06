"""Saving the site settings: one version-checked write, and the stored pages follow it in the
same transaction (blog/public/list_changes.py renders them again before it commits)."""

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from blog.admin.settings_form import SettingsForm
from blog.extensions import db
from blog.models import Media, SiteSettings, User, utcnow
from blog.models.settings import SITE
from blog.site_settings import forget_site_settings


def save_settings(checked: SettingsForm, image: Media | None, admin: User) -> bool:
    """Store checked settings (and `image` as the default social image when one was
    uploaded) and commit. False, with nothing changed, when they are no longer the version
    the form edited: another admin saved meanwhile."""
    saved = db.session.get(SiteSettings, SITE)
    if (saved.version if saved is not None else 0) != checked.version:
        return False
    if saved is None:
        saved = SiteSettings(id=SITE)
        db.session.add(saved)
    saved.title, saved.description = checked.title, checked.description
    saved.language, saved.footer = checked.language, checked.footer
    saved.navigation = checked.navigation()
    if image is not None:
        image.public = True  # readers and the sites that show a shared link fetch it
        saved.social_image = image
    elif checked.remove_image:
        saved.social_image = None
    saved.saved_at, saved.saved_by_id = utcnow(), admin.id
    try:
        db.session.commit()
    except (StaleDataError, IntegrityError):
        # Another admin's save committed between our read and our write (an UPDATE that
        # found another version, or a second first save).
        db.session.rollback()
        return False
    finally:
        forget_site_settings()
    return True
