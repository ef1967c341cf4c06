"""Admin area: people, comment moderation and the site settings."""

from flask import Flask


def init_app(app: Flask) -> None:
    from blog.admin import comment_views, settings_views  # noqa: F401  (attach routes to bp)
    from blog.admin.user_views import bp

    app.register_blueprint(bp)
