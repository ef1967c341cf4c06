"""The page builder: pages list, the editor, rows and blocks."""

from flask import Blueprint, Flask

bp = Blueprint("builder", __name__, url_prefix="/builder")


def init_app(app: Flask) -> None:
    # Importing the view modules attaches their routes to bp.
    from blog.builder import page_views  # noqa: F401

    app.register_blueprint(bp)
