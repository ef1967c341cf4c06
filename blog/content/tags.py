"""Tags: parsing the comma-separated list people type, and finding or making the stored Tags."""

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

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
    """Tags for these names, reusing the stored Tag with the same slug. A new tag is stored
    at once, unless another request stores the same one first: then that one is used (two
    pages given the same new tag at the same moment share it, instead of one failing)."""
    wanted = {slugify(name): name for name in names}
    stored = _stored_tags(wanted)
    if new := [{"slug": slug, "name": name} for slug, name in wanted.items() if slug not in stored]:
        insert = postgresql_insert if db.engine.dialect.name == "postgresql" else sqlite_insert
        db.session.execute(insert(Tag).values(new).on_conflict_do_nothing(index_elements=["slug"]))
        stored |= _stored_tags([row["slug"] for row in new])
    return [stored[slug] for slug in wanted]


def _stored_tags(slugs) -> dict[str, Tag]:
    if not slugs:
        return {}
    return {tag.slug: tag for tag in db.session.scalars(select(Tag).where(Tag.slug.in_(slugs)))}
