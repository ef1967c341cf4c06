"""One URL, two shapes: htmx requests get a fragment, everything else the full page or a
redirect. `respond` is the one place that decides; caches are told the two shapes differ."""

import json
from typing import Any

from flask import Flask, Response, flash, make_response, redirect, render_template, request


def is_htmx() -> bool:
    """True when htmx sent this request (and wants a fragment back)."""
    return request.headers.get("HX-Request") == "true"


def respond(
    *,
    fragment: str | None = None,
    full_page: str | None = None,
    redirect_to: str | None = None,
    navigate_to: str | None = None,
    status: int = 200,
    message: str = "",
    **context: Any,
) -> Response:
    """Answer in the shape the request asked for.

    - `navigate_to`: both shapes leave for that address (htmx by HX-Redirect, else a 303),
      with `message` flashed for the page they arrive at.
    - An htmx request gets `fragment` rendered with `context` (an empty body when None), with
      `status`, and `message` read out by the editor's live region (HX-Trigger "announce").
    - Any other request gets `full_page` rendered with `context` and `status`, or else a 303
      to `redirect_to`; `message` is flashed, as an error when `status` is 400 or more.

    A context value that is a function is called only when a template is rendered: for what
    must be read after a commit, or is needed by one shape only.
    """
    category = "error" if status >= 400 else "info"
    if navigate_to is not None:
        _flash(message, category)
        if is_htmx():
            response = make_response("", 200)
            response.headers["HX-Redirect"] = navigate_to
            return response
        return redirect(navigate_to, 303)
    if is_htmx():
        body = render_template(fragment, **_evaluated(context)) if fragment else ""
        return announced(make_response(body, status), message)
    _flash(message, category)
    if full_page is not None:
        return make_response(render_template(full_page, **_evaluated(context)), status)
    if redirect_to is None:
        raise ValueError("respond() needs full_page or redirect_to for a request without htmx")
    return redirect(redirect_to, 303)


def announced(response: Response, message: str) -> Response:
    """Ask the editor's script to read `message` out through its aria-live region."""
    if message:
        response.headers["HX-Trigger"] = json.dumps({"announce": message})
    return response


def triggered(response: Response, event: str, detail: dict[str, Any]) -> Response:
    """Ask the page's script to handle `event`, with `detail`, on the element that sent the
    request (HX-Trigger; htmx passes the detail's keys on the event)."""
    response.headers["HX-Trigger"] = json.dumps({event: detail})
    return response


def refused_in_place(message: str, status: int) -> Response:
    """A refusal of an in-place request that has no view of its own to show: the message as
    plain text, read out, for the editor's script to show beside what the person was doing
    (htmx does not swap it, so nothing they typed is replaced)."""
    response = make_response(message, status)
    response.mimetype = "text/plain"
    return announced(response, message)


def _flash(message: str, category: str) -> None:
    if message:
        flash(message, category)


def _evaluated(context: dict[str, Any]) -> dict[str, Any]:
    return {name: value() if callable(value) else value for name, value in context.items()}


def init_app(app: Flask) -> None:
    @app.after_request
    def vary_on_htmx(response: Response) -> Response:
        # Caches must keep the two shapes apart.
        response.vary.add("HX-Request")
        return response
