"""Checking a page's details (title, slug, summary, tags, and its kind and sharing details)
as typed in the editor."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from werkzeug.datastructures import FileStorage

from blog.builder.page_sharing import checked_sharing
from blog.content.limits import SUMMARY_MAX, TAG_MAX, TAGS_MAX, TITLE_MAX
from blog.content.page_kinds import PAGE_COLUMNS
from blog.content.tags import tag_names, tags_named
from blog.models import FormerAddress, Page
from blog.numbers import whole_number
from blog.slugs import RESERVED_SLUGS, slug_holder, slug_problem, slugify, unique_slug
from blog.typed_text import typed_text

# The details as the form names them, in its order (what a conflict message lists).
DETAIL_LABELS = {
    "title": "Title",
    "slug": "Slug",
    "summary": "Summary",
    "tags": "Tags",
    "kind": "Kind",
    "featured_image": "Featured image",
    "featured_image_alt": "Featured image alt text",
    "seo_title": "SEO title",
    "seo_description": "SEO description",
    "noindex": "Hide from search engines (noindex)",
}


@dataclass
class PageDetails:
    """The details form: the values typed, a message per refused field, the version of the
    details it edits (None from a form that names none), and, after a conflict, the details
    someone else saved meanwhile."""

    title: str
    slug: str
    summary: str
    tags: str
    errors: dict[str, str] = field(default_factory=dict)
    version: int | None = None
    theirs: "PageDetails | None" = None
    kind: str = "post"
    featured_image: str | None = None
    featured_image_alt: str = ""
    seo_title: str = ""
    seo_description: str = ""
    noindex: bool = False

    @classmethod
    def of(cls, page: Page) -> "PageDetails":
        tags = ", ".join(t.name for t in page.tags)
        return cls(
            page.title,
            page.slug,
            page.summary,
            tags,
            version=page.details_version,
            **{name: getattr(page, name) for name in PAGE_COLUMNS},
        )

    def differing_from(self, other: "PageDetails") -> list[tuple[str, str]]:
        """Each detail whose value `other` does not share, by its label, with `other`'s
        value in words (for "Someone else changed these details")."""
        return [
            (label, _in_words(name, getattr(other, name)))
            for name, label in DETAIL_LABELS.items()
            if _compared(name, getattr(self, name)) != _compared(name, getattr(other, name))
        ]

    @property
    def sharing(self) -> dict[str, Any]:
        """The kind and sharing details, by the page's column names."""
        return {name: getattr(self, name) for name in PAGE_COLUMNS}


def _compared(name: str, value: Any) -> Any:
    """A detail as compared: tags as a set, however they were ordered and spaced."""
    return {tag.strip() for tag in value.split(",") if tag.strip()} if name == "tags" else value


def _in_words(name: str, value: Any) -> str:
    if name == "noindex":
        return "on" if value else "off"
    if name == "featured_image":
        return "another picture" if value else "none"
    return f"“{value}”" if value else "empty"


def checked_details(
    page: Page, form: Mapping[str, str], upload: FileStorage | None = None
) -> PageDetails:
    """The typed details with a message for each field that cannot be stored as it is
    (`upload`: a featured image sent with them)."""
    details = PageDetails(
        title=typed_text(form.get("title")).strip(),
        slug=typed_text(form.get("slug")).strip(),
        summary=typed_text(form.get("summary"), multiline=True).strip(),
        tags=typed_text(form.get("tags")),
        version=whole_number(form.get("version")) if "version" in form else None,
    )
    sharing, errors = checked_sharing(page, form, upload)
    for name, value in sharing.items():
        setattr(details, name, value)
    details.errors = errors
    if not details.title:
        errors["title"] = "Give the page a title."
    elif len(details.title) > TITLE_MAX:
        errors["title"] = f"Shorten the title to {TITLE_MAX} characters or fewer."
    if _slug_follows_title(page, details):
        details.slug = unique_slug(details.title or page.title, page.id)
    elif problem := slug_problem(details.slug):
        errors["slug"] = problem
    elif holder := slug_holder(details.slug, page.id):
        errors["slug"] = _slug_taken(details.slug, holder)
    if len(details.summary) > SUMMARY_MAX:
        errors["summary"] = f"Shorten the summary to {SUMMARY_MAX} characters or fewer."
    names = tag_names(details.tags)
    if len(names) > TAGS_MAX or any(len(n) > TAG_MAX or not slugify(n) for n in names):
        errors["tags"] = (
            f"Use at most {TAGS_MAX} tags of up to {TAG_MAX} characters, "
            "each with a letter or digit, separated by commas."
        )
    return details


def _slug_taken(slug: str, holder: FormerAddress | Page) -> str:
    if isinstance(holder, FormerAddress):
        return (
            f"“{slug}” is a former address of another page and still leads there; "
            "choose another slug."
        )
    return f"Another page already uses “{slug}”; choose another slug."


def _slug_follows_title(page: Page, details: PageDetails) -> bool:
    """A never-published page whose slug nobody chose keeps following its title."""
    untouched = details.slug == page.slug and _slug_made_from_title(page)
    return untouched and page.published_at is None and details.title != page.title


def _slug_made_from_title(page: Page) -> bool:
    """The slug is what unique_slug makes of the title ("menu", "menu-2"), not one a person
    typed that merely starts with it ("menu-for-spring")."""
    base = slugify(page.title) or "page"
    if base in RESERVED_SLUGS:
        base = f"{base}-page"
    return re.fullmatch(rf"{re.escape(base)}(-[0-9]+)?", page.slug) is not None


def apply_details(page: Page, details: PageDetails) -> None:
    """Store checked details on the page, reusing existing tags by slug (the version check is
    draft.claim_details's)."""
    page.title, page.slug, page.summary = details.title, details.slug, details.summary
    page.tags = tags_named(tag_names(details.tags))
    for name, value in details.sharing.items():
        setattr(page, name, value)
