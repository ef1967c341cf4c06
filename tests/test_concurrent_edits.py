"""Eight editors at once on one page, against gunicorn on SQLite and on PostgreSQL: every
acknowledged save is stored, refusals are 409s and never 500s, and the page stays whole.

Each editor logs in as a person of their own: the login limits count per client address
(10 a minute, and all editors come from 127.0.0.1) and per account (5 a minute), so eight
logins to one server start stay under both (even all on one worker: the memory limiter
counts per worker process) without changing the production settings.

The test at the end makes two requests meet at a chosen statement, so that an interleaving
the load met by chance (and answered with a 500) is checked on every run.
"""

import random
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from sqlalchemy import create_engine, event, func, insert, select, update
from sqlalchemy.exc import OperationalError

from blog.extensions import db
from blog.models import Block, Page, Revision, Row, Tag, utcnow

from helpers.gunicorn_server import (
    Editor,
    GunicornServer,
    StoredPage,
    add_editor,
    shown_columns,
    shown_version,
    store_page,
)
from helpers.support import PASSWORD

EDITORS = 8
REQUESTS_EACH = 25
# Every editor first saves these blocks believing each is at version 1: only one save per
# version can succeed, so at least EDITORS - 1 of them must be refused for each block.
HOT_BLOCKS = 3
ROWS = (
    ("1-1", [["A1", "A2", "A3"], ["A4", "A5"]]),
    ("1-1-1", [["B1", "B2"], ["B3"], ["B4", "B5"]]),
    ("1", [["C1", "C2"]]),
)
ANSWERS = {200, 204, 409}
# A move past the end of its column is refused and changes nothing.
REFUSED_MOVE = ("move", 422)


@pytest.fixture
def gunicorn(database_url, tmp_path):
    """Start gunicorn instances on this test's database; all are stopped at teardown."""
    started: list[GunicornServer] = []

    def start() -> GunicornServer:
        server = GunicornServer(database_url, tmp_path)
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.stop()


@dataclass
class EditingSession:
    """One editor's run: what they believe the page holds and what the server answered."""

    number: int
    editor: Editor
    built: StoredPage
    hot_blocks: list[int]
    versions: dict[int, int] = field(default_factory=dict)
    columns: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    statuses: Counter = field(default_factory=Counter)  # (what was sent, status) -> count
    saves: list[tuple[int, int, str]] = field(default_factory=list)  # (block, version, text)

    def __post_init__(self) -> None:
        self.random = random.Random(self.number)
        self.columns = {key: list(ids) for key, ids in self.built.columns.items()}
        self.versions = dict.fromkeys(self.built.texts, 1)

    def run(self, start: threading.Barrier) -> None:
        start.wait(timeout=30)
        for block_id in self.hot_blocks:
            self.save(block_id)
        for _ in range(REQUESTS_EACH - len(self.hot_blocks)):
            action = self.random.choices(
                [self.save_any, self.move, self.order_column, self.order_rows], [4, 2, 3, 1]
            )[0]
            action()

    def answer(self, kind: str, status: int, html: str) -> None:
        self.statuses[kind, status] += 1
        self.columns.update(shown_columns(html) if status in (200, 409) else {})

    def save(self, block_id: int) -> None:
        version = self.versions[block_id]
        text = f"Editor {self.number}, request {sum(self.statuses.values())}"
        status, html = self.editor.post(
            f"/builder/blocks/{block_id}", version=version, text=text, level="2"
        )
        self.statuses["save", status] += 1
        if status == 200:
            self.saves.append((block_id, version, text))
            self.versions[block_id] = version + 1
        elif status == 409:
            self.versions[block_id] = shown_version(html)

    def save_any(self) -> None:
        chosen = self.hot_blocks if self.random.random() < 0.5 else list(self.versions)
        self.save(self.random.choice(chosen))

    def move(self) -> None:
        block_id = self.random.choice(list(self.versions))
        direction = self.random.choice(["up", "down"])
        self.answer(
            "move", *self.editor.post(f"/builder/blocks/{block_id}/move", direction=direction)
        )

    def order_column(self) -> None:
        """Drag within a column, or drag a block in from another column of the page."""
        (row_id, column), order = self.random.choice(sorted(self.columns.items()))
        order = list(order)
        others = [(key, b) for key, ids in self.columns.items() for b in ids if b not in order]
        arrival = self.random.choice(others) if others and self.random.random() < 0.5 else None
        if arrival:
            order.insert(self.random.randint(0, len(order)), arrival[1])
        else:
            self.random.shuffle(order)
        path = f"/builder/rows/{row_id}/columns/{column}/order"
        status, html = self.editor.post(path, block=order)
        self.answer("column order", status, html)
        if status == 204:
            self.columns[row_id, column] = order
            if arrival:
                self.columns[arrival[0]].remove(arrival[1])

    def order_rows(self) -> None:
        order = self.random.sample(self.built.rows, len(self.built.rows))
        path = f"/builder/pages/{self.built.id}/rows/order"
        self.answer("row order", *self.editor.post(path, row=order))


def edit_together(make_app, servers: list[GunicornServer]) -> Counter:
    """Eight editors, spread over the servers, edit one page at once; check what is stored
    and shown afterwards. Returns the count of answers by (what was sent, status)."""
    app = make_app()
    built = store_page(app, add_editor(app, "owner@example.com"), ROWS)
    hot_blocks = [ids[0] for ids in built.columns.values()][:HOT_BLOCKS]
    sessions = []
    for number in range(EDITORS):
        add_editor(app, f"editor{number}@example.com")
        editor = Editor(servers[number % len(servers)])
        editor.log_in(f"editor{number}@example.com")
        sessions.append(EditingSession(number, editor, built, hot_blocks))

    start = threading.Barrier(EDITORS)
    with ThreadPoolExecutor(max_workers=EDITORS) as pool:
        runs = [pool.submit(session.run, start) for session in sessions]
        for run in runs:
            run.result()

    answers = sum((session.statuses for session in sessions), Counter())
    statuses = Counter()
    for (kind, status), count in answers.items():
        if (kind, status) != REFUSED_MOVE:
            statuses[status] += count
    logs = "\n".join(server.log() for server in servers)
    assert set(statuses) <= ANSWERS, f"{answers}\n{logs}"
    assert answers["save", 409] >= HOT_BLOCKS * (EDITORS - 1), answers
    saves = [save for session in sessions for save in session.saves]
    assert_saves_stored(app, built, saves)
    assert_page_whole(app, built)
    assert_editor_shows_stored_order(app, built, sessions[0].editor)
    return answers


def assert_saves_stored(app, built: StoredPage, saves: list[tuple[int, int, str]]) -> None:
    """Each version of a block was saved at most once, and the block holds the text of its
    last acknowledged save, at the version after it: no acknowledged save was lost."""
    with app.app_context():
        stored = {b.id: b for b in db.session.scalars(select(Block).join(Row))}
        for block_id in built.texts:
            acknowledged = sorted((v, text) for b, v, text in saves if b == block_id)
            versions = [version for version, _ in acknowledged]
            assert versions == list(range(1, len(acknowledged) + 1)), (block_id, versions)
            block = stored[block_id]
            assert block.version == len(acknowledged) + 1
            if acknowledged:
                assert block.data == {"text": acknowledged[-1][1], "level": 2}


def assert_page_whole(app, built: StoredPage) -> None:
    """The page has its rows, each at its own place, and every block is in one column that
    its row has, at a non-negative place; nothing was deleted, lost or added."""
    seeded = sorted(built.texts)
    with app.app_context():
        rows = {r.id: r for r in db.session.scalars(select(Row).where(Row.page_id == built.id))}
        assert sorted(rows) == sorted(built.rows)
        assert sorted(r.layout for r in rows.values()) == sorted(layout for layout, _ in ROWS)
        assert sorted(r.position for r in rows.values()) == list(range(len(ROWS)))
        blocks = list(db.session.scalars(select(Block).where(Block.row_id.in_(rows))))
        assert sorted(b.id for b in blocks) == seeded
        for block in blocks:
            assert block.deleted_at is None
            assert 0 <= block.column < rows[block.row_id].column_count
            assert block.position >= 0


def assert_editor_shows_stored_order(app, built: StoredPage, editor: Editor) -> None:
    """The editor shows each column's blocks in their stored order, each block once."""
    status, html = editor.request("GET", f"/builder/pages/{built.id}")
    assert status == 200
    shown = {key: ids for key, ids in shown_columns(html).items() if ids}
    with app.app_context():
        blocks = db.session.scalars(
            select(Block)
            .where(Block.row_id.in_(built.rows))
            .order_by(Block.row_id, Block.column, Block.position, Block.id)
        )
        stored: dict[tuple[int, int], list[int]] = {}
        for block in blocks:
            stored.setdefault((block.row_id, block.column), []).append(block.id)
    assert shown == stored


def test_eight_editors_on_one_page_keep_every_acknowledged_save(make_app, gunicorn, database_url):
    answers = edit_together(make_app, [gunicorn()])
    print(f"\n{database_url.split(':')[0].split('+')[0]}, one gunicorn: {sorted(answers.items())}")


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_two_gunicorn_instances_on_one_postgresql_database(make_app, gunicorn):
    answers = edit_together(make_app, [gunicorn(), gunicorn()])
    print(f"\npostgresql, two gunicorns: {sorted(answers.items())}")


# Two requests meeting in the middle, made deterministic: while the app serves one editor,
# another editor's change commits on another connection at a chosen statement.


WAIT_FOR_LOCKS_BRIEFLY = {
    "sqlite": "PRAGMA busy_timeout = 1000",
    "postgresql": "SET LOCAL lock_timeout = '1s'",
}


@contextmanager
def committed_meanwhile(app, before: Callable[[str], bool], change) -> Iterator[list[bool]]:
    """Commit `change` the first time the app is about to run a statement for which
    `before(sql)` holds; `change` is a statement, or a function that runs statements on the
    other connection. Yields [True] once it committed, [False] if a lock the request held
    kept it out (then the request was safe from it), [] while it never met the request."""
    outcome: list[bool] = []
    with app.app_context():
        engine = db.engine
    other_engine = create_engine(engine.url)

    def interleave(_connection, _cursor, statement, *_) -> None:
        if outcome or not before(statement):
            return
        outcome.append(False)
        try:
            with other_engine.begin() as other:
                other.exec_driver_sql(WAIT_FOR_LOCKS_BRIEFLY[other.dialect.name])
                if callable(change):
                    change(other)
                else:
                    other.execute(change)
            outcome[0] = True
        except OperationalError:
            pass

    event.listen(engine, "before_cursor_execute", interleave)
    try:
        yield outcome
    finally:
        event.remove(engine, "before_cursor_execute", interleave)
        other_engine.dispose()


def test_moving_a_block_another_editor_just_dragged_away_is_not_a_500(make_app):
    # A 500 is answered, as under gunicorn, rather than raised into the test.
    app = make_app(WTF_CSRF_ENABLED=False, PROPAGATE_EXCEPTIONS=False)
    owner = add_editor(app, "owner@example.com")
    stored = store_page(app, owner, [("1-1", [["A", "B", "W"], ["C"]])])
    moving = stored.columns[stored.rows[0], 0][2]
    add_editor(app, "editor@example.com")
    client = app.test_client()
    client.post("/login", data={"email": "editor@example.com", "password": PASSWORD})
    dragged = update(Block).where(Block.id == moving).values(column=1, position=1)

    def reads_the_column(sql: str) -> bool:  # after the block itself was read
        return "FROM blocks" in sql and "JOIN" not in sql

    with committed_meanwhile(app, reads_the_column, dragged) as committed:
        response = client.post(
            f"/builder/blocks/{moving}/move",
            data={"direction": "up"},
            headers={"HX-Request": "true"},
        )
    assert committed, "the other editor's drag never met the move"
    assert response.status_code in (200, 409), f"the move answered {response.status_code}"
    if committed == [True]:
        with app.app_context():
            kept = db.session.get(Block, moving).column == 1
        assert kept, "the other editor's drag was undone"


def test_a_second_publish_meeting_the_first_waits_and_publishes_once(make_app):
    app = make_app(WTF_CSRF_ENABLED=False, PROPAGATE_EXCEPTIONS=False)
    editor = add_editor(app, "editor@example.com")
    page_id = store_page(app, editor, [("1", [["Hello"]])]).id
    client = app.test_client()
    client.post("/login", data={"email": "editor@example.com", "password": PASSWORD})

    def another_publish(other) -> None:
        """What the other request's Publish writes: it takes the page, then revision 1."""
        other.execute(update(Page).where(Page.id == page_id).values(status=Page.status))
        other.execute(
            insert(Revision).values(
                page_id=page_id, number=1, content={}, title="", summary="", html="",
                reader_html="", search_text="", reading_minutes=1,
                created_at=utcnow(), rendered_at=utcnow(),
            )
        )  # fmt: skip

    def numbering_its_revision(sql: str) -> bool:
        return sql.startswith("INSERT INTO revisions (")

    with committed_meanwhile(app, numbering_its_revision, another_publish) as committed:
        response = client.post(f"/builder/pages/{page_id}/publish")
    assert committed == [False], "the other Publish was not kept waiting"
    assert response.status_code == 303
    again = client.post(f"/builder/pages/{page_id}/publish")  # a double click
    assert again.status_code == 303
    with app.app_context():
        numbers = db.session.scalars(select(Revision.number).where(Revision.page_id == page_id))
        assert list(numbers) == [1]


def test_the_same_new_tag_given_to_two_pages_at_once_is_shared_not_a_500(make_app, database_url):
    app = make_app(WTF_CSRF_ENABLED=False, PROPAGATE_EXCEPTIONS=False)
    editor = add_editor(app, "editor@example.com")
    page_id = store_page(app, editor, [("1", [["Hello"]])]).id
    client = app.test_client()
    client.post("/login", data={"email": "editor@example.com", "password": PASSWORD})
    # Another page's details save stores the tag "Harvest" just before this one does.
    stored_elsewhere = insert(Tag).values(name="Harvest", slug="harvest")

    def storing_its_tags(sql: str) -> bool:
        return sql.startswith("INSERT INTO tags")

    with committed_meanwhile(app, storing_its_tags, stored_elsewhere) as committed:
        response = client.post(
            f"/builder/pages/{page_id}/details",
            data={"title": "Hello", "slug": "hello", "summary": "", "tags": "Harvest"},
            headers={"HX-Request": "true"},
        )
    assert response.status_code == 200, response.text[:2000]
    if database_url.startswith("postgresql"):  # SQLite's write lock already kept it out
        assert committed == [True], "the other page's tag never met this save"
    with app.app_context():
        assert [tag.name for tag in db.session.get(Page, page_id).tags] == ["Harvest"]
        assert db.session.scalar(select(func.count()).select_from(Tag)) == 1


def test_a_new_page_whose_slug_another_request_just_took_gets_a_fresh_one(make_app):
    app = make_app(WTF_CSRF_ENABLED=False, PROPAGATE_EXCEPTIONS=False)
    editor = add_editor(app, "editor@example.com")
    client = app.test_client()
    client.post("/login", data={"email": "editor@example.com", "password": PASSWORD})
    # Another editor's New page stores "untitled-page" just before this one does.
    made_elsewhere = insert(Page).values(
        title="Untitled page", slug="untitled-page", author_id=editor, summary="",
        status="draft", created_at=utcnow(), updated_at=utcnow(), comments_html="",
    )  # fmt: skip

    def storing_the_page(sql: str) -> bool:
        return sql.startswith("INSERT INTO pages")

    with committed_meanwhile(app, storing_the_page, made_elsewhere) as committed:
        response = client.post("/builder/pages")
    assert committed == [True], "the other New page never met this one"
    assert response.status_code == 303
    with app.app_context():
        slugs = db.session.scalars(select(Page.slug).order_by(Page.id)).all()
    assert slugs == ["untitled-page", "untitled-page-2"]
