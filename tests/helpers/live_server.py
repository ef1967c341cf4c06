"""The app served over real HTTP in a background thread, for the browser tests."""

import threading
import time

from werkzeug.serving import ThreadedWSGIServer

# How long stop() waits for the requests still being answered.
FINISHING_SECONDS = 15


class _Server(ThreadedWSGIServer):
    """A threaded server that keeps its request threads, so that it can wait for them."""

    def __init__(self, app):
        super().__init__("127.0.0.1", 0, app)
        self.request_threads: list[threading.Thread] = []

    def process_request(self, request, client_address):
        thread = threading.Thread(
            target=self.process_request_thread, args=(request, client_address), daemon=True
        )
        self.request_threads.append(thread)
        thread.start()


class LiveServer:
    """Serve a Flask app on a free loopback port until stop()."""

    def __init__(self, app):
        self.app = app
        self.server = _Server(app)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "LiveServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        """Stop taking requests and wait for those under way. A request the browser sent as
        its tab closed (a save while typing) would otherwise still be writing while the next
        test replaces the database file under it ("disk I/O error" in that test)."""
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=FINISHING_SECONDS)
        deadline = time.monotonic() + FINISHING_SECONDS
        for thread in self.server.request_threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
        unfinished = [thread for thread in self.server.request_threads if thread.is_alive()]
        assert not unfinished, (
            f"{len(unfinished)} request(s) still being answered {FINISHING_SECONDS} s after "
            "the server stopped"
        )
