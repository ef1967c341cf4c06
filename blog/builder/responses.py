"""How builder actions answer: htmx gets the changed fragment and an announcement for
screen readers; a plain form post gets a 303 back to the editor with the same words."""

import json

from flask import Response, flash, make_response, redirect, render_template, url_for

from blog.builder.loading import editable_page, touch
from blog.extensions import db
from blog.htmx import is_htmx
from blog.models import Page

# What a refused reorder or move says: the fresh container comes with it.
CHANGED_MEANWHILE = "The page changed meanwhile; this is how it is now."


def editor_url(page_id: int, anchor: str | None = None, **params) -> str:
    """The editor of a page, optionally scrolled to an element (`row-3`, `block-12`)."""
    url = url_for("builder.editor", page_id=page_id, **params)
    return f"{url}#{anchor}" if anchor else url


def announced(response: Response, message: str) -> Response:
    """Ask builder.js to read `message` out through the page's aria-live region."""
    response.headers["HX-Trigger"] = json.dumps({"announce": message})
    return response


def changed(
    fragment: str | None, message: str, back_to: str, status: int = 200, **context
) -> Response:
    """Answer a successful change: the fragment (or nothing) for htmx, else a 303 to
    `back_to` with `message` flashed."""
    if not is_htmx():
        flash(message, "info")
        return redirect(back_to, 303)
    body = render_template(fragment, **context) if fragment else ""
    return announced(make_response(body, status), message)


def committed(
    page: Page,
    fragment: str | None,
    message: str,
    anchor: str | None = None,
    status: int = 200,
    /,
    **context,
) -> Response:
    """Commit a change to the page's draft, noting when it changed, and answer it: the
    fragment (or nothing) for htmx, else a 303 back to the editor at `anchor`. A context
    value may be a function, called after the commit: for what must be read afresh."""
    back = editor_url(page.id, anchor)
    touch(page)
    db.session.commit()
    if fragment and is_htmx():
        context = {name: value() if callable(value) else value for name, value in context.items()}
    return changed(fragment, message, back, status, **context)


def refused(template: str, status: int, message: str, **context) -> Response:
    """Answer a refused change (409, 422, ...) with `template`, which shows it in the place
    the person was working, and announce why."""
    return announced(make_response(render_template(template, **context), status), message)


def refused_in_editor(
    page_id: int, fragment: str | None, status: int, message: str, **context
) -> Response:
    """Answer a refused change to a page: `fragment` (or nothing) for htmx, else the whole
    editor, the page as it is now, with `message` at the top and the same status."""
    if is_htmx():
        body = render_template(fragment, **context) if fragment else ""
        return announced(make_response(body, status), message)
    flash(message, "error")
    page = editable_page(page_id, with_content=True)
    return refused("builder/editor.html", status, message, page=page)
