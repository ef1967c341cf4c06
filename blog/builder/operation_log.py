"""Recording changes to a page in its operation log, in the transaction that makes them:

    with recording(page, "Row deleted", rows=[row.id], whole_rows=[row.id]) as change:
        db.session.delete(row)

reads the state of what the change will touch, lets it happen, reads the state again and
stores both as one Operation of the current person. Undo and Redo (undo.py) put them back.
It is also where edits take their draft checkpoints (blog/checkpoints.py)."""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from flask_login import current_user
from sqlalchemy import delete

from blog.builder.touched_states import Ref, State, blocks_of_rows, read_states, same_state
from blog.checkpoints import checkpoint_if_due
from blog.extensions import db
from blog.models import OPERATIONS_KEPT_PER_PAGE, Operation, Page
from blog.models.page_logs import forget_all_but_newest


@dataclass
class Change:
    """What one change touches: the states read before it, and the things it creates; once
    recorded, its operation (None when it changed nothing)."""

    before: dict[Ref, State] = field(default_factory=dict)
    whole_rows: list[int] = field(default_factory=list)
    operation: Operation | None = None

    def touches(self, kind: str, ids: Iterable[int]) -> None:
        """Things the change will touch, read now (before it touches them)."""
        fresh = [(kind, item) for item in ids if (kind, item) not in self.before]
        self.before |= read_states(fresh)

    def creates(self, kind: str, *ids: int) -> None:
        """Things the change has just made: they did not exist before it."""
        self.before |= {(kind, item): None for item in ids if (kind, item) not in self.before}

    def creates_rows(self, *row_ids: int) -> None:
        """Rows the change has just made, with every block in them."""
        self.creates("row", *row_ids)
        self.whole_rows.extend(row_ids)


@contextmanager
def recording(
    page: Page,
    label: str,
    *,
    blocks: Iterable[int] = (),
    rows: Iterable[int] = (),
    whole_rows: Iterable[int] = (),
    details: bool = False,
) -> Iterator[Change]:
    """Record the change made inside the `with` as one operation of the current person on
    `page`, named `label`: the blocks and rows named (`whole_rows`: rows with all their
    blocks, read before and after) and the page's details when `details`. Nothing is
    recorded when the change changed nothing, nor when it raises. When a draft checkpoint is
    due (see checkpoint_if_due), the draft as it was before the change is kept first, in the
    same transaction."""
    checkpoint_if_due(page, current_user.id)
    change = Change(whole_rows=list(whole_rows))
    change.touches("row", [*rows, *change.whole_rows])
    change.touches("block", [*blocks, *blocks_of_rows(change.whole_rows)])
    if details:
        change.touches("details", [page.id])
    yield change
    db.session.flush()
    for block_id in blocks_of_rows(change.whole_rows):
        change.creates("block", block_id)
    change.operation = record(page.id, label, change.before, read_states(change.before))


def record(
    page_id: int, label: str, before: dict[Ref, State], after: dict[Ref, State]
) -> Operation | None:
    """Store one operation of the current person (unless nothing differs), forget what they
    had undone on the page (a new change ends Redo), and keep the page's log within
    OPERATIONS_KEPT_PER_PAGE."""
    changes = [
        {"kind": kind, "id": item, "before": state, "after": after[kind, item]}
        for (kind, item), state in before.items()
        if not same_state(state, after[kind, item])
    ]
    if not changes:
        return None
    person = current_user.id
    db.session.execute(
        delete(Operation)
        .where(
            Operation.page_id == page_id,
            Operation.person_id == person,
            Operation.undone.is_(True),
        )
        .execution_options(synchronize_session=False)
    )
    operation = Operation(page_id=page_id, person_id=person, label=label, changes=changes)
    db.session.add(operation)
    db.session.flush()
    forget_all_but_newest(Operation, page_id, OPERATIONS_KEPT_PER_PAGE)
    return operation
