"""Configuration read from the environment: one place for secrets, paths and URLs."""

import importlib.util
import ipaddress
import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from blog.environment import (
    ConfigError,
    one_of,
    positive_number,
    rate_limit,
    text,
    web_address,
    whole_number,
)

__all__ = ["ConfigError", "config_from_environment", "server_settings"]

DEVELOPMENT_BASE_URL = "http://127.0.0.1:5000"


def _secret_key(env: str, instance_path: Path) -> str:
    """Return BLOG_SECRET_KEY, or in development a key generated once and kept on disk."""
    key = os.environ.get("BLOG_SECRET_KEY")
    if key:
        return key
    if env == "production":
        raise ConfigError(
            "BLOG_SECRET_KEY must be set when BLOG_ENV=production: "
            "sessions and CSRF tokens are signed with it."
        )
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _base_url(production: bool) -> str:
    """BLOG_BASE_URL, the site's public address (no trailing slash); required in production."""
    url = web_address("BLOG_BASE_URL", "https://blog.example.org")
    if not url:
        if production:
            raise ConfigError(
                "BLOG_BASE_URL must be set when BLOG_ENV=production, to the address readers "
                "use (for example https://blog.example.org): the feed, the sitemap and "
                "password links are built from it, and requests for other host names are "
                "refused."
            )
        return DEVELOPMENT_BASE_URL
    return url


def _trusted_hosts(production: bool, base_url: str) -> list[str] | None:
    """The host names requests may name: in production BLOG_BASE_URL's, and those listed in
    BLOG_ALLOWED_HOSTS (comma-separated, e.g. the internal name a health check uses); in
    development any (None)."""
    if not production:
        return None
    listed = os.environ.get("BLOG_ALLOWED_HOSTS", "").split(",")
    return [urlsplit(base_url).hostname, *(name.strip() for name in listed if name.strip())]


def proxy_hops() -> int:
    """BLOG_PROXY_HOPS: how many reverse proxies stand in front of the app."""
    return whole_number("BLOG_PROXY_HOPS", 0)


def proxy_addresses() -> list[str]:
    """BLOG_PROXY_ADDRESSES: the addresses (or networks) of the reverse proxy that talks to
    the app server, whose X-Forwarded-* headers are believed when BLOG_PROXY_HOPS > 0."""
    listed = os.environ.get("BLOG_PROXY_ADDRESSES", "127.0.0.1").split(",")
    addresses = [address.strip() for address in listed if address.strip()]
    for address in addresses:
        try:
            ipaddress.ip_network(address)
        except ValueError:
            raise ConfigError(
                f"BLOG_PROXY_ADDRESSES must list IP addresses or networks "
                f"(e.g. 127.0.0.1,10.0.0.0/8), not {address!r}."
            ) from None
    return addresses


def server_settings() -> dict:
    """gunicorn's settings (blog/gunicorn_conf.py reads them): where to listen, how many
    workers and threads, how long a request may take, and whose X-Forwarded-* headers to
    believe: nobody's without a proxy (BLOG_PROXY_HOPS=0), else BLOG_PROXY_ADDRESSES'."""
    return {
        "bind": os.environ.get("BLOG_BIND", "127.0.0.1:8000"),
        "workers": whole_number("BLOG_WORKERS", 2 * (os.cpu_count() or 1) + 1),
        "threads": whole_number("BLOG_THREADS", 1),
        "timeout": whole_number("BLOG_REQUEST_TIMEOUT", 30),
        "forwarded_allow_ips": ",".join(proxy_addresses()) if proxy_hops() else "",
    }


def _database_url(instance_path: Path) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        return f"sqlite:///{instance_path / 'blog.sqlite3'}"
    # Hosting platforms often hand out postgres:// URLs; SQLAlchemy wants the psycopg 3 driver.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _media_storage() -> dict:
    """BLOG_MEDIA_STORAGE and what it needs: "local" (the MEDIA_DIR folder) or "s3" (a
    bucket, BLOG_S3_BUCKET, at BLOG_S3_ENDPOINT_URL or AWS's), and BLOG_MEDIA_PUBLIC_URL."""
    storage = one_of("BLOG_MEDIA_STORAGE", ("local", "s3"), "local")
    bucket = text("BLOG_S3_BUCKET")
    endpoint = web_address("BLOG_S3_ENDPOINT_URL")
    if storage == "s3":
        if not bucket:
            raise ConfigError("BLOG_S3_BUCKET must name the bucket when BLOG_MEDIA_STORAGE=s3.")
        if importlib.util.find_spec("boto3") is None:
            raise ConfigError(
                "BLOG_MEDIA_STORAGE=s3 needs boto3: install the blog with its s3 extra "
                "(pip install 'blog[s3]')."
            )
    public_url = web_address("BLOG_MEDIA_PUBLIC_URL", "https://media.example.org")
    return {
        "MEDIA_STORAGE": storage,
        "S3_BUCKET": bucket,
        "S3_ENDPOINT_URL": endpoint,
        "MEDIA_PUBLIC_URL": public_url,
    }


def _rate_limit_storage() -> str:
    """BLOG_RATELIMIT_STORAGE_URI, checked for the package a Redis store needs."""
    uri = os.environ.get("BLOG_RATELIMIT_STORAGE_URI", "").strip() or "memory://"
    if uri.startswith("redis") and importlib.util.find_spec("redis") is None:
        raise ConfigError(
            "BLOG_RATELIMIT_STORAGE_URI names Redis, which needs the redis package: install "
            "the blog with its redis extra (pip install 'blog[redis]')."
        )
    return uri


def config_from_environment(instance_path: Path) -> dict:
    """Build the Flask configuration mapping from BLOG_* variables and DATABASE_URL."""
    instance_path.mkdir(parents=True, exist_ok=True)
    env = one_of("BLOG_ENV", ("development", "production"), "development")
    production = env == "production"
    secret_key = _secret_key(env, instance_path)
    base_url = _base_url(production)
    max_upload_mb = whole_number("BLOG_MAX_UPLOAD_MB", 20)
    # Page limits: blog.content.limits has the defaults, used when these are not set.
    page_limits = {
        key: whole_number(f"BLOG_{key}", 0)
        for key in ("MAX_ROWS_PER_PAGE", "MAX_BLOCKS_PER_PAGE")
        if os.environ.get(f"BLOG_{key}", "").strip()
    }
    absolute_lifetime = timedelta(days=positive_number("BLOG_SESSION_MAX_DAYS", 14))
    return (
        page_limits
        | _media_storage()
        | {
            "BLOG_ENV": env,
            "SECRET_KEY": secret_key,
            "SQLALCHEMY_DATABASE_URI": _database_url(instance_path),
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
            # The site's one address: every absolute link is built from it (blog.site_address),
            # and in production requests naming another host are refused.
            "BLOG_BASE_URL": base_url,
            "TRUSTED_HOSTS": _trusted_hosts(production, base_url),
            "BLOG_TITLE": os.environ.get("BLOG_TITLE", "Blog"),
            # One line per request on standard error (blog/access_log.py).
            "LOG_FORMAT": one_of("BLOG_LOG_FORMAT", ("text", "json", "off"), "text"),
            "RATELIMIT_HEADERS_ENABLED": True,
            # Login throttling (blog/auth/throttle.py, and SECURITY.md for the trade-off).
            "LOGIN_ATTEMPTS_PER_CLIENT": rate_limit(
                "BLOG_LOGIN_ATTEMPTS_PER_CLIENT", "10 per minute"
            ),
            "LOGIN_FAILURES_PER_ACCOUNT_AND_CLIENT": rate_limit(
                "BLOG_LOGIN_FAILURES_PER_ACCOUNT_AND_CLIENT", "5 per minute; 20 per hour"
            ),
            "LOGIN_FAILURES_PER_ACCOUNT": rate_limit(
                "BLOG_LOGIN_FAILURES_PER_ACCOUNT", "5 per minute; 50 per day"
            ),
            "LOGIN_KNOWN_DEVICE_DAYS": whole_number("BLOG_LOGIN_KNOWN_DEVICE_DAYS", 365),
            "COMMENT_RATE_LIMIT": "10 per minute",
            # Each image costs up to about a second and a half of CPU to store (see make bench).
            "UPLOAD_RATE_LIMIT_PER_PERSON": rate_limit(
                "BLOG_UPLOADS_PER_PERSON", "10 per minute; 100 per hour"
            ),
            # How often each process asks whether a scheduled page is due (blog/schedule_check):
            # a page goes live within this long of its time, given a request to notice it.
            "SCHEDULE_CHECK_SECONDS": whole_number("BLOG_SCHEDULE_CHECK_SECONDS", 30),
            # A draft checkpoint is taken with the first change this long after the last one.
            "CHECKPOINT_MINUTES": whole_number("BLOG_CHECKPOINT_MINUTES", 10),
            "MEDIA_DIR": os.environ.get("BLOG_MEDIA_DIR", str(instance_path / "media")),
            # Static files under content-hashed names, with their compressed twins (written at
            # start, kept: a stored page may name an older one).
            "STATIC_CACHE_DIR": os.environ.get(
                "BLOG_STATIC_CACHE_DIR", str(instance_path / "static")
            ),
            "MAX_UPLOAD_BYTES": max_upload_mb * 1024 * 1024,
            # Room for the form fields that come with an upload of the largest allowed image.
            "MAX_CONTENT_LENGTH": (max_upload_mb + 1) * 1024 * 1024,
            # How many reverse proxies stand in front (their X-Forwarded-* headers are trusted).
            "PROXY_HOPS": proxy_hops(),
            "PROXY_ADDRESSES": proxy_addresses(),
            "RATELIMIT_STORAGE_URI": _rate_limit_storage(),
            # A login session ends after this long unused, and after the longer one in any case.
            "SESSION_IDLE_LIFETIME": timedelta(
                hours=positive_number("BLOG_SESSION_IDLE_HOURS", 24)
            ),
            "SESSION_ABSOLUTE_LIFETIME": absolute_lifetime,
            "PERMANENT_SESSION_LIFETIME": absolute_lifetime,
            "SESSION_COOKIE_HTTPONLY": True,
            "SESSION_COOKIE_SAMESITE": "Lax",
            "SESSION_COOKIE_SECURE": production,
            "REMEMBER_COOKIE_HTTPONLY": True,
            "REMEMBER_COOKIE_SECURE": production,
            "WTF_CSRF_TIME_LIMIT": None,
        }
    )
