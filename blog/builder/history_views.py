"""History: a page's published revisions and draft checkpoints, newest first; "Preview"
shows any of them as readers would get it, "Compare" what differs from the current draft."""

from dataclasses import dataclass
from datetime import datetime

from flask import Response, make_response, render_template, request

from blog.auth.roles import any_role, require
from blog.builder import bp
from blog.builder.article_preview import article_preview
from blog.builder.history_entries import (
    HistoryEntry,
    checkpoint_entry,
    history_of,
    revision_entry,
)
from blog.builder.loading import editable_page
from blog.checkpoints import draft_document
from blog.content.comparison import compare
from blog.content.rendering import plain_text, reading_minutes
from blog.models import Page
from blog.slugs import slugify


@dataclass(frozen=True)
class ShownTag:
    """A tag as an entry names it (it may be stored under that name no more)."""

    name: str
    slug: str


@dataclass
class ShownEntry:
    """An entry shaped like a revision, for the public article template."""

    title: str
    summary: str
    tags: list[ShownTag]
    reading_minutes: int
    created_at: datetime
    kind: str = "post"


@bp.get("/pages/<int:page_id>/history")
@require(any_role)
def history(page_id: int):
    """The published revisions and draft checkpoints, newest first, with who, when and how
    much changed since the entry before it; `?start=N` shows older ones from the Nth."""
    page = editable_page(page_id)
    window = history_of(page, request.args.get("start", 0, type=int))
    return render_template("builder/history.html", page=page, window=window)


@bp.get("/pages/<int:page_id>/revisions/<int:number>/preview")
@require(any_role)
def preview_revision(page_id: int, number: int):
    """A published revision as readers got it (never cached, never indexed)."""
    page = editable_page(page_id)
    return _preview(page, revision_entry(page, number))


@bp.get("/pages/<int:page_id>/checkpoints/<int:checkpoint_id>/preview")
@require(any_role)
def preview_checkpoint(page_id: int, checkpoint_id: int):
    """A draft checkpoint as readers would get it if it were published."""
    page = editable_page(page_id)
    return _preview(page, checkpoint_entry(page, checkpoint_id))


@bp.get("/pages/<int:page_id>/revisions/<int:number>/compare")
@require(any_role)
def compare_revision(page_id: int, number: int):
    """What differs between a published revision and the current draft."""
    page = editable_page(page_id)
    return _compare(page, revision_entry(page, number))


@bp.get("/pages/<int:page_id>/checkpoints/<int:checkpoint_id>/compare")
@require(any_role)
def compare_checkpoint(page_id: int, checkpoint_id: int):
    """What differs between a draft checkpoint and the current draft."""
    page = editable_page(page_id)
    return _compare(page, checkpoint_entry(page, checkpoint_id))


def _preview(page: Page, entry: HistoryEntry) -> Response:
    content = entry.content
    shown = ShownEntry(
        title=content["title"],
        summary=content.get("summary", ""),
        tags=[ShownTag(name, slugify(name)) for name in entry.tag_names],
        reading_minutes=reading_minutes(plain_text(content)),
        created_at=entry.created_at,
        kind=content.get("kind", "post"),
    )
    banner = f"Preview of {entry.named_in_text}: readers do not get this now."
    return article_preview(page, shown, content, banner)


def _compare(page: Page, entry: HistoryEntry) -> Response:
    comparison = compare(entry.content, draft_document(page.id))
    response = make_response(
        render_template("builder/compare.html", page=page, entry=entry, comparison=comparison)
    )
    response.headers["Cache-Control"] = "no-store"
    return response
