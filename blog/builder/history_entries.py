"""A page's history as one list: its published revisions and its draft checkpoints, each an
entry with who, when and what it holds, loaded for the page being edited only (an entry of
another page is "not found")."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from blog.content.comparison import compare
from blog.extensions import db
from blog.models import CHECKPOINT_REASONS, Checkpoint, Page, Revision, User

# What the oldest entry is compared with: a page with nothing on it.
EMPTY_PAGE: dict[str, Any] = {"title": "", "summary": "", "tags": [], "rows": []}


@dataclass
class HistoryEntry:
    """A revision or a checkpoint: `kind` ("revision" | "checkpoint") and `key` (its number
    or id) name it in URLs; `content` is the page in the export format."""

    kind: str
    key: int
    name: str
    person: User | None
    created_at: datetime
    content: dict[str, Any]
    live: bool = False
    changed: str = ""

    @property
    def address(self) -> dict[str, int]:
        """The URL arguments that name this entry (with the page's id)."""
        return {"number": self.key} if self.kind == "revision" else {"checkpoint_id": self.key}

    @property
    def named_in_text(self) -> str:
        """The name inside a sentence: "revision 2", "draft checkpoint (while editing)"."""
        return self.name[0].lower() + self.name[1:]

    @property
    def tag_names(self) -> list[str]:
        """The tags the entry's page had, by name."""
        return list(self.content.get("tags", []))


def _of_revision(page: Page, revision: Revision) -> HistoryEntry:
    live = page.status == "published" and page.published_revision_id == revision.id
    return HistoryEntry(
        "revision",
        revision.number,
        f"Revision {revision.number}",
        revision.author,
        revision.created_at,
        revision.content,
        live=live,
    )


def _of_checkpoint(checkpoint: Checkpoint) -> HistoryEntry:
    reason = CHECKPOINT_REASONS.get(checkpoint.reason, checkpoint.reason)
    return HistoryEntry(
        "checkpoint",
        checkpoint.id,
        f"Draft checkpoint ({reason.lower()})",
        checkpoint.person,
        checkpoint.created_at,
        checkpoint.content,
    )


def revision_entry(page: Page, number: int) -> HistoryEntry:
    """The page's revision `number` as an entry; 404 when the page has none such."""
    revision = db.first_or_404(
        select(Revision).where(Revision.page_id == page.id, Revision.number == number)
    )
    return _of_revision(page, revision)


def checkpoint_entry(page: Page, checkpoint_id: int) -> HistoryEntry:
    """The page's checkpoint `checkpoint_id` as an entry; 404 when it is not this page's."""
    checkpoint = db.first_or_404(
        select(Checkpoint).where(Checkpoint.page_id == page.id, Checkpoint.id == checkpoint_id)
    )
    return _of_checkpoint(checkpoint)


def history_of(page: Page) -> list[HistoryEntry]:
    """Every revision and checkpoint of the page, newest first, each saying how much changed
    since the entry before it (the oldest: since an empty page). A checkpoint taken before
    publishing comes just before the revision published from it."""
    revisions = db.session.scalars(
        select(Revision).where(Revision.page_id == page.id).options(joinedload(Revision.author))
    )
    checkpoints = db.session.scalars(
        select(Checkpoint)
        .where(Checkpoint.page_id == page.id)
        .options(joinedload(Checkpoint.person))
    )
    entries = [_of_revision(page, revision) for revision in revisions]
    entries += [_of_checkpoint(checkpoint) for checkpoint in checkpoints]
    entries.sort(key=lambda entry: (entry.created_at, entry.kind == "revision", entry.key))
    before = EMPTY_PAGE
    for entry in entries:
        entry.changed = compare(before, entry.content).summary()
        before = entry.content
    return entries[::-1]
