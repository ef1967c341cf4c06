"""Tags: parsing the comma-separated list people type, and finding or making the stored Tags."""

from sqlalchemy import select

from blog.extensions import db
from blog.models import Tag
from blog.slugs import slugify


def tag_names(typed: str) -> list[str]:
    """Comma-separated tags, trimmed, without empties or repeats (by slug)."""
    names, seen = [], set()
    for name in (part.strip() for part in typed.split(",")):
        if name and slugify(name) not in seen:
            seen.add(slugify(name))
            names.append(name)
    return names


def tags_named(names: list[str]) -> list[Tag]:
    """Tags for these names, reusing the stored Tag with the same slug."""
    wanted = {slugify(name): name for name in names}
    existing = {
        tag.slug: tag for tag in db.session.scalars(select(Tag).where(Tag.slug.in_(wanted)))
    }
    return [existing.get(slug) or Tag(name=name, slug=slug) for slug, name in wanted.items()]
