"""Admin area: people and comment moderation."""

from flask import Flask


def init_app(app: Flask) -> None:
    from blog.admin import comment_views  # noqa: F401  (attaches its routes to bp)
    from blog.admin.user_views import bp

    app.register_blueprint(bp)
