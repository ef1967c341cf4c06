"""Undo meets other editors: an undo that someone else's later change made stale is refused
with words and changes nothing; each person undoes only their own changes, only on pages
they may edit; and an operation named by a form must be the person's latest."""

from sqlalchemy import func, select

from blog.extensions import db
from blog.models import Operation

from helpers.builder_pages import build_page, outline, stored_state
from helpers.request_races import second_meets_first
from helpers.support import PASSWORD

CHANGED_SINCE = "Someone else changed this since; nothing was undone."


def _second_editor(app, make_user):
    """Another person, an editor, logged in on a client of their own."""
    make_user("editor", "second@example.com")
    other = app.test_client()
    assert other.post("/login", data={"email": "second@example.com", "password": PASSWORD})
    return other


def _edit(client, block_id, text, version):
    data = {"text": text, "level": "2", "version": str(version)}
    assert client.post(f"/builder/blocks/{block_id}", data=data).status_code == 303


def test_undo_after_another_editor_changed_the_block_is_refused_and_changes_nothing(
    app, auth, client, make_user
):
    page = build_page(app, auth.login_as("author"))
    other = _second_editor(app, make_user)
    block = page.blocks[0][0][0]
    _edit(client, block, "Mine", 1)
    _edit(other, block, "Theirs", 2)
    stored = stored_state(app)
    response = client.post(f"/builder/pages/{page.id}/undo", headers={"HX-Request": "true"})
    assert response.status_code == 409
    assert response.get_data(as_text=True) == CHANGED_SINCE
    assert stored_state(app) == stored
    assert outline(app, page.id)[0][1][0][0] == "Theirs"


def test_undo_of_a_row_someone_else_added_blocks_to_is_refused(app, auth, client, make_user):
    page = build_page(app, auth.login_as("author"))
    other = _second_editor(app, make_user)
    client.post(f"/builder/pages/{page.id}/rows", data={"layout": "1"})
    with app.app_context():
        changes = db.session.scalar(select(Operation.changes))
    row_id = changes[0]["id"]
    other.post(f"/builder/rows/{row_id}/columns/0/blocks", data={"type": "text"})
    stored = stored_state(app)
    assert client.post(f"/builder/pages/{page.id}/undo").status_code == 409
    assert stored_state(app) == stored
    assert len(outline(app, page.id)) == 2


def test_each_person_undoes_only_their_own_changes(app, auth, client, make_user):
    page = build_page(app, auth.login_as("author"))
    other = _second_editor(app, make_user)
    other.post(f"/builder/blocks/{page.blocks[0][0][0]}/delete")
    stored = stored_state(app)
    response = client.post(f"/builder/pages/{page.id}/undo")
    assert response.status_code == 409
    assert stored_state(app) == stored


def test_an_author_cannot_undo_on_someone_elses_page(app, auth, client, make_user):
    owner = make_user("author", "owner@example.com")
    page = build_page(app, owner)
    auth.login_as("author")
    assert client.post(f"/builder/pages/{page.id}/undo").status_code == 403
    assert client.post(f"/builder/pages/{page.id}/redo").status_code == 403


def test_an_operation_id_that_is_not_the_persons_latest_is_refused(app, auth, client, make_user):
    page = build_page(app, auth.login_as("author"))
    other = _second_editor(app, make_user)
    client.post(f"/builder/blocks/{page.blocks[0][0][0]}/delete")
    other.post(f"/builder/blocks/{page.blocks[0][0][1]}/delete")
    with app.app_context():
        theirs = db.session.scalar(select(func.max(Operation.id)))
    stored = stored_state(app)
    forged = client.post(f"/builder/pages/{page.id}/undo", data={"operation": str(theirs)})
    assert forged.status_code == 409
    garbage = client.post(f"/builder/pages/{page.id}/undo", data={"operation": "x1"})
    assert garbage.status_code == 404
    assert stored_state(app) == stored


def test_two_presses_of_undo_at_once_undo_the_change_once(app, make_user):
    """The same person's two tabs press Undo together: one undoes, the other is told."""
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a 500 is answered, as under gunicorn
    writer = make_user("author", "writer@example.com")
    tabs = [app.test_client(), app.test_client()]
    for tab in tabs:
        tab.post("/login", data={"email": "writer@example.com", "password": PASSWORD})
    page = build_page(app, writer)
    tabs[0].post(f"/builder/rows/{page.rows[0]}/delete")
    with app.app_context():
        postgresql = db.engine.dialect.name == "postgresql"
    # PostgreSQL: the first holds its claim on the operation while the second tries; SQLite's
    # writers wait where nothing can see them, so the first is held before writing anything.
    held_before = "INSERT INTO rows" if postgresql else "UPDATE operations"
    answers = second_meets_first(
        app,
        lambda sql: sql.startswith(held_before),
        lambda: tabs[0].post(f"/builder/pages/{page.id}/undo"),
        lambda: tabs[1].post(f"/builder/pages/{page.id}/undo"),
    )
    assert sorted(answer.status_code for answer in answers) == [303, 409]
    assert outline(app, page.id) == [("1", [["First", "Second", "Third"]])]


def test_undo_of_a_move_out_of_a_row_someone_deleted_since_is_refused(app, auth, client, make_user):
    page = build_page(app, auth.login_as("author"), ("1", [["A"]]), ("1", [["B"]]))
    other = _second_editor(app, make_user)
    moved = {"block": [page.blocks[0][0][0], page.blocks[1][0][0]]}
    client.post(f"/builder/rows/{page.rows[1]}/columns/0/order", data=moved)
    other.post(f"/builder/rows/{page.rows[0]}/delete")
    stored = stored_state(app)
    response = client.post(f"/builder/pages/{page.id}/undo", headers={"HX-Request": "true"})
    assert response.status_code == 409
    assert response.get_data(as_text=True) == CHANGED_SINCE
    assert stored_state(app) == stored
