"""The public site readers see: front page, articles, tags, search, feed and sitemap."""

from flask import Blueprint, Flask

bp = Blueprint("public", __name__)


def init_app(app: Flask) -> None:
    # The view modules attach their routes to bp when imported.
    from blog.public import (  # noqa: F401
        article_views,
        comment_views,
        feed_views,
        list_changes,
        listing_views,
        sharing,
        stored_list_answers,
        stored_pages,
    )

    app.register_blueprint(bp)
    sharing.init_app(app)
    stored_pages.init_app(app)
    stored_list_answers.init_app(app)
    list_changes.init_app()
