"""The site settings page, for admins: a plain form (GET shows it, POST saves it) for the
title, description, language, navigation links, footer text and default social image."""

from flask import (
    Response,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from blog.admin.settings_form import SettingsForm, checked_settings
from blog.admin.settings_store import save_settings
from blog.admin.user_views import bp
from blog.auth.roles import can_manage_settings, require
from blog.extensions import db
from blog.media import MediaRejected, store_image
from blog.models import Media
from blog.site_settings import forget_site_settings, site_settings
from blog.upload_limit import TOO_MANY_UPLOADS, upload_limit

IMAGE_FIELD = "social_image"
CHANGED_MEANWHILE = (
    "Another admin saved the settings while you were editing them, so yours were not saved. "
    "Their settings are shown below yours: change the form as you want it, then Save again."
)


def _form_page(form: SettingsForm, status: int = 200):
    return render_template("admin/settings.html", form=form), status


def _too_many_uploads(_limit) -> Response:
    """The form again, saying at the image field when uploading works again (the limiter
    takes only a whole response)."""
    form = SettingsForm.of(site_settings())
    form.errors[IMAGE_FIELD] = TOO_MANY_UPLOADS
    return make_response(_form_page(form, 429))


@bp.get("/settings")
@require(can_manage_settings)
def settings():
    """The settings form, filled in with the settings in force."""
    return _form_page(SettingsForm.of(site_settings()))


@bp.post("/settings")
@require(can_manage_settings)
@upload_limit(IMAGE_FIELD, on_breach=_too_many_uploads)
def change_settings():
    """Save the settings when every field is right and nobody saved them since the form was
    opened; otherwise show the form again with what was typed and a message per field."""
    try:
        form = checked_settings(request.form)
        upload = request.files.get(IMAGE_FIELD)
    except RequestEntityTooLarge:
        megabytes = current_app.config["MAX_UPLOAD_BYTES"] // (1024 * 1024)
        form = SettingsForm.of(site_settings())
        form.errors[IMAGE_FIELD] = f"The image is larger than {megabytes} MB."
        return _form_page(form, 413)
    if form.errors:
        return _form_page(form, 422)
    image = _stored_image(form, upload)
    if form.errors:
        return _form_page(form, 422)
    if not save_settings(form, image, current_user):
        forget_site_settings()
        form.theirs = site_settings()
        form.version = form.theirs.version  # Save again: a deliberate choice over theirs
        form.errors["form"] = CHANGED_MEANWHILE
        return _form_page(form, 409)
    flash("Settings saved. Every page shows them now.", "info")
    return redirect(url_for("admin.settings"), 303)


def _stored_image(form: SettingsForm, upload) -> Media | None:
    """The uploaded social image, stored, or None without one; a refused upload gives the
    form a message instead (and stores nothing)."""
    if upload is None or not upload.filename:
        return None
    try:
        return store_image(upload, current_user.id)
    except MediaRejected as refusal:
        db.session.rollback()
        form.errors[IMAGE_FIELD] = str(refusal)
        return None
