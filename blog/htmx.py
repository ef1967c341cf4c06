"""One URL, two shapes: htmx requests get the fragment, everything else the full page
(see blog/builder/responses.py); caches are told the two differ."""

from flask import Flask, Response, request


def is_htmx() -> bool:
    """True when htmx sent this request (and wants a fragment back)."""
    return request.headers.get("HX-Request") == "true"


def init_app(app: Flask) -> None:
    @app.after_request
    def vary_on_htmx(response: Response) -> Response:
        # Caches must keep the two shapes apart.
        response.vary.add("HX-Request")
        return response
