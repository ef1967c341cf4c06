"""A page is an ordered list of rows; a row holds columns of ordered blocks."""

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Column, ForeignKey, Index, String, Table, Text, false, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from blog.extensions import NEVER_REUSE_IDS, db
from blog.models.time import utcnow

if TYPE_CHECKING:
    from blog.models.revisions import Revision
    from blog.models.users import User

# Relative column widths; the number of parts is the number of columns.
LAYOUTS = ("1", "1-1", "1-2", "2-1", "1-1-1", "1-1-1-1")
PAGE_STATUSES = ("draft", "published")
# A post is dated, has a byline and is listed (front page, tags, feed); a page (About,
# Contact) is none of these, but keeps its address and is in the sitemap and search.
PAGE_KINDS = ("post", "page")


def column_count(layout: str) -> int:
    """How many columns a layout has: "1-2" -> 2."""
    return len(layout.split("-"))


page_tags = Table(
    "page_tags",
    db.metadata,
    Column("page_id", ForeignKey("pages.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Tag(db.Model):
    """A word that groups pages; its slug is its URL."""

    __tablename__ = "tags"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    slug: Mapped[str] = mapped_column(String(60), unique=True)


class Page(db.Model):
    """A page being built (its draft) and, once published, the revision readers see."""

    __tablename__ = "pages"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    # The draft's slug. Readers find a published page at published_slug, the slug it had
    # when it was last published: only Publish moves the address (see blog/publishing.py).
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    published_slug: Mapped[str | None] = mapped_column(String(200), unique=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None]
    published_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("revisions.id", ondelete="SET NULL", use_alter=True)
    )
    # Approved comments, rendered when moderation changes them (readers' pages are stored
    # HTML); the time of that change goes into the article's ETag and Last-Modified.
    comments_html: Mapped[str] = mapped_column(Text, default="")
    comments_changed_at: Mapped[datetime | None]
    # "Comments on/off": off, readers see the approved comments but no form, and posts are
    # refused. It takes effect at once, published or not (it is no part of the draft).
    comments_open: Mapped[bool] = mapped_column(default=True, server_default=true())
    # Optimistic lock on title, slug, summary and tags: a details save names the version it
    # edited and bumps it, so a stale form never silently undoes someone else's change.
    details_version: Mapped[int] = mapped_column(default=1, server_default="1")
    # Set by "Delete page": the page waits in the Trash, off the builder's list and the
    # public site, its slugs still held, until an editor restores it or deletes it for good.
    deleted_at: Mapped[datetime | None]
    # Draft details like the title: readers get them at the next Publish (the revision
    # keeps the published ones). The featured image is a stored picture's SHA-256.
    kind: Mapped[str] = mapped_column(String(16), default="post", server_default="post")
    featured_image: Mapped[str | None] = mapped_column(String(64))
    featured_image_alt: Mapped[str] = mapped_column(String(300), default="", server_default="")
    seo_title: Mapped[str] = mapped_column(String(200), default="", server_default="")
    seo_description: Mapped[str] = mapped_column(Text, default="", server_default="")
    noindex: Mapped[bool] = mapped_column(default=False, server_default=false())

    author: Mapped["User"] = relationship()
    rows: Mapped[list["Row"]] = relationship(
        back_populates="page", order_by="Row.position", cascade="all, delete-orphan"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=page_tags, order_by=Tag.name)
    published_revision: Mapped["Revision | None"] = relationship(
        foreign_keys=[published_revision_id], post_update=True
    )

    @property
    def is_published(self) -> bool:
        return self.status == "published" and self.published_revision_id is not None

    @property
    def address_moves(self) -> bool:
        """True when readers find the page at another address than its draft's slug: the
        next Publish moves it there."""
        return self.is_published and self.published_slug != self.slug


class Row(db.Model):
    """One horizontal band of a page, split into columns by its layout."""

    __tablename__ = "rows"
    __table_args__ = (Index("ix_rows_page_position", "page_id", "position"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    layout: Mapped[str] = mapped_column(String(16), default="1")

    page: Mapped[Page] = relationship(back_populates="rows")
    # Deleted blocks wait (for "Undo") outside this list.
    blocks: Mapped[list["Block"]] = relationship(
        back_populates="row",
        primaryjoin="and_(Row.id == Block.row_id, Block.deleted_at.is_(None))",
        order_by="(Block.column, Block.position, Block.id)",
        cascade="all, delete-orphan",
    )

    @property
    def column_count(self) -> int:
        """How many columns the row's layout has."""
        return column_count(self.layout)

    @property
    def columns(self) -> list[list["Block"]]:
        """The row's blocks, one list per column of its layout, in order."""
        columns: list[list[Block]] = [[] for _ in range(self.column_count)]
        for block in self.blocks:
            if block.column < len(columns):
                columns[block.column].append(block)
        return columns


class Block(db.Model):
    """One piece of content in a column. Only type and data are stored here; the block
    type in the registry owns the label, form, validation and template."""

    __tablename__ = "blocks"
    __table_args__ = (
        Index("ix_blocks_row_column_position", "row_id", "column", "position"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    row_id: Mapped[int] = mapped_column(ForeignKey("rows.id", ondelete="CASCADE"))
    column: Mapped[int] = mapped_column(default=0)
    position: Mapped[int] = mapped_column(default=0)
    type: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Optimistic lock on the data: a save names the version it edited and bumps it; moving
    # the block does not, so moving and editing one block never conflict.
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Set by "Delete"; "Undo" clears it. Deleted blocks are not part of the page.
    deleted_at: Mapped[datetime | None]
    # The block's preview on the builder's canvas, rendered when its data is written, and
    # what it was rendered from (templates, addresses, the data's version): a preview whose
    # key does not match is rendered again. See blog/builder/previews.py.
    preview_html: Mapped[str | None] = mapped_column(Text)
    preview_key: Mapped[str | None] = mapped_column(String(80))

    row: Mapped[Row] = relationship(back_populates="blocks")
