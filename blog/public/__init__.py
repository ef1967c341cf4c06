"""The public site readers see."""

from flask import Flask


def init_app(app: Flask) -> None:
    from blog.public.views import bp

    app.register_blueprint(bp)
