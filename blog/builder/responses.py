"""What builder views share when they answer: the editor's address, committing a change to
a draft, and the editor page loaded afresh (the full-page shape of a refusal). The choice
between fragment and full page is blog.htmx.respond's."""

from collections.abc import Callable
from typing import Any

from flask import Response, url_for

from blog.builder.draft import touch
from blog.builder.loading import editable_page
from blog.extensions import db
from blog.htmx import is_htmx, respond
from blog.models import Page

EDITOR = "builder/editor.html"
# What a refused reorder or move says: the fresh container comes with it.
CHANGED_MEANWHILE = "The page changed meanwhile; this is how it is now."


def editor_url(page_id: int, anchor: str | None = None, **params: Any) -> str:
    """The editor of a page, optionally scrolled to an element (`row-3`, `block-12`)."""
    url = url_for("builder.editor", page_id=page_id, **params)
    return f"{url}#{anchor}" if anchor else url


def fresh_editor(page_id: int) -> Callable[[], Page]:
    """The page with its rows and blocks, loaded when the editor page is rendered."""
    return lambda: editable_page(page_id, with_content=True)


def refused(page_id: int, message: str, /, *, status: int = 422, **answer: Any) -> Response:
    """Answer a refused change to a page with respond(): htmx gets `answer`'s fragment (or an
    empty body) and `message` announced; a plain form post gets the editor, the page as it is
    now, with `message` at the top. Nothing was changed."""
    return respond(
        full_page=EDITOR, status=status, message=message, page=fresh_editor(page_id), **answer
    )


def committed(page: Page, /, **answer: Any) -> Response:
    """Commit a change to the page's draft, noting when it changed, and answer it with
    respond(**answer). Compute addresses in the arguments: they are read before the commit,
    which expires what the session holds."""
    touch(page)
    db.session.commit()
    return respond(**answer)


def answer_goes(response: Response, target: str, swap: str = "outerHTML") -> Response:
    """Tell htmx where an answer goes when that is not the element that asked (a block's
    toolbar posts from the block; a move answers its whole column)."""
    if is_htmx():
        response.headers["HX-Retarget"] = target
        response.headers["HX-Reswap"] = swap
    return response


def already_at_the_end(
    page_id: int, thing: str, place: str, direction: str, /, **answer: Any
) -> Response:
    """Refuse to move a block or row past the end of its column or page, answering `answer`'s
    fragment as it is. Its button is disabled there: only a stale page or a plain form asks."""
    end = "first" if direction == "up" else "last"
    return refused(
        page_id,
        f"This {thing} is already {end} {place}; it cannot move {direction}.",
        at_top=direction == "up",
        at_bottom=direction == "down",
        **answer,
    )
