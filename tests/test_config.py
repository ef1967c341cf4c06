"""Configuration from the environment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from blog import create_app
from blog.config import ConfigError, config_from_environment, server_settings


def test_production_without_a_secret_key_refuses_to_start(monkeypatch, tmp_path):
    monkeypatch.setenv("BLOG_ENV", "production")
    monkeypatch.delenv("BLOG_SECRET_KEY", raising=False)
    with pytest.raises(SystemExit, match="Configuration error: BLOG_SECRET_KEY must be set"):
        create_app()


def test_production_uses_secure_cookies(monkeypatch, tmp_path):
    monkeypatch.setenv("BLOG_ENV", "production")
    monkeypatch.setenv("BLOG_BASE_URL", "https://blog.example.org")
    monkeypatch.setenv("BLOG_SECRET_KEY", "from-the-environment")
    config = config_from_environment(tmp_path)
    assert config["SECRET_KEY"] == "from-the-environment"
    assert config["SESSION_COOKIE_SECURE"] is True


def test_development_generates_and_keeps_a_secret_key(monkeypatch, tmp_path):
    monkeypatch.delenv("BLOG_SECRET_KEY", raising=False)
    monkeypatch.delenv("BLOG_ENV", raising=False)
    first = config_from_environment(tmp_path)["SECRET_KEY"]
    assert len(first) >= 32
    assert config_from_environment(tmp_path)["SECRET_KEY"] == first


def test_sqlite_in_the_instance_folder_is_the_default(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = config_from_environment(tmp_path)
    assert config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'blog.sqlite3'}"


def test_postgres_urls_use_psycopg_3(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db/blog")
    config = config_from_environment(tmp_path)
    assert config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u:p@db/blog"


def test_unknown_blog_env_is_refused(monkeypatch, tmp_path):
    monkeypatch.setenv("BLOG_ENV", "staging")
    with pytest.raises(ConfigError, match="BLOG_ENV must be"):
        config_from_environment(tmp_path)


def test_login_limits_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("BLOG_LOGIN_FAILURES_PER_ACCOUNT", "3 per minute; 20 per day")
    config = config_from_environment(tmp_path)
    assert config["LOGIN_FAILURES_PER_ACCOUNT"] == "3 per minute; 20 per day"


def test_a_malformed_login_limit_is_refused_at_start(monkeypatch, tmp_path):
    monkeypatch.setenv("BLOG_LOGIN_ATTEMPTS_PER_CLIENT", "ten a minute")
    with pytest.raises(ConfigError, match="BLOG_LOGIN_ATTEMPTS_PER_CLIENT must be rate limits"):
        config_from_environment(tmp_path)


# The site's address and the proxy in front


def test_production_without_a_base_url_refuses_to_start(monkeypatch, tmp_path):
    monkeypatch.setenv("BLOG_ENV", "production")
    monkeypatch.delenv("BLOG_BASE_URL", raising=False)
    with pytest.raises(ConfigError, match="BLOG_BASE_URL must be set when BLOG_ENV=production"):
        config_from_environment(tmp_path)


@pytest.mark.parametrize("url", ["blog.example.org", "ftp://blog.example.org", "https://"])
def test_a_base_url_that_is_not_a_web_address_is_refused(monkeypatch, tmp_path, url):
    monkeypatch.setenv("BLOG_BASE_URL", url)
    with pytest.raises(ConfigError, match="BLOG_BASE_URL must be an http or https address"):
        config_from_environment(tmp_path)


def test_production_answers_its_base_url_host_and_the_allowed_hosts(monkeypatch, tmp_path):
    monkeypatch.setenv("BLOG_ENV", "production")
    monkeypatch.setenv("BLOG_BASE_URL", "https://Blog.Example.org/")
    monkeypatch.setenv("BLOG_ALLOWED_HOSTS", " app.internal, 10.0.0.7 ")
    config = config_from_environment(tmp_path)
    assert config["BLOG_BASE_URL"] == "https://Blog.Example.org"
    assert config["TRUSTED_HOSTS"] == ["blog.example.org", "app.internal", "10.0.0.7"]


def test_development_answers_any_host_at_the_local_address(monkeypatch, tmp_path):
    monkeypatch.delenv("BLOG_ENV", raising=False)
    monkeypatch.delenv("BLOG_BASE_URL", raising=False)
    config = config_from_environment(tmp_path)
    assert config["BLOG_BASE_URL"] == "http://127.0.0.1:5000"
    assert config["TRUSTED_HOSTS"] is None


@pytest.mark.parametrize(
    "hops, addresses, trusted",
    [
        ("0", "10.0.0.2", ""),
        ("1", None, "127.0.0.1"),
        ("2", "10.0.0.2, 10.1.0.0/16", "10.0.0.2,10.1.0.0/16"),
    ],
)
def test_gunicorn_believes_forwarded_headers_only_from_the_proxy(
    monkeypatch, hops, addresses, trusted
):
    monkeypatch.setenv("BLOG_PROXY_HOPS", hops)
    if addresses is None:
        monkeypatch.delenv("BLOG_PROXY_ADDRESSES", raising=False)
    else:
        monkeypatch.setenv("BLOG_PROXY_ADDRESSES", addresses)
    assert server_settings()["forwarded_allow_ips"] == trusted


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("BLOG_PROXY_ADDRESSES", "proxy.internal", "must list IP addresses or networks"),
        ("BLOG_PROXY_HOPS", "one", "must be a whole number"),
        ("BLOG_WORKERS", "-2", "must be a whole number"),
    ],
)
def test_server_settings_that_make_no_sense_are_refused(monkeypatch, name, value, message):
    monkeypatch.setenv("BLOG_PROXY_HOPS", "1")
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"{name} {message}"):
        server_settings()


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("BLOG_MAX_UPLOAD_MB", "twenty", "must be a whole number"),
        ("BLOG_MAX_BLOCKS_PER_PAGE", "1e3", "must be a whole number"),
        ("BLOG_LOGIN_KNOWN_DEVICE_DAYS", "-1", "must be a whole number"),
        ("BLOG_SESSION_IDLE_HOURS", "a day", "must be a number above 0"),
        ("BLOG_SESSION_MAX_DAYS", "0", "must be a number above 0"),
        ("BLOG_SESSION_MAX_DAYS", "nan", "must be a number above 0"),
    ],
)
def test_numbers_that_make_no_sense_are_refused_by_name(
    monkeypatch, tmp_path, name, value, message
):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"{name} {message}"):
        config_from_environment(tmp_path)


def _started_with(tmp_path, command: list[str], **environment: str):
    """Run a command of the blog's as an operator would, with these settings."""
    settings = {**os.environ, "BLOG_ENV": "development", **environment}
    settings.pop("DATABASE_URL", None)
    bin_folder = Path(sys.executable).parent
    return subprocess.run(
        [str(bin_folder / command[0]), *command[1:]],
        cwd=tmp_path,
        env=settings,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "command",
    [
        ["flask", "--app", "blog", "users", "list"],
        ["gunicorn", "-c", "python:blog.gunicorn_conf", "blog:create_app()"],
    ],
    ids=["flask", "gunicorn"],
)
@pytest.mark.parametrize(
    ("setting", "line"),
    [
        (
            {"BLOG_ENV": "prod"},
            "Configuration error: BLOG_ENV must be 'development' or 'production', not 'prod'.",
        ),
        (
            {"BLOG_ENV": "production", "BLOG_SECRET_KEY": ""},
            "Configuration error: BLOG_SECRET_KEY must be set when BLOG_ENV=production: "
            "sessions and CSRF tokens are signed with it.",
        ),
    ],
    ids=["env", "secret"],
)
def test_a_bad_setting_stops_the_app_with_one_line_and_no_traceback(
    tmp_path, command, setting, line
):
    result = _started_with(tmp_path, command, **setting)
    assert result.returncode != 0
    assert result.stderr.strip() == line
    assert "Traceback" not in result.stdout + result.stderr


def test_an_upload_limit_that_is_no_rate_limit_is_refused_by_name(monkeypatch, tmp_path):
    monkeypatch.setenv("BLOG_UPLOADS_PER_PERSON", "lots")
    with pytest.raises(ConfigError, match="BLOG_UPLOADS_PER_PERSON must be rate limits"):
        config_from_environment(tmp_path)
