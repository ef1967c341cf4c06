"""One URL, two shapes: htmx requests get the fragment, everything else the full page."""

from flask import Flask, Response, make_response, render_template, request


def is_htmx() -> bool:
    """True when htmx sent this request (and wants a fragment back)."""
    return request.headers.get("HX-Request") == "true"


def render(full_template: str, fragment_template: str, status: int = 200, **context) -> Response:
    """Render the fragment for htmx, the full page otherwise; the full page includes the
    same fragment template, so the two never disagree."""
    template = fragment_template if is_htmx() else full_template
    response = make_response(render_template(template, **context), status)
    return response


def init_app(app: Flask) -> None:
    @app.after_request
    def vary_on_htmx(response: Response) -> Response:
        # Caches must keep the two shapes apart.
        response.vary.add("HX-Request")
        return response
