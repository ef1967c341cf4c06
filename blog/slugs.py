"""Turning titles into URL slugs that are unique and never collide with the site's own URLs."""

import re
import unicodedata

from sqlalchemy import select

from blog.extensions import db
from blog.models import Page

# First path segments the site itself uses; a page may not take them.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "builder",
        "feed.xml",
        "healthz",
        "login",
        "logout",
        "media",
        "robots.txt",
        "search",
        "sitemap.xml",
        "static",
        "tags",
    }
)
MAX_SLUG_LENGTH = 80


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Héllo, World!" -> "hello-world"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:MAX_SLUG_LENGTH].rstrip("-")


def slug_problem(slug: str) -> str | None:
    """Why this slug cannot be used as typed, or None when its form is fine."""
    if not slug:
        return "A slug needs at least one letter or digit."
    if slug in RESERVED_SLUGS:
        return f"“{slug}” is used by the site itself; choose another slug."
    if slug != slugify(slug):
        return "A slug may hold only lower-case letters, digits and hyphens."
    return None


def unique_slug(wanted: str, page_id: int | None = None) -> str:
    """The slug for `wanted`, made unique among pages (other than page_id) by a counter."""
    base = slugify(wanted) or "page"
    if base in RESERVED_SLUGS:
        base = f"{base}-page"
    taken = set(
        db.session.scalars(
            select(Page.slug).where(Page.slug.startswith(base), Page.id != (page_id or -1))
        )
    )
    if base not in taken:
        return base
    counter = 2
    while f"{base}-{counter}" in taken:
        counter += 1
    return f"{base}-{counter}"
