"""The builder's download of a page as a JSON document in the export format."""

import json

from flask import Response

from blog.auth.roles import any_role, require
from blog.builder import bp
from blog.builder.loading import editable_page
from blog.content.document_export import export_page


@bp.get("/pages/<int:page_id>/export.json")
@require(any_role)
def export_json(page_id: int) -> Response:
    """The page's draft and pictures as a JSON file named after its slug, for whoever may
    edit the page."""
    page = editable_page(page_id, with_content=True)
    # json.dumps, not jsonify: the app's JSON provider sorts keys, the format has an order.
    body = json.dumps(export_page(page), indent=2, ensure_ascii=False)
    response = Response(body, mimetype="application/json")
    response.headers.set("Content-Disposition", "attachment", filename=f"{page.slug}.json")
    # A draft may hold what its author has not shown anyone yet.
    response.headers["Cache-Control"] = "private, no-store"
    return response
