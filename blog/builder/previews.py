"""Block previews on the canvas, stored with the block.

A preview is the block as readers see it plus its Edit link and its "+" (templates/builder/
_block_preview.html). Rendering a thousand of them is most of the cost of opening a long
page, so each block keeps its preview in its row (Block.preview_html), rendered before the
transaction that wrote its data commits, whichever code wrote it: a save, Undo and Redo, a
duplicate, an import, a restore (blog/builder/preview_writes.py).

Beside it the block keeps a key (Block.preview_key) naming what the preview was made from:
the renderer (the preview and block templates, the code and libraries that render blocks),
the editor's and the blocks' addresses, and the version of the data (every write of a
block's data bumps it). The canvas shows the stored preview only when its key is the one it
would make now; otherwise it renders the block again and, on a plain reading of the editor,
stores it (a new deploy with changed templates refreshes each block once, not once per
worker).
"""

import hashlib
import logging
from collections.abc import Iterable
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple

from flask import after_this_request, current_app, g, has_request_context, request, url_for
from markupsafe import Markup
from sqlalchemy import bindparam, update
from sqlalchemy.exc import SQLAlchemyError

from blog.extensions import db
from blog.models import Block

log = logging.getLogger(__name__)

PREVIEW_TEMPLATE = "builder/_block_preview.html"
# What renders a block besides the templates: a change to any of them changes every key.
RENDERING_CODE = ("content/blocks/*.py", "content/rendering.py", "media_names.py")
RENDERING_LIBRARIES = ("markdown-it-py", "nh3", "pygments", "jinja2", "markupsafe")
# Bump when previews change in a way none of the files above shows.
PREVIEW_FORMAT = "1"


class PreviewedBlock(NamedTuple):
    """What a preview shows of a block: its id, type and data."""

    id: int
    type: str
    data: dict[str, Any]


def block_preview(block: Block, editor_address: str, blocks_address: str) -> Markup:
    """The block's preview on the canvas (without autofocus): the stored one when it was made
    from this data with today's templates and these addresses, else rendered now."""
    key = preview_key(block.version, editor_address, blocks_address)
    if block.preview_key == key and block.preview_html is not None:
        return Markup(block.preview_html)
    preview = rendered_preview(block, editor_address, blocks_address)
    if has_request_context() and request.method in ("GET", "HEAD"):
        _store_after_this_request(block.id, block.version, preview, key)
    return preview


def rendered_preview(
    block: Block | PreviewedBlock, editor_address: str, blocks_address: str
) -> Markup:
    """The block's preview rendered now, through the canvas's own macro."""
    template = current_app.jinja_env.get_template(PREVIEW_TEMPLATE)
    return template.module.block_preview(block, editor_address, blocks_address)


def canvas_addresses(page_id: int) -> tuple[str, str]:
    """The editor's address and the blocks' common address ("/builder/blocks/"), as the
    canvas links them; outside a request (an import on the command line), as a request to
    the application's root would."""
    if has_request_context():
        return (
            url_for("builder.editor", page_id=page_id),
            url_for("builder.show_block", block_id=0)[:-1],
        )
    addresses = current_app.url_map.bind("localhost", current_app.config["APPLICATION_ROOT"])
    return (
        addresses.build("builder.editor", {"page_id": page_id}),
        addresses.build("builder.show_block", {"block_id": 0})[:-1],
    )


def preview_key(data_version: int, editor_address: str, blocks_address: str) -> str:
    """The key of a preview made now, for this version of a block's data."""
    return _key(_renderer(), data_version, editor_address, blocks_address)


def _key(renderer: str, data_version: int, editor_address: str, blocks_address: str) -> str:
    return f"{_made_with(renderer, editor_address, blocks_address)}-{data_version}"


@lru_cache(maxsize=1024)
def _made_with(renderer: str, editor_address: str, blocks_address: str) -> str:
    made_with = "\0".join((renderer, editor_address, blocks_address)).encode()
    return hashlib.blake2b(made_with, digest_size=12).hexdigest()


def _renderer() -> str:
    """A digest of what renders previews, worked out once per app; where templates reload
    as they are edited (in development), once per request."""
    # The app once: each look through the current_app proxy costs about a microsecond, and
    # a long page asks for a thousand keys.
    app = current_app._get_current_object()
    if not app.jinja_env.auto_reload:
        remembered = app.extensions.get("preview_renderer")
        if remembered is None:
            remembered = app.extensions["preview_renderer"] = _renderer_digest()
        return remembered
    if not has_request_context():
        return _renderer_digest()
    if "preview_renderer" not in g:
        g.preview_renderer = _renderer_digest()
    return g.preview_renderer


def _renderer_digest() -> str:
    digest = hashlib.blake2b(PREVIEW_FORMAT.encode(), digest_size=12)
    environment = current_app.jinja_env
    names = [PREVIEW_TEMPLATE]
    names += sorted(name for name in environment.list_templates() if name.startswith("blocks/"))
    for name in names:
        source, _, _ = environment.loader.get_source(environment, name)
        digest.update(f"\0{name}\0{source}".encode())
    package = Path(current_app.root_path)
    for path in sorted(chain.from_iterable(package.glob(files) for files in RENDERING_CODE)):
        digest.update(b"\0" + path.read_bytes())
    for library in RENDERING_LIBRARIES:
        try:
            digest.update(f"\0{library} {version(library)}".encode())
        except PackageNotFoundError:
            digest.update(f"\0{library} absent".encode())
    return digest.hexdigest()


# Storing previews: the ones rendered for a plain reading of the editor, after it


def fresh_previews(blocks: Iterable[tuple[PreviewedBlock, int, int]]) -> list[dict[str, Any]]:
    """The previews of these blocks, each given with its data's version and its page's id,
    rendered now, with their keys: what store() takes."""
    previews, renderer = [], _renderer()
    for block, data_version, page_id in blocks:
        addresses = canvas_addresses(page_id)
        html = str(rendered_preview(block, *addresses))
        key = _key(renderer, data_version, *addresses)
        previews.append({"block_id": block.id, "html": html, "key": key})
    return previews


def _store_after_this_request(block_id: int, data_version: int, preview: str, key: str) -> None:
    if "previews_to_store" not in g:
        g.previews_to_store = []
        after_this_request(_store_rendered)
    g.previews_to_store.append(
        {"block_id": block_id, "data_version": data_version, "html": preview, "key": key}
    )


def _store_rendered(response):
    """Keep what this reading rendered, for blocks nobody changed meanwhile. A preview not
    stored (the database busy) is rendered again next time: the answer is never refused."""
    try:
        store(g.pop("previews_to_store"), guarded=True)
        db.session.commit()
    except SQLAlchemyError:
        db.session.rollback()
        log.warning("Block previews not stored this time", exc_info=True)
    return response


def store(previews: list[dict[str, Any]], guarded: bool = False) -> None:
    """Store previews (as fresh_previews gives them) in one statement. `guarded`: only where
    the data's version is still the one rendered (each preview then names it). The block's
    last change stays: a preview is no change of its data."""
    where = [Block.id == bindparam("block_id")]
    if guarded:
        where.append(Block.version == bindparam("data_version"))
    statement = (
        update(Block)
        .where(*where)
        .values(
            preview_html=bindparam("html"),
            preview_key=bindparam("key"),
            updated_at=Block.updated_at,
        )
    )
    # On the connection: an ORM-enabled UPDATE would be noted as a write of blocks' data
    # (blog/builder/preview_writes.py).
    db.session.connection().execute(statement, previews)
