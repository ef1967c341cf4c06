"""Rendering page content (the export format) to HTML, and to the words readers see.

Pure and deterministic. The editor's block previews and the published page both go through
render_block, so what editors see is what readers get. Needs an app context (for the
templates), never a request.
"""

from collections.abc import Mapping
from typing import Any

from flask import Flask, current_app, render_template
from markupsafe import Markup

from blog.content.blocks import REGISTRY, UnknownBlockType, block_type, code

WORDS_PER_MINUTE = 220


def render_block(type_name: str, data: Mapping[str, Any], block_id: int | None = None) -> Markup:
    """One block through its type's template; an unknown type renders a notice that says
    so (in the editor and on the page alike), and its data is kept untouched."""
    try:
        kind = block_type(type_name)
    except UnknownBlockType:
        return Markup(render_template("blocks/_unknown.html", type_name=type_name))
    context = kind.render_context(data)
    # Straight through Jinja: a block's template uses only what it is given, and an editor
    # of a thousand blocks would otherwise run every context processor a thousand times.
    template = current_app.jinja_env.get_template(kind.template)
    return Markup(template.render(data=data, block_id=block_id, **context))


def render_page(content: Mapping[str, Any]) -> Markup:
    """The body of a page: each row a section on a CSS grid, each block through its template.

    `content` is a page in the export format; a block may carry an "id", used for its anchor.
    """
    return Markup(render_template("public/_page_body.html", rows=content.get("rows", [])))


def plain_text(content: Mapping[str, Any]) -> str:
    """Every word readers see in the page's blocks, in order (for search and reading time)."""
    parts = []
    for row in content["rows"]:
        for column in row["columns"]:
            for block in column:
                kind = REGISTRY.get(block["type"])
                if kind is not None:
                    parts.append(kind.plain_text(block["data"]))
    return "\n".join(part for part in parts if part)


def reading_minutes(text: str) -> int:
    """How long reading this text takes, in whole minutes, at least one."""
    return max(1, round(len(text.split()) / WORDS_PER_MINUTE))


def init_app(app: Flask) -> None:
    """Make render_block available to every template (the page body and the editor), and
    compile the code lexers before the first request needs them."""
    app.jinja_env.globals["render_block"] = render_block
    code.prepare_lexers()
