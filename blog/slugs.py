"""Turning titles into URL slugs that are unique and never collide with the site's own URLs.

A page holds every slug it answers to: its draft's slug, its address (the slug it was last
published under) and its former addresses. No other page may take any of them while the page
exists, in the Trash too, so a link to a page never starts leading to another one."""

from slugify import slugify as transliterated_slug
from sqlalchemy import or_, select, union

from blog.extensions import db
from blog.models import FormerAddress, Page

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
        "pages",
        "robots.txt",
        "search",
        "sitemap.xml",
        "static",
        "tags",
    }
)
MAX_SLUG_LENGTH = 80


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens, transliterated from any script:
    "Héllo, World!" -> "hello-world", "Straße" -> "strasse", "Привет" -> "privet",
    "你好" -> "ni-hao". Slugs already of that form are their own slug, so stored slugs
    keep working unchanged (see README, "Slugs in every language")."""
    slug = transliterated_slug(text, lowercase=True)
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


def slug_holder(slug: str, page_id: int | None = None) -> FormerAddress | Page | None:
    """The other page (than page_id) holding this slug as its draft's slug or its address,
    else the former address of another page that it is; None when the slug is free."""
    other = page_id or -1
    page = db.session.scalar(
        select(Page).where(or_(Page.slug == slug, Page.published_slug == slug), Page.id != other)
    )
    if page is not None:
        return page
    return db.session.scalar(
        select(FormerAddress).where(FormerAddress.slug == slug, FormerAddress.page_id != other)
    )


def _slugs_taken(base: str, page_id: int | None) -> set[str]:
    """Slugs starting with `base` held by pages other than page_id."""
    other = page_id or -1
    held = union(
        select(Page.slug).where(Page.slug.startswith(base), Page.id != other),
        select(Page.published_slug).where(Page.published_slug.startswith(base), Page.id != other),
        select(FormerAddress.slug).where(
            FormerAddress.slug.startswith(base), FormerAddress.page_id != other
        ),
    )
    return set(db.session.scalars(held))


def unique_slug(wanted: str, page_id: int | None = None) -> str:
    """The slug for `wanted`, made unique among the slugs other pages (than page_id) hold by
    a counter."""
    base = slugify(wanted) or "page"
    if base in RESERVED_SLUGS:
        base = f"{base}-page"
    taken = _slugs_taken(base, page_id)
    if base not in taken:
        return base
    counter = 2
    while f"{base}-{counter}" in taken:
        counter += 1
    return f"{base}-{counter}"
