"""A Flask blog whose pages are built in the browser from rows and blocks."""

from pathlib import Path
from typing import Any

from flask import Flask, render_template

from blog.config import ConfigError, config_from_environment
from blog.extensions import csrf, db, limiter, login_manager, migrate
from blog.numbers import IdConverter

PACKAGE = Path(__file__).resolve().parent


def shipped_folder(name: str) -> Path:
    """templates/, static/ or migrations/: inside the package in an installed wheel (setup.cfg
    maps them there), beside it in a checkout."""
    inside = PACKAGE / name
    return inside if inside.is_dir() else PACKAGE.parent / name


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the app: configuration, extensions, blueprints, commands and error pages."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(shipped_folder("templates")),
        static_folder=str(shipped_folder("static")),
    )
    app.url_map.converters["int"] = IdConverter
    try:
        app.config.update(config_from_environment(Path(app.instance_path)))
    except ConfigError as error:
        # One line that names the variable, and no traceback: the mistake is the operator's,
        # not the code's. (Exit status 1; under gunicorn the worker fails to boot.)
        raise SystemExit(f"Configuration error: {error}") from None
    if test_config:
        app.config.update(test_config)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(shipped_folder("migrations")))
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)

    from blog import (
        access_log,
        admin,
        auth,
        builder,
        cli,
        errors,
        htmx,
        media_views,
        proxy,
        public,
        schedule_check,
        security_headers,
        site_address,
        site_settings,
        static_files,
        timestamps,
        typed_text,
    )
    from blog.content import rendering

    auth.init_app(app)
    builder.init_app(app)
    admin.init_app(app)
    media_views.init_app(app)
    public.init_app(app)  # last: its /<slug> route must not shadow the others
    schedule_check.init_app(app)  # before the stored pages answer: a due page goes live
    cli.init_app(app)
    errors.init_app(app)
    htmx.init_app(app)
    rendering.init_app(app)
    security_headers.init_app(app)
    site_settings.init_app(app)
    timestamps.init_app(app)
    typed_text.init_app(app)
    static_files.init_app(app)  # hashed static files answered beside the stored pages
    site_address.init_app(app)  # after these: the host check stands before them

    access_log.init_app(app)  # around everything the app answers, stored pages too
    proxy.init_app(app)  # outermost: everything else sees the client, not the proxy

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        """Up when the database answers and the error page renders (an install without its
        templates could answer nothing else)."""
        db.session.execute(db.text("SELECT 1"))
        render_template("error.html", error=None)
        return {"status": "ok"}

    return app
