"""gunicorn's settings for the blog, read from the same environment as the app:

    gunicorn -c python:blog.gunicorn_conf 'blog:create_app()'

It ships inside the package, so an installed wheel has it too. gunicorn believes the
X-Forwarded-Proto of the addresses in its `forwarded_allow_ips`, loopback by default; this
file makes that list match BLOG_PROXY_HOPS: nobody when no proxy stands in front, else the
proxy's addresses (BLOG_PROXY_ADDRESSES). See blog.config.server_settings for the rest.
"""

from blog import create_app
from blog.config import ConfigError, server_settings

try:
    _settings = server_settings()
except ConfigError as error:
    raise SystemExit(f"Configuration error: {error}") from None
# The whole environment is checked once here, in gunicorn's own process: a bad setting stops
# gunicorn with its one-line message, instead of every worker failing to boot in turn.
create_app()

bind = _settings["bind"]
workers = _settings["workers"]
threads = _settings["threads"]
timeout = _settings["timeout"]
forwarded_allow_ips = _settings["forwarded_allow_ips"]
