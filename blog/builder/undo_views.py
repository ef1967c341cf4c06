"""The editor's "Undo" and "Redo": plain forms answered by a 303 back to the editor; htmx gets
only the parts of the page that changed when that is one row or the details, else the rows."""

from flask import Response, request
from sqlalchemy.exc import IntegrityError

from blog.auth.roles import any_role, require
from blog.builder import bp
from blog.builder.loading import editable_page, rows_with_blocks
from blog.builder.page_details import PageDetails
from blog.builder.responses import answer_goes, committed, editor_url, refused
from blog.builder.undo import CHANGED_SINCE, CHANGED_SINCE_REDO, Reversal, UndoRefused, redo, undo
from blog.extensions import db
from blog.htmx import is_htmx, refused_in_place
from blog.numbers import whole_number


@bp.post("/pages/<int:page_id>/undo")
@require(any_role)
def undo_change(page_id: int):
    """Undo the person's latest change to the page. A form may name the operation it offers
    to undo ("Row deleted. Undo"): then it must still be their latest one."""
    page = editable_page(page_id)
    named = request.form.get("operation")
    operation_id = whole_number(named) if named is not None else None
    if named is not None and operation_id is None:
        return _refuse(page.id, "That change cannot be undone here.", status=404)
    try:
        reversal = undo(page.id, operation_id)
    except UndoRefused as refusal:
        return _refuse(page.id, str(refusal))
    except IntegrityError:  # e.g. the row a block goes back to was deleted since
        return _refuse(page.id, CHANGED_SINCE)
    return _answer(page, reversal, f"Undone: {reversal.operation.label}.")


@bp.post("/pages/<int:page_id>/redo")
@require(any_role)
def redo_change(page_id: int):
    """Make again the change the person undid last on the page."""
    page = editable_page(page_id)
    try:
        reversal = redo(page.id)
    except UndoRefused as refusal:
        return _refuse(page.id, str(refusal))
    except IntegrityError:
        return _refuse(page.id, CHANGED_SINCE_REDO)
    return _answer(page, reversal, f"Redone: {reversal.operation.label}.")


def _refuse(page_id: int, message: str, status: int = 409) -> Response:
    """Nothing changed: htmx gets the words alone, to show beside the buttons; a plain form
    the editor as it is, with the words at the top."""
    db.session.rollback()
    if is_htmx():
        return refused_in_place(message, status)
    return refused(page_id, message, status=status)


def _answer(page, reversal: Reversal, message: str) -> Response:
    """Commit, then answer with what changed: one row, or the details, in place; the whole
    row list when rows came, went or changed places; a reload when both rows and the
    details changed (a restored revision)."""
    shown_rows = _rows_shown(reversal)
    details = ("details", page.id) in reversal.written
    answer = committed(
        page,
        redirect_to=editor_url(page.id),
        message=message,
        fragment=_fragment(shown_rows, details),
        page=lambda: editable_page(page.id, with_content=shown_rows is None),
        details=lambda: PageDetails.of(editable_page(page.id)),
        rows=lambda: rows_with_blocks(shown_rows or []),
    )
    if not is_htmx():
        return answer
    if details and shown_rows != []:
        answer.set_data("")
        answer.headers["HX-Refresh"] = "true"
    elif details:
        answer_goes(answer, "#page-details")
    elif shown_rows is None or len(shown_rows) != 1:
        answer_goes(answer, "#rows")
    else:
        answer_goes(answer, f"#row-{shown_rows[0]}")
    return answer


def _fragment(shown_rows: list[int] | None, details: bool) -> str:
    if details and not shown_rows:
        return "builder/_page_details.html"
    if shown_rows is not None and len(shown_rows) == 1:
        return "builder/_rows_swapped.html"  # the one row, in place
    return "builder/_rows.html"


def _rows_shown(reversal: Reversal) -> list[int] | None:
    """The rows whose insides changed, when no row came, went or moved; None otherwise."""
    rows: set[int] = set()
    for (kind, item), state in reversal.written.items():
        was = reversal.replaced[kind, item]
        if kind == "row":
            if state is None or was is None or state["position"] != was["position"]:
                return None
            rows.add(item)
        elif kind == "block":
            rows |= {s["row"] for s in (state, was) if s is not None}
    return sorted(rows)
