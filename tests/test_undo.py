"""Undo and Redo in the editor: every kind of change is taken back exactly and made again,
as plain forms and in place, after a reload (the log is in the database), one person's own
changes only, and within the log's bound."""

import pytest
from sqlalchemy import func, select

from blog.extensions import db
from blog.models import OPERATIONS_KEPT_PER_PAGE, Operation, utcnow

from helpers.builder_pages import (
    announcement,
    back_to_editor,
    build_page,
    editor_page,
    flash_after,
    fragment,
    outline,
)
from helpers.stored_documents import exported
from helpers.undo_changes import CHANGES, undo_page


def _undo(client, page_id, **form):
    return client.post(f"/builder/pages/{page_id}/undo", data=form)


def _redo(client, page_id):
    return client.post(f"/builder/pages/{page_id}/redo")


def _operations(app, page_id) -> list[tuple[str, bool]]:
    with app.app_context():
        found = db.session.execute(
            select(Operation.label, Operation.undone)
            .where(Operation.page_id == page_id)
            .order_by(Operation.id)
        )
        return [tuple(operation) for operation in found]


@pytest.mark.parametrize("change", CHANGES, ids=[change.name for change in CHANGES])
def test_undo_gives_the_page_back_exactly_and_redo_makes_the_change_again(
    app, auth, client, change
):
    page = undo_page(app, auth.login_as("author"))
    if change.prepare:
        assert change.prepare(client, page).status_code == 303
    before = exported(app, page.id)
    assert change.post(client, page).status_code in (303, 204)
    after = exported(app, page.id)
    assert after != before
    back_to_editor(_undo(client, page.id), page.id)
    assert exported(app, page.id) == before
    back_to_editor(_redo(client, page.id), page.id)
    assert exported(app, page.id) == after


def test_undo_without_javascript_says_what_it_undid(app, auth, client):
    page = build_page(app, auth.login_as("author"))
    client.post(f"/builder/rows/{page.rows[0]}/delete")
    response = _undo(client, page.id)
    assert "Undone: Row deleted." in flash_after(client, response)
    assert outline(app, page.id) == [("1", [["First", "Second", "Third"]])]


def test_undoing_a_block_edit_in_place_answers_with_its_row_only(app, auth, htmx):
    page = build_page(app, auth.login_as("author"), ("1", [["A"]]), ("1", [["B"]]))
    block = page.blocks[1][0][0]
    htmx.post(f"/builder/blocks/{block}", data={"text": "B2", "level": "2", "version": "1"})
    response = htmx.post(f"/builder/pages/{page.id}/undo")
    row = fragment(response)
    assert row.id == f"row-{page.rows[1]}"
    assert response.headers["HX-Retarget"] == f"#row-{page.rows[1]}"
    assert "B" in row.find(f"block-{block}").text and "B2" not in row.text
    assert announcement(response) == "Undone: Heading block edited."


def test_undoing_a_row_deletion_in_place_answers_with_the_rows(app, auth, htmx):
    page = build_page(app, auth.login_as("author"))
    htmx.post(f"/builder/rows/{page.rows[0]}/delete")
    response = htmx.post(f"/builder/pages/{page.id}/undo")
    assert fragment(response).id == "rows"
    assert response.headers["HX-Retarget"] == "#rows"
    assert fragment(response).find(f"row-{page.rows[0]}") is not None


def test_undo_and_redo_step_through_the_changes_newest_first(app, auth, client):
    page = build_page(app, auth.login_as("author"))
    first, second, third = page.blocks[0][0]
    client.post(f"/builder/blocks/{first}/delete")
    client.post(f"/builder/blocks/{second}/delete")
    _undo(client, page.id)
    assert outline(app, page.id) == [("1", [["Second", "Third"]])]
    _undo(client, page.id)
    assert outline(app, page.id) == [("1", [["First", "Second", "Third"]])]
    _redo(client, page.id)
    assert outline(app, page.id) == [("1", [["Second", "Third"]])]


def test_a_new_change_ends_what_redo_could_make_again(app, auth, client):
    page = build_page(app, auth.login_as("author"))
    first, second, _ = page.blocks[0][0]
    client.post(f"/builder/blocks/{first}/delete")
    _undo(client, page.id)
    client.post(f"/builder/blocks/{second}/delete")
    response = _redo(client, page.id)
    assert response.status_code == 409
    flashes = [flash.text for flash in editor_page(response, 409).find_all(class_="flash")]
    assert any(text.startswith("Nothing to redo") for text in flashes)
    assert outline(app, page.id) == [("1", [["First", "Third"]])]


def test_nothing_to_undo_is_said_in_words_in_place(app, auth, htmx):
    page = build_page(app, auth.login_as("author"))
    response = htmx.post(f"/builder/pages/{page.id}/undo")
    assert response.status_code == 409
    assert response.get_data(as_text=True).startswith("Nothing to undo")


def test_an_undone_block_edit_refuses_the_form_opened_before_it(app, auth, client):
    page = build_page(app, auth.login_as("author"))
    block = page.blocks[0][0][0]
    client.post(f"/builder/blocks/{block}", data={"text": "v2", "level": "2", "version": "1"})
    _undo(client, page.id)
    # A form opened after the edit names version 2: the undo made the block version 3.
    stale = client.post(
        f"/builder/blocks/{block}", data={"text": "v3", "level": "2", "version": "2"}
    )
    assert stale.status_code == 409
    assert outline(app, page.id)[0][1][0][0] == "First"


def test_the_log_keeps_the_newest_operations_of_a_page_only(app, auth, client):
    author = auth.login_as("author")
    page = build_page(app, author)
    with app.app_context():
        db.session.add_all(
            Operation(
                page_id=page.id, person_id=author, label=f"Old {n}", changes=[], created_at=utcnow()
            )
            for n in range(OPERATIONS_KEPT_PER_PAGE)
        )
        db.session.commit()
    client.post(f"/builder/blocks/{page.blocks[0][0][0]}/delete")
    labels = [label for label, _ in _operations(app, page.id)]
    assert len(labels) == OPERATIONS_KEPT_PER_PAGE
    assert labels[0] == "Old 1" and labels[-1] == "Block deleted"


def test_a_change_that_changes_nothing_records_nothing(app, auth, client):
    page = build_page(app, auth.login_as("author"))
    last = page.blocks[0][0][-1]
    client.post(f"/builder/blocks/{last}/move", data={"direction": "down"})
    with app.app_context():
        assert db.session.scalar(select(func.count(Operation.id))) == 0


def test_a_deleted_row_leaves_a_note_whose_undo_brings_it_back(app, auth, htmx):
    page = build_page(app, auth.login_as("author"))
    note = fragment(htmx.post(f"/builder/rows/{page.rows[0]}/delete"))
    assert note.id == f"row-{page.rows[0]}"
    assert note.text.startswith("Row deleted.")
    [form] = note.find_all("form")
    [operation] = form.find_all("input", name="operation")
    response = htmx.post(form.attrs["action"], data={"operation": operation.attrs["value"]})
    assert response.status_code == 200
    assert outline(app, page.id) == [("1", [["First", "Second", "Third"]])]


def test_a_deleted_rows_undo_is_refused_once_its_person_changed_the_page_since(app, auth, htmx):
    page = build_page(app, auth.login_as("author"), ("1", [["A"]]), ("1", [["B"]]))
    note = fragment(htmx.post(f"/builder/rows/{page.rows[0]}/delete"))
    operation = note.find_all("input", name="operation")[0].attrs["value"]
    htmx.post(f"/builder/blocks/{page.blocks[1][0][0]}/delete")
    response = htmx.post(f"/builder/pages/{page.id}/undo", data={"operation": operation})
    assert response.status_code == 409
    assert outline(app, page.id) == [("1", [[]])]
