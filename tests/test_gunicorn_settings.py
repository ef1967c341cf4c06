"""The shipped gunicorn settings (blog/gunicorn_conf.py) under the real gunicorn: whose
X-Forwarded-Proto it believes follows BLOG_PROXY_HOPS, and the site's host check holds."""

import pytest

from helpers.gunicorn_server import GunicornServer

HTTPS_CLAIMED = {"X-Forwarded-Proto": "https"}


@pytest.fixture
def serve(sqlite_database, tmp_path):
    """Start gunicorn with the shipped settings and these variables; stopped at teardown."""
    servers = []

    def start(**environment: str) -> GunicornServer:
        server = GunicornServer(
            sqlite_database, tmp_path, workers=1, shipped_settings=True, environment=environment
        )
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


def test_without_a_proxy_nobody_can_claim_https(serve):
    server = serve(BLOG_PROXY_HOPS="0")
    for path in ("/healthz", "/robots.txt"):
        response = server.get(path, HTTPS_CLAIMED)
        assert response.status == 200, server.log()
        # HSTS goes out on HTTPS requests only: this one came over plain HTTP from loopback.
        assert response.getheader("Strict-Transport-Security") is None, path


@pytest.mark.parametrize("proxy, https", [("127.0.0.1", True), ("10.9.9.9", False)])
def test_behind_a_proxy_only_its_https_claim_counts(serve, proxy, https):
    server = serve(BLOG_PROXY_HOPS="1", BLOG_PROXY_ADDRESSES=proxy)
    response = server.get("/healthz", HTTPS_CLAIMED)
    assert response.status == 200, server.log()
    assert (response.getheader("Strict-Transport-Security") is not None) is https


def test_gunicorn_serves_only_the_site_host(serve):
    server = serve(BLOG_PROXY_HOPS="0")
    assert server.get("/healthz").status == 200
    refused = server.get("/healthz", {"Host": "attacker.example"})
    assert (refused.status, refused.body) == (
        400,
        b"This site does not answer to that host name.\n",
    )
