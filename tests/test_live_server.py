"""The browser tests' server: stopping it waits for the requests under way, so that a save
the browser sent as its tab closed cannot write into the next test's database."""

import threading
import urllib.request

from helpers.live_server import LiveServer


def test_stopping_waits_for_the_request_under_way():
    entered, release = threading.Event(), threading.Event()
    finished = []

    def slow_app(environ, start_response):
        entered.set()
        release.wait(timeout=30)
        finished.append(environ["PATH_INFO"])
        start_response("204 No Content", [])
        return [b""]

    server = LiveServer(slow_app).start()
    client = threading.Thread(
        target=lambda: urllib.request.urlopen(f"{server.url}/late-save", timeout=30)
    )
    client.start()
    assert entered.wait(timeout=30), "the request never reached the app"
    stopper = threading.Thread(target=server.stop)
    stopper.start()
    stopper.join(timeout=1)
    still_stopping = stopper.is_alive()
    release.set()
    stopper.join(timeout=30)
    client.join(timeout=30)
    assert still_stopping, "stop() returned while a request was still being answered"
    assert finished == ["/late-save"]
