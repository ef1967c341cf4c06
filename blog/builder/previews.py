"""Block previews on the canvas, remembered.

A preview is the block as readers see it plus its Edit link (templates/builder/
_block_preview.html). It depends only on the block's id, type and data and on the two
addresses it links to, so each worker keeps the most recent ones: opening the editor of a
long page again renders only the blocks that changed since.
"""

import json
import threading
from collections import OrderedDict

from flask import current_app
from markupsafe import Markup

from blog.models import Block

# Five pages of a thousand blocks, about 3 MB per worker.
PREVIEWS_KEPT = 5_000
# Workers may run threads (BLOG_THREADS): one of them at a time reorders the previews.
_reordering = threading.Lock()


def block_preview(block: Block, editor_address: str, blocks_address: str) -> Markup:
    """The block's preview on the canvas (without autofocus), rendered once per content."""
    remembered = current_app.extensions.setdefault("block_previews", OrderedDict())
    data = json.dumps(block.data, sort_keys=True, separators=(",", ":"))
    key = (block.id, block.type, data, editor_address, blocks_address)
    with _reordering:
        preview = remembered.get(key)
        if preview is not None and not current_app.jinja_env.auto_reload:
            remembered.move_to_end(key)
            return preview
    # Templates that reload (in development) are rendered afresh every time.
    template = current_app.jinja_env.get_template("builder/_block_preview.html")
    preview = template.module.block_preview(block, editor_address, blocks_address)
    with _reordering:
        remembered[key] = preview
        if len(remembered) > PREVIEWS_KEPT:
            remembered.popitem(last=False)
    return preview
