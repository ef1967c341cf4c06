"""gunicorn's settings for the blog, read from the same environment as the app:

    gunicorn -c python:blog.gunicorn_conf 'blog:create_app()'

It ships inside the package, so an installed wheel has it too. gunicorn believes the
X-Forwarded-Proto of the addresses in its `forwarded_allow_ips`, loopback by default; this
file makes that list match BLOG_PROXY_HOPS: nobody when no proxy stands in front, else the
proxy's addresses (BLOG_PROXY_ADDRESSES). See blog.config.server_settings for the rest.
"""

import sys

from blog import create_app
from blog.config import ConfigError, server_settings

try:
    _settings = server_settings()
except ConfigError as error:
    raise SystemExit(f"Configuration error: {error}") from None
# The whole environment is checked once here, in gunicorn's own process: a bad setting stops
# gunicorn with its one-line message, instead of every worker failing to boot in turn.
_app = create_app()


def counting_apart_warning(workers: int, storage_uri: str) -> str | None:
    """The warning for workers that would each keep their own rate-limit counts (Flask-
    Limiter's memory:// store lives inside one process); None when they share them."""
    if workers < 2 or not storage_uri.startswith("memory://"):
        return None
    return (
        f"Warning: {workers} workers count rate limits apart with "
        f"BLOG_RATELIMIT_STORAGE_URI={storage_uri}, so login throttling lets through up to "
        f"{workers} times its limit: set BLOG_RATELIMIT_STORAGE_URI=redis://HOST:6379 (README)."
    )


if warning := counting_apart_warning(_settings["workers"], _app.config["RATELIMIT_STORAGE_URI"]):
    print(warning, file=sys.stderr, flush=True)

bind = _settings["bind"]
workers = _settings["workers"]
threads = _settings["threads"]
timeout = _settings["timeout"]
forwarded_allow_ips = _settings["forwarded_allow_ips"]
