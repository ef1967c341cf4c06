"""Error pages that say what went wrong in plain words."""

import time

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import Conflict, HTTPException, ServiceUnavailable

from blog.extensions import db, limiter
from blog.htmx import is_htmx, refused_in_place
from blog.media_storage import StorageUnavailable

# What the editor shows in place of a refused in-place change (see static/js/builder.js);
# the full error page would be swapped over what the person was typing.
EXPIRED_FORM = "The form had expired: reload the page, then try again."
IN_PLACE_REFUSALS = {
    403: "Your account may not do this. Ask an editor or an admin if you think it should.",
    404: (
        "That part of the page no longer exists: someone else may have deleted it."
        " Reload the page to see it as it is now."
    ),
}


# PostgreSQL gives up one of two transactions that wait for each other (a deadlock) or that
# cannot both be true (a serialization failure): the change lost to another one at that moment.
LOST_TO_ANOTHER_CHANGE = {"40P01", "40001"}
CHANGED_AT_THE_SAME_MOMENT = (
    "Someone else changed this page at the same moment, so nothing was changed. "
    "Reload the page, then try again."
)
# Whatever needed a picture's file (an export, a publish) while the bucket was out of reach.
STORAGE_OUT_OF_REACH = (
    "The image storage cannot be reached just now, so nothing was done. Try again in a minute."
)


def init_app(app: Flask) -> None:
    @app.errorhandler(StorageUnavailable)
    def storage_out_of_reach(error: StorageUnavailable):
        db.session.rollback()
        app.logger.error("Media storage unavailable: %s", error)
        return http_error(ServiceUnavailable(STORAGE_OUT_OF_REACH))

    @app.errorhandler(OperationalError)
    def lost_to_another_change(error: OperationalError):
        if getattr(error.orig, "sqlstate", None) not in LOST_TO_ANOTHER_CHANGE:
            raise error  # any other database failure is a 500, logged as one
        db.session.rollback()
        return http_error(Conflict(CHANGED_AT_THE_SAME_MOMENT))

    @app.errorhandler(429)
    def too_many_requests(error: HTTPException):
        if error.response is not None:  # a view said it in its own place (see on_breach)
            return error.response
        # Flask-Limiter adds Retry-After to this response; say the same thing in words.
        reset_at = getattr(limiter.current_limit, "reset_at", None)
        wait = max(1, int(reset_at - time.time())) if reset_at else 60
        return render_template("error.html", error=error, retry_after=wait), 429

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        # A view that refused in its own words (abort(403, "...")) has them shown.
        own_words = error.description != type(error).description
        if is_htmx():
            if isinstance(error, CSRFError):
                message = EXPIRED_FORM
            elif own_words:
                message = error.description
            else:
                message = IN_PLACE_REFUSALS.get(error.code, error.description)
            return refused_in_place(message, error.code)
        return render_template("error.html", error=error, own_words=own_words), error.code

    @app.errorhandler(500)
    def server_error(error):
        # A 500 is a bug: never leave a half-done transaction behind it.
        db.session.rollback()
        app.logger.exception(
            "Unhandled error", exc_info=getattr(error, "original_exception", error)
        )
        return render_template("error.html", error=None), 500
