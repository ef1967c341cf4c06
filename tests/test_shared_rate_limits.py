"""Rate limits shared by every process through Redis, and a warning at start-up when
gunicorn's workers would each count on their own."""

import os
import subprocess
import sys

import pytest

from blog.config import ConfigError, config_from_environment

from helpers.gunicorn_server import GunicornServer
from helpers.login_attempts import ATTEMPTS_LIMIT, DAILY_LIMITS, wrong_logins

WARNING = "workers count rate limits apart"


@pytest.fixture
def serve(sqlite_database, tmp_path):
    """Start gunicorn on the test's database with these settings; stopped at teardown."""
    servers = []

    def start(environment: dict[str, str], **options) -> GunicornServer:
        server = GunicornServer(sqlite_database, tmp_path, environment=environment, **options)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


def test_login_attempts_through_two_processes_count_against_one_limit(serve, redis_url):
    shared = {**DAILY_LIMITS, "BLOG_RATELIMIT_STORAGE_URI": redis_url}
    servers = [serve(shared, workers=1, threads=1) for _ in range(2)]
    statuses = wrong_logins(servers, 2 * ATTEMPTS_LIMIT)
    assert statuses == [401] * ATTEMPTS_LIMIT + [429] * ATTEMPTS_LIMIT, servers[0].log()


def test_several_workers_counting_in_memory_warn_once_at_start(serve):
    server = serve({"BLOG_RATELIMIT_STORAGE_URI": "memory://"}, shipped_settings=True)
    assert server.get("/healthz").status == 200
    [line] = [line for line in server.log().splitlines() if WARNING in line]
    assert line == (
        "Warning: 2 workers count rate limits apart with BLOG_RATELIMIT_STORAGE_URI=memory://, "
        "so login throttling lets through up to 2 times its limit: set "
        "BLOG_RATELIMIT_STORAGE_URI=redis://HOST:6379 (README)."
    )


@pytest.mark.parametrize("workers, store", [("1", "memory://"), ("4", "redis")])
def test_one_worker_or_a_shared_store_starts_without_a_warning(redis_url, workers, store):
    uri = redis_url if store == "redis" else store
    environment = {**os.environ, "BLOG_WORKERS": workers, "BLOG_RATELIMIT_STORAGE_URI": uri}
    started = subprocess.run(
        [sys.executable, "-c", "import blog.gunicorn_conf"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert started.returncode == 0, started.stderr
    assert WARNING not in started.stderr


def test_a_redis_store_without_the_redis_extra_stops_the_start_in_words(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "redis", None)  # as if the package were not installed
    monkeypatch.setenv("BLOG_RATELIMIT_STORAGE_URI", "redis://127.0.0.1:6379")
    with pytest.raises(ConfigError, match=r"install the blog with its redis extra"):
        config_from_environment(tmp_path)
