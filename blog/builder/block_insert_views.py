"""Adding a block right after another: the next block is one key away while writing ("/"
and Enter in the editor), and one form without JavaScript."""

from flask import request

from blog.auth.roles import any_role, require
from blog.builder import bp
from blog.builder.block_forms import BlockForm
from blog.builder.draft import block_after
from blog.builder.loading import column_blocks, editable_block, no_room
from blog.builder.operation_log import recording
from blog.builder.responses import committed, editor_url, refused
from blog.content.blocks import UnknownBlockType, block_type


@bp.post("/blocks/<int:block_id>/after")
@require(any_role)
def add_block_after(block_id: int):
    """Add a block of the chosen type just below this one; it opens in edit mode, and htmx
    puts it right after the block it was asked from."""
    block = editable_block(block_id)
    page_id = block.row.page_id
    try:
        kind = block_type(request.form.get("type", ""))
    except UnknownBlockType:
        return refused(page_id, "Choose a block type from the list.")
    if full := no_room(page_id, blocks=1):
        return refused(page_id, full)
    later = [b.id for b in column_blocks(block.row_id, block.column) if b.position > block.position]
    with recording(block.row.page, f"{kind.label} block added", blocks=later) as change:
        new = block_after(block, kind.name, kind.defaults())
        change.creates("block", new.id)
    return committed(
        block.row.page,
        fragment="builder/_block_form.html",
        redirect_to=editor_url(page_id, f"block-{new.id}", edit=new.id),
        message=f"{kind.label} block added.",
        form=lambda: BlockForm.of(new),
        focus=True,
    )
