"""Changes an editor makes to a page, each as the builder's own form post, to undo and redo:
one of every kind the operation log records. Each takes the test client and the page built by
undo_page(); a `prepare` step (if any) runs before the export taken as "before"."""

from collections.abc import Callable
from dataclasses import dataclass

from flask.testing import FlaskClient

from helpers.builder_pages import BuiltPage, build_page

# Two rows: "1-1" with A, B, C | D, and "1" with E.
ROWS = [("1-1", [["A", "B", "C"], ["D"]]), ("1", [["E"]])]

Post = Callable[[FlaskClient, BuiltPage], object]


@dataclass(frozen=True)
class PageChange:
    """One change: its name, the post that makes it, and what must happen first."""

    name: str
    post: Post
    prepare: Post | None = None


def undo_page(app, author_id: int) -> BuiltPage:
    """The page the changes are made on, published once (so that it has revision 1)."""
    return build_page(app, author_id, *ROWS, title="Undo notes", published=True)


def _block(page: BuiltPage, row: int, column: int, index: int) -> int:
    return page.blocks[row][column][index]


def _restore(client: FlaskClient, page: BuiltPage):
    return client.post(f"/builder/pages/{page.id}/revisions/1/restore")


def _edit_a(client: FlaskClient, page: BuiltPage):
    data = {"text": "A, edited", "level": "3", "version": "1"}
    return client.post(f"/builder/blocks/{_block(page, 0, 0, 0)}", data=data)


CHANGES = [
    PageChange(
        "block added",
        lambda c, p: c.post(f"/builder/rows/{p.rows[0]}/columns/1/blocks", data={"type": "text"}),
    ),
    PageChange("block edited", _edit_a),
    PageChange(
        "block deleted", lambda c, p: c.post(f"/builder/blocks/{_block(p, 0, 0, 1)}/delete")
    ),
    PageChange(
        "block restored",
        lambda c, p: c.post(f"/builder/blocks/{_block(p, 0, 0, 1)}/undo"),
        prepare=lambda c, p: c.post(f"/builder/blocks/{_block(p, 0, 0, 1)}/delete"),
    ),
    PageChange(
        "block moved down",
        lambda c, p: c.post(
            f"/builder/blocks/{_block(p, 0, 0, 0)}/move", data={"direction": "down"}
        ),
    ),
    PageChange(
        "block dragged to another row",
        lambda c, p: c.post(
            f"/builder/rows/{p.rows[1]}/columns/0/order",
            data={"block": [_block(p, 0, 0, 2), _block(p, 1, 0, 0)]},
        ),
    ),
    PageChange(
        "block duplicated", lambda c, p: c.post(f"/builder/blocks/{_block(p, 0, 0, 0)}/duplicate")
    ),
    PageChange(
        "row added", lambda c, p: c.post(f"/builder/pages/{p.id}/rows", data={"layout": "1-2"})
    ),
    PageChange("row deleted", lambda c, p: c.post(f"/builder/rows/{p.rows[0]}/delete")),
    PageChange(
        "row moved down",
        lambda c, p: c.post(f"/builder/rows/{p.rows[0]}/move", data={"direction": "down"}),
    ),
    PageChange(
        "row dragged",
        lambda c, p: c.post(f"/builder/pages/{p.id}/rows/order", data={"row": p.rows[::-1]}),
    ),
    PageChange("row duplicated", lambda c, p: c.post(f"/builder/rows/{p.rows[0]}/duplicate")),
    PageChange(
        "layout changed",
        lambda c, p: c.post(f"/builder/rows/{p.rows[0]}/layout", data={"layout": "1"}),
    ),
    PageChange(
        "page details changed",
        lambda c, p: c.post(
            f"/builder/pages/{p.id}/details",
            data={"title": "Renamed", "slug": "renamed", "summary": "New.", "tags": "Spring"},
        ),
    ),
    PageChange("revision restored", _restore, prepare=_edit_a),
]
