"""The states of the things a change touches (blocks, rows, a page's details) as plain JSON,
read in one query per kind and written back: what the operation log records and what Undo
and Redo put back. Only the things named are read or written, so the cost follows the
change, not the page."""

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, insert, select, update

from blog.content.page_kinds import PAGE_COLUMNS, page_values, sharing_entries
from blog.content.tags import tags_named
from blog.extensions import db
from blog.models import Block, Page, Row, Tag, page_tags, utcnow

# (kind, id): "block" and "row" name a block or a row by its id, "details" a page by its id.
Ref = tuple[str, int]
State = dict[str, Any] | None
KINDS = ("row", "block", "details")

# What decides whether two states are the same: a block's version changes when Undo writes
# it back, and must not make the next Redo look like a conflict.
NOT_COMPARED = {"version"}


def same_state(one: State, other: State) -> bool:
    """True when the two states hold the same content (versions aside)."""
    if one is None or other is None:
        return one is other
    keys = (set(one) | set(other)) - NOT_COMPARED
    return all(one.get(key) == other.get(key) for key in keys)


def read_states(refs: Iterable[Ref]) -> dict[Ref, State]:
    """The current state of each thing named (None for one that does not exist), in one
    query per kind. Columns are read, not objects: bulk writes earlier in the request leave
    the session's objects behind the database."""
    wanted: dict[str, set[int]] = {kind: set() for kind in KINDS}
    for kind, item in refs:
        wanted[kind].add(item)
    states: dict[Ref, State] = {(kind, item): None for kind in KINDS for item in wanted[kind]}
    for kind, read in (("block", _blocks), ("row", _rows), ("details", _details)):
        if wanted[kind]:
            states |= read(wanted[kind])
    return states


def _blocks(block_ids: set[int]) -> dict[Ref, State]:
    found = db.session.execute(
        select(Block.id, Block.row_id, Block.column, Block.position, Block.type, Block.data)
        .add_columns(Block.version, Block.deleted_at.is_not(None))
        .where(Block.id.in_(block_ids))
    )
    return {
        ("block", item): {
            "row": row,
            "column": column,
            "position": position,
            "type": type_name,
            "data": data,
            "version": version,
            "deleted": bool(deleted),
        }
        for item, row, column, position, type_name, data, version, deleted in found
    }


def _rows(row_ids: set[int]) -> dict[Ref, State]:
    found = db.session.execute(
        select(Row.id, Row.page_id, Row.position, Row.layout).where(Row.id.in_(row_ids))
    )
    return {
        ("row", item): {"page": page, "position": position, "layout": layout}
        for item, page, position, layout in found
    }


def _details(page_ids: set[int]) -> dict[Ref, State]:
    tags: dict[int, list[str]] = {page_id: [] for page_id in page_ids}
    for page_id, name in db.session.execute(
        select(page_tags.c.page_id, Tag.name)
        .join(Tag, Tag.id == page_tags.c.tag_id)
        .where(page_tags.c.page_id.in_(page_ids))
        .order_by(Tag.name)
    ):
        tags[page_id].append(name)
    # Kind and sharing details as a document holds them (only those not a post's default),
    # so states recorded before pages had them still compare equal and write back as posts.
    sharing = (getattr(Page, column) for column in PAGE_COLUMNS)
    found = db.session.execute(
        select(Page.id, Page.title, Page.slug, Page.summary, *sharing).where(Page.id.in_(page_ids))
    )
    return {
        ("details", row.id): {
            "title": row.title,
            "slug": row.slug,
            "summary": row.summary,
            "tags": tags[row.id],
            **sharing_entries(row._mapping),
        }
        for row in found
    }


def blocks_of_rows(row_ids: Iterable[int]) -> list[int]:
    """Every block of these rows, deleted ones waiting for Undo included."""
    ids = list(row_ids)
    if not ids:
        return []
    return list(db.session.scalars(select(Block.id).where(Block.row_id.in_(ids))))


def write_states(targets: dict[Ref, State], current: dict[Ref, State]) -> None:
    """Make each thing's state `targets[ref]`, from `current[ref]`: insert what is missing
    (with its old id), update what differs, delete what must not exist. Rows are inserted
    before their blocks and deleted after them. A block whose type or data changes gets a
    new version, so that forms opened on the old one are refused."""
    for kind in ("row", "block"):
        for (ref_kind, item), state in targets.items():
            if ref_kind == kind and state is not None and current[ref_kind, item] is None:
                _insert(kind, item, state)
    for ref, state in targets.items():
        now = current[ref]
        if state is not None and now is not None and not same_state(state, now):
            _update(ref, state, now)
    for kind in ("block", "row"):
        for (ref_kind, item), state in targets.items():
            if ref_kind == kind and state is None and current[ref_kind, item] is not None:
                model = Block if kind == "block" else Row
                db.session.execute(
                    delete(model)
                    .where(model.id == item)
                    .execution_options(synchronize_session=False)
                )


def _block_values(state: dict[str, Any]) -> dict[str, Any]:
    return {
        "row_id": state["row"],
        "column": state["column"],
        "position": state["position"],
        "type": state["type"],
        "data": state["data"],
        "deleted_at": utcnow() if state["deleted"] else None,
    }


def _insert(kind: str, item: int, state: dict[str, Any]) -> None:
    if kind == "row":
        values = {"page_id": state["page"], "position": state["position"]}
        db.session.execute(insert(Row).values(id=item, layout=state["layout"], **values))
        return
    version = state.get("version", 1) + 1
    db.session.execute(
        insert(Block).values(id=item, version=version, updated_at=utcnow(), **_block_values(state))
    )


def _update(ref: Ref, state: dict[str, Any], now: dict[str, Any]) -> None:
    kind, item = ref
    if kind == "row":
        values = {"page_id": state["page"], "position": state["position"]}
        query = update(Row).where(Row.id == item).values(layout=state["layout"], **values)
    elif kind == "block":
        values = _block_values(state)
        if now["deleted"] == state["deleted"]:
            values.pop("deleted_at")  # keep when a waiting block was deleted
        if (now["type"], now["data"]) != (state["type"], state["data"]):
            values |= {"version": Block.version + 1, "updated_at": utcnow()}
        query = update(Block).where(Block.id == item).values(**values)
    else:
        page = db.session.get(Page, item)
        page.tags = tags_named(state["tags"])
        query = (
            update(Page)
            .where(Page.id == item)
            .values(
                title=state["title"],
                slug=state["slug"],
                summary=state["summary"],
                details_version=Page.details_version + 1,
                **page_values(state),
            )
        )
    db.session.execute(query.execution_options(synchronize_session=False))
