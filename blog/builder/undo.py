"""Undo and Redo: put back the states an operation recorded, when nobody changed what it
touched since. Each person undoes their own latest operation on a page, newest first, and
redoes what they undid, until they make a new change."""

from dataclasses import dataclass

from flask_login import current_user
from sqlalchemy import select, update

from blog.builder.loading import no_room
from blog.builder.touched_states import Ref, State, read_states, same_state, write_states
from blog.extensions import db
from blog.models import Block, Operation
from blog.slugs import slug_holder

CHANGED_SINCE = "Someone else changed this since; nothing was undone."
CHANGED_SINCE_REDO = "Someone else changed this since; nothing was redone."
NOT_LATEST = (
    "You changed the page since; use “Undo” in the page's actions to go back one change at a time."
)


class UndoRefused(Exception):
    """Why an undo or redo changed nothing, in words for the person who asked."""


@dataclass
class Reversal:
    """What an undo or redo did: the operation, and the states it wrote over what was."""

    operation: Operation
    written: dict[Ref, State]
    replaced: dict[Ref, State]


def _latest(page_id: int, undone: bool) -> Operation | None:
    """The person's operation Undo (undone=False) or Redo (undone=True) would take."""
    mine = select(Operation).where(
        Operation.page_id == page_id,
        Operation.person_id == current_user.id,
        Operation.undone.is_(undone),
    )
    order = Operation.id.asc() if undone else Operation.id.desc()
    return db.session.scalar(mine.order_by(order).limit(1))


def undo(page_id: int, operation_id: int | None = None) -> Reversal:
    """Undo the current person's latest operation on the page (which must be
    `operation_id` when one is named). UndoRefused, with nothing changed, when there is none
    or someone changed what it touched since."""
    operation = _latest(page_id, undone=False)
    if operation is None:
        raise UndoRefused("Nothing to undo: you have made no change to this page yet.")
    if operation_id is not None and operation.id != operation_id:
        raise UndoRefused(NOT_LATEST)
    return _reverse(operation, "after", "before", CHANGED_SINCE)


def redo(page_id: int) -> Reversal:
    """Make again the change the current person undid last on the page."""
    operation = _latest(page_id, undone=True)
    if operation is None:
        raise UndoRefused("Nothing to redo: you have undone no change on this page.")
    return _reverse(operation, "before", "after", CHANGED_SINCE_REDO)


def _reverse(operation: Operation, expected: str, wanted: str, changed_since: str) -> Reversal:
    _claim(operation, undone=wanted == "before")
    refs = [(change["kind"], change["id"]) for change in operation.changes]
    current = read_states(refs)
    targets = {(c["kind"], c["id"]): c[wanted] for c in operation.changes}
    if not all(same_state(current[c["kind"], c["id"]], c[expected]) for c in operation.changes):
        raise UndoRefused(changed_since)
    if _holds_other_blocks(targets) or _slug_taken(operation.page_id, targets):
        raise UndoRefused(changed_since)
    if full := _no_room(operation.page_id, targets, current):
        raise UndoRefused(full)
    write_states(targets, current)
    return Reversal(operation, targets, current)


def _claim(operation: Operation, undone: bool) -> None:
    """Flip the operation's `undone` in a conditional UPDATE first: of two presses of Undo at
    once (a double click, two tabs), the second waits for the first and then finds nothing
    to flip, so one change is never undone twice."""
    claimed = db.session.execute(
        update(Operation)
        .where(Operation.id == operation.id, Operation.undone.is_(not undone))
        .values(undone=undone)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        raise UndoRefused("That change was undone or redone meanwhile; nothing was changed.")
    operation.undone = undone


def _holds_other_blocks(targets: dict[Ref, State]) -> bool:
    """True when a row to delete holds blocks the operation does not know (someone added
    them since): deleting the row would delete them too."""
    going = [item for (kind, item), state in targets.items() if kind == "row" and state is None]
    if not going:
        return False
    known = {item for kind, item in targets if kind == "block"}
    held = db.session.scalars(select(Block.id).where(Block.row_id.in_(going)))
    return any(block_id not in known for block_id in held)


def _slug_taken(page_id: int, targets: dict[Ref, State]) -> bool:
    """True when the slug to put back is another page's (or its former address) now."""
    details = targets.get(("details", page_id))
    return details is not None and slug_holder(details["slug"], page_id) is not None


def _live(kind: str, state: State) -> bool:
    return state is not None and not (kind == "block" and state["deleted"])


def _no_room(page_id: int, targets: dict[Ref, State], current: dict[Ref, State]) -> str | None:
    """Why the page has no room for the rows and blocks the reversal brings back."""
    grows = {"row": 0, "block": 0}
    for (kind, item), state in targets.items():
        if kind in grows:
            grows[kind] += _live(kind, state) - _live(kind, current[kind, item])
    if grows["row"] <= 0 and grows["block"] <= 0:
        return None
    return no_room(page_id, rows=max(grows["row"], 0), blocks=max(grows["block"], 0))
