"""Builder views that reach readers: Preview, Publish and Unpublish (History and Restore are
in history_views.py and restore_views.py)."""

from dataclasses import dataclass, field
from datetime import datetime

from flask import render_template, request
from flask_login import current_user

from blog.auth.roles import any_role, can_publish, require
from blog.builder import bp
from blog.builder.article_preview import article_preview
from blog.builder.loading import editable_page
from blog.builder.responses import editor_url
from blog.content.document import page_document
from blog.content.rendering import plain_text, reading_minutes
from blog.extensions import db
from blog.htmx import respond
from blog.models import Tag, utcnow
from blog.publishing import publish, unpublish


@dataclass
class DraftRevision:
    """The draft shaped like a revision, for Preview through the public templates."""

    title: str
    summary: str
    tags: list[Tag]
    reading_minutes: int
    created_at: datetime = field(default_factory=utcnow)
    kind: str = "post"


@bp.get("/pages/<int:page_id>/preview")
@require(any_role)
def preview(page_id: int):
    """The draft as readers would get it if it were published now (never cached)."""
    page = editable_page(page_id, with_content=True)
    content = page_document(page, with_ids=True)
    minutes = reading_minutes(plain_text(content))
    draft = DraftRevision(page.title, page.summary, list(page.tags), minutes, kind=page.kind)
    return article_preview(page, draft, content)


@bp.get("/pages/<int:page_id>/actions")
@require(any_role)
def page_actions(page_id: int):
    """The page's status and actions as they are now: after a change to a published page's
    draft, whether readers get it yet ("Published, changes not yet live" and Update)."""
    page = editable_page(page_id, with_content=True)
    return respond(
        fragment="builder/_page_actions.html", redirect_to=editor_url(page.id), page=page
    )


@bp.post("/pages/<int:page_id>/publish")
@require(can_publish)
def publish_page(page_id: int):
    """Freeze the draft into a new revision that readers get from now on, at the draft's
    slug."""
    page = editable_page(page_id, with_content=True)
    left = page.published_slug
    revision = publish(page, current_user)
    message = f"Published revision {revision.number}. Readers see it at /{page.published_slug}."
    if left is not None and left != page.published_slug:
        message += f" Its former address /{left} leads there."
    back = editor_url(page.id)
    db.session.commit()
    return respond(navigate_to=back, message=message)


@bp.route("/pages/<int:page_id>/unpublish", methods=["GET", "POST"])
@require(can_publish)
def unpublish_page(page_id: int):
    """Ask first (GET), then take the page off the public site; the draft and the history
    stay."""
    page = editable_page(page_id)
    if request.method == "GET":
        return render_template("builder/unpublish_page.html", page=page)
    unpublish(page)
    back = editor_url(page.id)
    db.session.commit()
    return respond(navigate_to=back, message="Unpublished: readers no longer find this page.")
