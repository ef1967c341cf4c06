"""A world to aim every route at, built straight into the database: people, a published page
with rows and blocks (one of every registered type, one awaiting Undo), its revision, a tag,
a pending comment, a page in the Trash, a stored picture and a password link; a form each
route accepts; and the stored state as plain data, to tell whether a request changed
anything."""

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from PIL import Image
from sqlalchemy import func, select
from werkzeug.security import generate_password_hash

from blog.auth.invitations import password_link
from blog.content.blocks import REGISTRY
from blog.extensions import db
from blog.media import store_image
from blog.media_names import variant_widths
from blog.models import Block, Checkpoint, Comment, Page, Row, Tag, User, utcnow
from blog.publishing import publish

from helpers.support import PASSWORD

# Setup only: a real scrypt hash costs a fifth of a second per person.
QUICK_HASH = "pbkdf2:sha256:1"
TAG_NAME, TAG_SLUG = "Garden", "garden"
# Wide enough for one narrower variant (480 pixels), small enough to store in a moment.
PICTURE_SIZE = (600, 8)


def add_person(app: Flask, role: str, email: str) -> int:
    """Store an active person with this role and the password PASSWORD; returns their id."""
    with app.app_context():
        user = User(
            email=email,
            name=email.split("@")[0].title(),
            role=role,
            password_hash=generate_password_hash(PASSWORD, QUICK_HASH),
        )
        db.session.add(user)
        db.session.commit()
        return user.id


def log_in(app: Flask, role: str, email: str) -> tuple[int, str]:
    """Store a person with this role and log them in through the login form; returns their
    id and the session cookie that keeps them logged in."""
    person_id = add_person(app, role, email)
    return person_id, login_cookie(app, email)


def login_cookie(app: Flask, email: str) -> str:
    """The session cookie of a new login of this stored person, through the login form."""
    client = app.test_client()
    response = client.post("/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 303, response.get_data(as_text=True)
    return client.get_cookie(app.config["SESSION_COOKIE_NAME"]).value


def session_client(app: Flask, session_cookie: str | None) -> FlaskClient:
    """A fresh client with this session (anonymous for None): each request starts from the
    session as it was after logging in, without messages flashed by earlier requests."""
    client = app.test_client()
    if session_cookie is not None:
        client.set_cookie(app.config["SESSION_COOKIE_NAME"], session_cookie)
    return client


def png_bytes(size: tuple[int, int] = PICTURE_SIZE) -> bytes:
    """A small PNG file."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 120, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def store_picture(app: Flask, uploader_id: int | None) -> str:
    """Upload a small PNG through the media store; returns its sha256."""
    with app.app_context():
        media = store_image(io.BytesIO(png_bytes()), uploader_id)
        db.session.commit()
        return media.sha256


def static_file(app: Flask) -> str:
    """The name of one file the app serves from its static folder."""
    folder = Path(app.static_folder)
    return min(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@dataclass(frozen=True)
class World:
    """The ids and names a route's URL and form can point at."""

    owner_id: int
    owner_email: str
    page_id: int
    slug: str
    row_ids: tuple[int, ...]
    # The live blocks of the first row: its first column's (two headings) in order, all of
    # them, and one of every registered type (in its second column) by type name.
    column_block_ids: tuple[int, ...]
    block_ids: tuple[int, ...]
    block_of_type: dict[str, int]
    deleted_block_id: int
    trashed_page_id: int
    revision_number: int
    checkpoint_id: int
    comment_id: int
    tag_slug: str
    token: str
    picture: str
    picture_width: int

    @property
    def block_id(self) -> int:
        return self.column_block_ids[0]


def _tag() -> Tag:
    tag = db.session.scalar(select(Tag).where(Tag.slug == TAG_SLUG))
    return tag or Tag(name=TAG_NAME, slug=TAG_SLUG)


def _heading(text: str, column: int, position: int) -> Block:
    return Block(column=column, position=position, type="heading", data={"text": text, "level": 2})


def _rows() -> list[Row]:
    """A two-column row (two headings, then one block of every registered type) and a
    one-column row whose only block was deleted and waits for Undo."""
    first = Row(position=0, layout="1-1")
    first.blocks = [_heading("First", 0, 0), _heading("Second", 0, 1)] + [
        Block(column=1, position=index, type=name, data=kind.defaults())
        for index, (name, kind) in enumerate(sorted(REGISTRY.items()))
    ]
    second = Row(position=1, layout="1")
    second.blocks = [_heading("Deleted", 0, 0)]
    return [first, second]


def _newest_checkpoint(page_id: int) -> int:
    """The checkpoint publishing took of the page's draft."""
    return db.session.scalar(select(func.max(Checkpoint.id)).where(Checkpoint.page_id == page_id))


def build_world(app: Flask, owner_id: int, label: str, picture: str) -> World:
    """A published page of `owner_id` (slug "page-<label>") with revision 1 and the draft
    checkpoint taken before it, a pending comment, the tag "Garden", a page of theirs in the
    Trash, and a password link for the owner."""
    with app.app_context():
        owner = db.session.get(User, owner_id)
        page = Page(
            title=f"Page {label}",
            slug=f"page-{label}",
            summary="A page to aim routes at.",
            author=owner,
            tags=[_tag()],
            rows=_rows(),
        )
        trashed = Page(
            title=f"Trashed {label}", slug=f"trashed-{label}", author=owner, deleted_at=utcnow()
        )
        db.session.add_all([page, trashed])
        db.session.flush()
        revision = publish(page, owner)
        first, second = page.rows
        deleted = second.blocks[0]
        deleted.deleted_at = utcnow()
        comment = Comment(page_id=page.id, author_name="Reader", body="A first comment.")
        db.session.add(comment)
        db.session.flush()
        with app.test_request_context():
            token = password_link(owner).rsplit("/", 1)[1]
        world = World(
            owner_id=owner_id,
            owner_email=owner.email,
            page_id=page.id,
            slug=page.slug,
            row_ids=(first.id, second.id),
            column_block_ids=tuple(b.id for b in first.blocks if b.column == 0),
            block_ids=tuple(b.id for b in first.blocks),
            block_of_type={b.type: b.id for b in first.blocks if b.column == 1},
            deleted_block_id=deleted.id,
            trashed_page_id=trashed.id,
            revision_number=revision.number,
            checkpoint_id=_newest_checkpoint(page.id),
            comment_id=comment.id,
            tag_slug=TAG_SLUG,
            token=token,
            picture=picture,
            picture_width=variant_widths(PICTURE_SIZE[0])[0],
        )
        db.session.commit()
        return world


def url_values(world: World, static_filename: str) -> dict[str, Any]:
    """A value for every URL argument the app's routes take, pointing into the world."""
    return {
        "page_id": world.page_id,
        "row_id": world.row_ids[0],
        "column": 0,
        "block_id": world.block_id,
        "number": world.revision_number,
        "checkpoint_id": world.checkpoint_id,
        "user_id": world.owner_id,
        "session_id": world.owner_id,
        "slug": world.slug,
        "tag_slug": world.tag_slug,
        "token": world.token,
        "sha256": world.picture,
        "width": world.picture_width,
        "filename": static_filename,
    }


# For each route that reads a form, one it accepts from someone allowed to use it.
SENSIBLE_FORMS: dict[str, Callable[[World], dict[str, Any]]] = {
    "public.post_comment": lambda w: {"name": "Reader", "comment": "Lovely."},
    "public.post_page_comment": lambda w: {"name": "Reader", "comment": "Lovely."},
    "auth.login": lambda w: {"email": w.owner_email, "password": PASSWORD},
    "builder.save_details": lambda w: {
        "title": "Renamed",
        "slug": f"{w.slug}-renamed",
        "summary": "Now with a summary.",
        "tags": "Garden, Spring",
    },
    "builder.comments_switch": lambda w: {"comments": "off"},
    "builder.schedule_page": lambda w: {"publish_at": "2099-01-01T09:00", "zone": "UTC"},
    "builder.add_row": lambda w: {"layout": "1-2"},
    "builder.add_block_after": lambda w: {"type": "text"},
    "builder.order_rows": lambda w: {"row": list(reversed(w.row_ids))},
    "builder.change_layout": lambda w: {"layout": "1"},
    "builder.move_row": lambda w: {"direction": "down"},
    "builder.add_block": lambda w: {"type": "heading"},
    "builder.order_blocks": lambda w: {"block": list(reversed(w.column_block_ids))},
    "builder.save_block": lambda w: {"text": "Changed", "level": "3", "version": "1"},
    "builder.move_block": lambda w: {"direction": "down"},
    "builder.move_block_to_column": lambda w: {"column": "next"},
    "admin.moderate": lambda w: {"action": "approve", "comment": [w.comment_id]},
    "admin.invite_user": lambda w: {"email": f"invited{w.page_id}@example.com", "role": "author"},
    "admin.change_role": lambda w: {"role": "admin"},
    "admin.change_settings": lambda w: {"title": "Renamed site", "language": "en", "version": "0"},
}


def is_standing(app: Flask, world: World) -> bool:
    """Whether the world's page is still published, with its rows, its live blocks and its
    deleted block where they were built (what most routes aim at)."""
    with app.app_context():
        status = db.session.scalar(select(Page.status).where(Page.id == world.page_id))
        rows = db.session.scalars(select(Row.id).where(Row.id.in_(world.row_ids))).all()
        blocks = db.session.execute(
            select(Block.id, Block.deleted_at.is_not(None)).where(
                Block.id.in_([*world.block_ids, world.deleted_block_id])
            )
        ).all()
    expected_blocks = {(block_id, False) for block_id in world.block_ids}
    expected_blocks.add((world.deleted_block_id, True))
    return (
        status == "published"
        and len(rows) == len(world.row_ids)
        and {tuple(block) for block in blocks} == expected_blocks
    )


def stored_state(app: Flask) -> dict[str, list[tuple]]:
    """Every row of every table of the app's models, as plain data: whatever a request
    changed shows up as a difference."""
    with app.app_context():
        return {
            table.name: [
                tuple(row) for row in db.session.execute(select(table).order_by(*table.primary_key))
            ]
            for table in db.metadata.sorted_tables
        }


def changed_only_by_new_pictures(before: dict, after: dict) -> bool:
    """True when nothing but new pictures was stored between two stored_state()s: an image
    uploaded with a block's save is kept even when the save is refused (it is stored first)."""
    others_same = all(after[table] == rows for table, rows in before.items() if table != "media")
    return others_same and after["media"][: len(before["media"])] == before["media"]
