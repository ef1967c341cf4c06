"""Configuration from the environment."""

import pytest

from blog import create_app
from blog.config import ConfigError, config_from_environment


def test_production_without_a_secret_key_refuses_to_start(monkeypatch, tmp_path):
    monkeypatch.setenv("BLOG_ENV", "production")
    monkeypatch.delenv("BLOG_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="BLOG_SECRET_KEY must be set"):
        create_app()


def test_production_uses_secure_cookies(monkeypatch, tmp_path):
    monkeypatch.setenv("BLOG_ENV", "production")
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
