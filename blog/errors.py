"""Error pages that say what went wrong in plain words."""

from flask import Flask, render_template
from werkzeug.exceptions import HTTPException

from blog.extensions import db


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return render_template("error.html", error=error), error.code

    @app.errorhandler(500)
    def server_error(error):
        # A 500 is a bug: never leave a half-done transaction behind it.
        db.session.rollback()
        app.logger.exception(
            "Unhandled error", exc_info=getattr(error, "original_exception", error)
        )
        return render_template("error.html", error=None), 500
