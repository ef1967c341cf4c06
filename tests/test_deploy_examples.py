"""The deployment examples the README shows: the nginx site passes `nginx -t`, and it
compresses the pages the app sends uncompressed."""

import gzip
import http.client
import ssl

from bench.front_proxy import FrontProxy, nginx_path

from helpers.live_server import LiveServer
from helpers.support import missing


def _nginx() -> str:
    nginx = nginx_path()
    if nginx is None:
        missing("BLOG_REQUIRE_NGINX", "nginx is not installed (apt-get install nginx)")
    return nginx


def test_the_nginx_example_is_a_valid_configuration(tmp_path):
    nginx = _nginx()
    # The example with a throw-away certificate, inside the smallest main configuration
    # that runs as this user (its listening addresses moved to free loopback ports).
    result = FrontProxy(8000, tmp_path).check(nginx)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_the_nginx_example_sends_the_apps_pages_compressed(app, tmp_path):
    """The app leaves compression to the front server: the example must do it, or every
    reader downloads each page at full size (Lighthouse's "text compression"), but not for
    requests with a cookie, whose pages may hold a CSRF token (BREACH)."""
    nginx = _nginx()
    server = LiveServer(app).start()
    try:
        proxy = FrontProxy(server.server.server_port, tmp_path).start(nginx)
        try:
            answer, body, signed_in = _two_front_page_requests(proxy.port)
        finally:
            proxy.stop()
    finally:
        server.stop()
    assert answer.status == 200
    assert answer.getheader("Content-Encoding") == "gzip"
    assert b"<main" in gzip.decompress(body)
    # BREACH: pages that may carry someone's CSRF token are not compressed.
    assert signed_in.status == 200 and signed_in.getheader("Content-Encoding") is None


def _two_front_page_requests(port: int):
    """The front page through the proxy, accepting gzip: once as a reader without cookies
    (the answer and its body), then with a session cookie (the answer)."""
    unverified = ssl._create_unverified_context()  # the throw-away certificate
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=unverified, timeout=30)
    connection.request("GET", "/", headers={"Accept-Encoding": "gzip"})
    answer = connection.getresponse()
    body = answer.read()
    connection.request("GET", "/", headers={"Accept-Encoding": "gzip", "Cookie": "session=x"})
    signed_in = connection.getresponse()
    signed_in.read()
    return answer, body, signed_in
