"""A page's history as one list: its published revisions and its draft checkpoints, each an
entry with who, when and what it holds, loaded for the page being edited only (an entry of
another page is "not found")."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload, load_only

from blog.content.comparison import compare
from blog.extensions import db
from blog.models import CHECKPOINT_REASONS, Checkpoint, Page, Revision, User

# What the oldest entry is compared with: a page with nothing on it.
EMPTY_PAGE: dict[str, Any] = {"title": "", "summary": "", "tags": [], "rows": []}
# History shows this many entries at a time, newest first ("Older entries" goes on).
ENTRIES_SHOWN = 30


@dataclass
class HistoryEntry:
    """A revision or a checkpoint (`stored`): `kind` ("revision" | "checkpoint") and `key`
    (its number or id) name it in URLs; `content` is the page in the export format, read
    from the database when first asked for."""

    kind: str
    key: int
    name: str
    person: User | None
    created_at: datetime
    stored: Revision | Checkpoint
    live: bool = False
    changed: str = ""

    @property
    def content(self) -> dict[str, Any]:
        return self.stored.content

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
        revision,
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
        checkpoint,
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


@dataclass
class HistoryWindow:
    """The entries History shows, newest first, from the `start`th; `older` and `newer` are
    where the next and the previous windows start (None at either end)."""

    entries: list[HistoryEntry]
    older: int | None
    newer: int | None


def history_of(page: Page, start: int = 0) -> HistoryWindow:
    """ENTRIES_SHOWN of the page's revisions and checkpoints, newest first from the
    `start`th, each saying how much changed since the entry before it (the oldest: since an
    empty page). A checkpoint taken before publishing comes just before the revision
    published from it. Only the entries shown, and the one before them, are read whole and
    compared; of the others only who and when is read, so a long history costs little more
    than a short one."""
    revisions = db.session.scalars(
        select(Revision)
        .where(Revision.page_id == page.id)
        .options(
            load_only(Revision.number, Revision.created_at, Revision.author_id),
            joinedload(Revision.author),
        )
    )
    checkpoints = db.session.scalars(
        select(Checkpoint)
        .where(Checkpoint.page_id == page.id)
        .options(
            load_only(Checkpoint.reason, Checkpoint.created_at, Checkpoint.person_id),
            joinedload(Checkpoint.person),
        )
    )
    entries = [_of_revision(page, revision) for revision in revisions]
    entries += [_of_checkpoint(checkpoint) for checkpoint in checkpoints]
    entries.sort(key=lambda entry: (entry.created_at, entry.kind == "revision", entry.key))
    entries.reverse()
    last_window = max(len(entries) - 1, 0) // ENTRIES_SHOWN * ENTRIES_SHOWN
    start = min(max(start, 0), last_window)
    shown = entries[start : start + ENTRIES_SHOWN]
    before = entries[start + len(shown)] if start + len(shown) < len(entries) else None
    _read_contents([*shown, *([before] if before else [])])
    for entry in reversed(shown):
        entry.changed = compare(before.content if before else EMPTY_PAGE, entry.content).summary()
        before = entry
    return HistoryWindow(
        shown,
        older=start + ENTRIES_SHOWN if start + ENTRIES_SHOWN < len(entries) else None,
        newer=max(start - ENTRIES_SHOWN, 0) if start else None,
    )


def _read_contents(entries: list[HistoryEntry]) -> None:
    """Read these entries' contents in one query per kind (each alone would be one apiece)."""
    for model in (Revision, Checkpoint):
        ids = [entry.stored.id for entry in entries if isinstance(entry.stored, model)]
        if ids:
            query = select(model).where(model.id.in_(ids)).options(load_only(model.content))
            db.session.scalars(query).all()
