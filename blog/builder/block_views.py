"""Builder views for one block: add, show, edit, save (with its optimistic lock, also while
typing) and leave (removing a block left empty)."""

from flask import Response, abort, current_app, request
from sqlalchemy import func, select
from werkzeug.exceptions import RequestEntityTooLarge

from blog.auth.roles import any_role, require
from blog.builder import block_label, bp
from blog.builder.block_forms import BlockForm, submitted_values
from blog.builder.draft import remove_unwritten_block, save_block_data
from blog.builder.loading import editable_block, editable_row, no_room
from blog.builder.operation_log import recording
from blog.builder.pictures import stored_upload, takes_pictures, with_usable_pictures
from blog.builder.responses import committed, editor_url, refused
from blog.content.blocks import REGISTRY, BlockInvalid, UnknownBlockType, block_type
from blog.extensions import db
from blog.htmx import is_htmx, respond, triggered
from blog.media import MediaRejected
from blog.models import Block
from blog.numbers import whole_number
from blog.upload_limit import TOO_MANY_UPLOADS, upload_limit


@bp.post("/rows/<int:row_id>/columns/<int:column>/blocks")
@require(any_role)
def add_block(row_id: int, column: int):
    """Add a block of the chosen type at the end of a column; it opens in edit mode."""
    row = editable_row(row_id)
    try:
        kind = block_type(request.form.get("type", ""))
    except UnknownBlockType:
        return refused(row.page_id, "Choose a block type from the list.")
    if not 0 <= column < row.column_count:
        return refused(row.page_id, "That column does not exist.")
    if full := no_room(row.page_id, blocks=1):
        return refused(row.page_id, full)
    last = db.session.scalar(
        select(func.max(Block.position)).where(Block.row_id == row.id, Block.column == column)
    )
    block = Block(
        row=row, column=column, position=(last or 0) + 1, type=kind.name, data=kind.defaults()
    )
    with recording(row.page, f"{kind.label} block added") as change:
        db.session.add(block)
        db.session.flush()
        change.creates("block", block.id)
    return committed(
        row.page,
        fragment="builder/_block_form.html",
        redirect_to=editor_url(row.page_id, f"block-{block.id}", edit=block.id),
        message=f"{kind.label} block added.",
        form=lambda: BlockForm.of(block),
        focus=True,
    )


@bp.get("/blocks/<int:block_id>")
@require(any_role)
def show_block(block_id: int):
    """The block as it is stored (what "Cancel" brings back)."""
    block = editable_block(block_id)
    return respond(
        fragment="builder/_block.html",
        redirect_to=editor_url(block.row.page_id, f"block-{block.id}"),
        block=block,
        focus=True,
    )


@bp.post("/blocks/<int:block_id>/leave")
@require(any_role)
def leave_block(block_id: int):
    """Stop editing a block ("Cancel", Esc, or focus leaving an empty one): what was not
    saved is dropped. A block nothing was ever written into is removed rather than left as
    an empty card; any other is shown as stored."""
    block = editable_block(block_id)
    page_id, kind = block.row.page_id, REGISTRY.get(block.type)
    if kind is not None and kind.is_empty(block.data) and remove_unwritten_block(block):
        return committed(
            block.row.page,
            redirect_to=editor_url(page_id, f"column-{block.row_id}-{block.column}"),
            message=f"{block_label(block.type)} block removed: it was empty.",
        )
    db.session.refresh(block)  # someone may have written into it meanwhile
    return respond(
        fragment="builder/_block.html",
        redirect_to=editor_url(page_id, f"block-{block.id}"),
        block=block,
        focus=True,
    )


@bp.get("/blocks/<int:block_id>/edit")
@require(any_role)
def edit_block(block_id: int):
    """The block's form in its place."""
    block = editable_block(block_id)
    return respond(
        fragment="builder/_block_form.html",
        redirect_to=editor_url(block.row.page_id, f"block-{block.id}", edit=block.id),
        form=BlockForm.of(block),
        focus=True,
    )


def _too_many_uploads(_limit) -> Response:
    """The block's form again, with what was typed, saying when uploading works again."""
    block = editable_block(request.view_args["block_id"])
    values = submitted_values(request.form)
    return _refuse(
        block,
        values,
        whole_number(request.form.get("version")),
        {"media": TOO_MANY_UPLOADS},
        status=429,
    )


@bp.post("/blocks/<int:block_id>")
@require(any_role)
@upload_limit("media_file", on_breach=_too_many_uploads)
def save_block(block_id: int):
    """Save the block's form if it is valid and nobody saved the block since it was opened.
    A form opened on another page never saves here (404), whatever block id it names."""
    block = editable_block(block_id)
    try:
        values = submitted_values(request.form)
        upload = request.files.get("media_file")
    except RequestEntityTooLarge:
        megabytes = current_app.config["MAX_UPLOAD_BYTES"] // (1024 * 1024)
        return _refuse(
            block, block.data, None, {"media": f"The image is larger than {megabytes} MB."}
        )
    opened_on = request.form.get("page")
    if opened_on is not None and whole_number(opened_on) != block.row.page_id:
        abort(404)
    edited_version = whole_number(request.form.get("version"))
    kind = BlockForm.of(block).kind
    if kind is None:
        return _refuse(
            block,
            values,
            edited_version,
            {"type": "This block's type is unknown; it cannot be edited."},
        )
    try:
        if upload and upload.filename and takes_pictures(kind):
            values = kind.with_upload(values, stored_upload(upload))
        data = with_usable_pictures(kind, block, kind.clean(values))
    except (MediaRejected, BlockInvalid) as refusal:
        db.session.rollback()
        errors = getattr(refusal, "errors", None) or {"media": str(refusal)}
        return _refuse(block, values, edited_version, errors)
    with recording(block.row.page, f"{kind.label} block edited", blocks=[block.id]):
        saved = save_block_data(block, edited_version, data)
    if not saved:
        db.session.rollback()
        return _refuse(block, values, edited_version, {}, status=409)
    if request.form.get("autosave") == "1" and is_htmx():
        # Saved while typing: nothing to swap, so the form stays open under the caret; the
        # script puts the new version into the form for its next save.
        saved = committed(block.row.page, status=204)
        return triggered(saved, "blockSaved", {"version": edited_version + 1})
    return committed(
        block.row.page,
        fragment="builder/_block.html",
        redirect_to=editor_url(block.row.page_id, f"block-{block.id}"),
        message=f"{kind.label} block saved.",
        block=block,
        focus=True,
    )


def _refuse(
    block: Block,
    values,
    edited_version: int | None,
    errors: dict[str, str],
    status: int = 422,
):
    """Show the form again with what the editor typed: field messages (422, or 429 for too
    many uploads) or, when someone else saved first, their version beside it (409). The
    stored block is untouched."""
    conflict = status == 409
    db.session.refresh(block)
    # After a conflict the form carries the current version, so saving again is a deliberate
    # choice to replace the other person's text; otherwise it keeps the one being edited.
    version = block.version if conflict or edited_version is None else edited_version
    form = BlockForm(block, values, errors, conflict, version)
    if conflict:
        message = "Someone else saved this block meanwhile; your text is kept in the form."
    else:
        message = "The block was not saved: " + " ".join(errors.values())
    return refused(
        block.row.page_id,
        message,
        status=status,
        fragment="builder/_block_form.html",
        form=form,
        focus=True,
        forms={block.id: form},
    )
