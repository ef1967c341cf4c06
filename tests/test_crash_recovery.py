"""kill -9 of gunicorn, master and workers together, in the middle of edits: started again on
the same database, the database is whole, every acknowledged edit is there, and the editors
carry on."""

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pytest
from sqlalchemy import func, select, text

from blog.extensions import db
from blog.models import Block, Row

from helpers.gunicorn_server import (
    CUT_OFF,
    Editor,
    GunicornServer,
    StoredPage,
    add_editor,
    shown_version,
    store_page,
)

EDITORS = 4
REQUESTS_EACH = 60
# The server is killed once this many edits, all editors together, were acknowledged: well
# before the EDITORS * REQUESTS_EACH they would send, so the kill lands among them.
KILL_AFTER = 40
FOUR_COLUMNS = [("1-1-1-1", [[f"Column {c} block {b}" for b in range(3)] for c in range(EDITORS)])]


@pytest.fixture
def server(database_url, tmp_path):
    """gunicorn on this test's database; whatever is left of it is stopped at teardown."""
    server = GunicornServer(database_url, tmp_path)
    yield server
    server.stop()


class Progress:
    """Acknowledged edits, counted across editors, and editors that stopped."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.acknowledged = self.stopped = 0

    def wait_for_kill_point(self) -> None:
        with self.changed:
            self.changed.wait_for(
                lambda: self.acknowledged >= KILL_AFTER or self.stopped == EDITORS, timeout=30
            )

    def count(self, acknowledged: int = 0, stopped: int = 0) -> None:
        with self.changed:
            self.acknowledged += acknowledged
            self.stopped += stopped
            self.changed.notify_all()


@dataclass
class ColumnOwner:
    """An editor who alone edits one column: saves its blocks and reorders it, in turn.
    Keeps what the server acknowledged and the one edit it was waiting for at the kill."""

    editor: Editor
    row_id: int
    column: int
    order: list[int]
    versions: dict[int, int] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)  # block id -> its acknowledged text
    acknowledged: int = 0
    in_flight: tuple | None = None

    def next_edit(self, number: int) -> tuple:
        if number % 2:
            return ("order", self.order[1:] + self.order[:1])
        block_id = self.order[number // 2 % len(self.order)]
        return ("save", block_id, f"Column {self.column} edit {number}")

    def send(self, edit: tuple) -> tuple[int, str]:
        if edit[0] == "order":
            path = f"/builder/rows/{self.row_id}/columns/{self.column}/order"
            return self.editor.post(path, block=edit[1])
        _, block_id, words = edit
        version = self.versions.get(block_id, 1)
        path = f"/builder/blocks/{block_id}"
        return self.editor.post(path, version=version, text=words, level="2")

    def run(self, progress: Progress) -> None:
        try:
            for number in range(REQUESTS_EACH):
                self.in_flight = self.next_edit(number)
                status, html = self.send(self.in_flight)
                assert status in (200, 204), f"{self.in_flight}: {status} {html[:800]}"
                if self.in_flight[0] == "order":
                    self.order = self.in_flight[1]
                else:
                    _, block_id, words = self.in_flight
                    self.versions[block_id] = self.versions.get(block_id, 1) + 1
                    self.texts[block_id] = words
                self.in_flight = None
                self.acknowledged += 1
                progress.count(acknowledged=1)
        except CUT_OFF:
            pass  # the server is gone: whether the edit in flight was stored is unknown
        finally:
            progress.count(stopped=1)


def found_edits(app, owner: ColumnOwner) -> int:
    """How many of the owner's acknowledged edits the stored column accounts for. Reorders:
    the column is in the last acknowledged order (or in the later one in flight). Saves of a
    block: its version counts every acknowledged save, and it holds the last acknowledged
    text (or, one version on, the text in flight)."""
    with app.app_context():
        blocks = list(
            db.session.scalars(
                select(Block)
                .where(Block.row_id == owner.row_id, Block.column == owner.column)
                .order_by(Block.position, Block.id)
            )
        )
    late = owner.in_flight or ("none",)
    saves = {block_id: version - 1 for block_id, version in owner.versions.items()}
    found = 0
    if [b.id for b in blocks] in (owner.order, late[1] if late[0] == "order" else None):
        found += owner.acknowledged - sum(saves.values())
    for block in blocks:
        expected = (owner.versions.get(block.id, 1), owner.texts[block.id])
        if late[:2] == ("save", block.id) and block.version == expected[0] + 1:
            expected = (expected[0] + 1, late[2])
        if (block.version, block.data["text"]) == expected:
            found += saves.get(block.id, 0)
    return found


def assert_database_whole(app, built: StoredPage, backend: str) -> None:
    """SQLite's own checks pass; on both, every row and block is there and in place."""
    seeded = sorted(built.texts)
    with app.app_context():
        if backend == "sqlite":
            assert db.session.scalar(text("PRAGMA integrity_check")) == "ok"
            assert db.session.execute(text("PRAGMA foreign_key_check")).all() == []
        assert db.session.scalar(select(func.count()).select_from(Block)) == len(seeded)
        assert db.session.scalars(select(Row.id)).all() == built.rows
        blocks = db.session.scalars(select(Block).order_by(Block.id)).all()
        assert [b.id for b in blocks] == seeded
        for block in blocks:
            assert block.row_id == built.rows[0] and 0 <= block.column < EDITORS
            assert block.position >= 0 and block.deleted_at is None


def postgres_started_at(app):
    with app.app_context():
        return db.session.scalar(text("SELECT pg_postmaster_start_time()"))


def test_acknowledged_edits_survive_kill_9_of_gunicorn(make_app, server, database_url):
    backend = "sqlite" if database_url.startswith("sqlite") else "postgresql"
    app = make_app()
    built = store_page(app, add_editor(app, "owner@example.com"), FOUR_COLUMNS)
    postgres_before = postgres_started_at(app) if backend == "postgresql" else None
    server.start()
    owners = []
    for (row_id, column), block_ids in built.columns.items():
        add_editor(app, f"editor{column}@example.com")
        editor = Editor(server)
        editor.log_in(f"editor{column}@example.com")
        texts = {block_id: built.texts[block_id] for block_id in block_ids}
        owners.append(ColumnOwner(editor, row_id, column, list(block_ids), texts=texts))

    progress = Progress()
    with ThreadPoolExecutor(max_workers=EDITORS) as pool:
        runs = [pool.submit(owner.run, progress) for owner in owners]
        progress.wait_for_kill_point()
        server.kill()
    for run in runs:
        run.result()
    acknowledged = sum(owner.acknowledged for owner in owners)
    assert acknowledged >= KILL_AFTER, "the editors stopped before the kill"
    assert any(owner.in_flight for owner in owners), "the kill came after the last edit"

    server.start()
    assert_database_whole(app, built, backend)
    if backend == "postgresql":
        assert postgres_started_at(app) == postgres_before, "PostgreSQL restarted too"
    found = sum(found_edits(app, owner) for owner in owners)
    print(f"\n{backend}: {acknowledged} edits acknowledged before kill -9, {found} found after")
    assert found == acknowledged
    carry_on_without_logging_in_again(owners[0])


def carry_on_without_logging_in_again(owner: ColumnOwner) -> None:
    """The restarted server takes the editor's session and CSRF token from before the kill
    (they are signed cookies, not server memory): reopen a block and save it."""
    block_id = owner.order[0]
    status, form = owner.editor.request("GET", f"/builder/blocks/{block_id}/edit", htmx=True)
    assert status == 200
    path, words = f"/builder/blocks/{block_id}", "After the restart"
    status, html = owner.editor.post(path, version=shown_version(form), text=words, level="2")
    assert status == 200 and words in html
