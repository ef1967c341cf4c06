"""Opening the editor on pages of 10, 100, 500 and 1,000 blocks, and one typed save on each:
server time and bytes, with the server in-process (Flask's test client, no network), as
Wagtail measures its editor. Printed beside the targets of the editor's weight."""

import re
import statistics
import tempfile
import time
from pathlib import Path

from flask import Flask
from flask_migrate import upgrade
from werkzeug.test import TestResponse

from bench.seed import BENCH_EMAIL, BENCH_PASSWORD, text_rows
from blog import create_app
from blog.extensions import db
from blog.models import Page, User
from blog.publishing import publish

SIZES = (10, 100, 500, 1000)
OPENS = 7
# Cold opens: each in a fresh app (a new worker), the first opening of the page there.
COLD_OPENS = 5
# The page a fresh app opens first, compiling the editor's templates (once per worker).
WARM_UP_SIZE = 10
SAVES = 21
# Most milliseconds and bytes for opening the editor, by page size (issue 10's targets).
OPEN_TARGETS = {500: (66, 566_000), 1000: (130, 1_100_000)}
SAVE_REQUEST_TARGET = 2_000


def bench_app(folder: Path, migrate: bool = True) -> Flask:
    """The app on the SQLite database in `folder` (migrated unless told otherwise), with
    CSRF checks on. Each call is a fresh app, as a new worker is: nothing remembered."""
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'editor.sqlite3'}",
            "SECRET_KEY": "bench",
            "MEDIA_DIR": str(folder / "media"),
            "RATELIMIT_ENABLED": False,
            # The request log would print a line per opening into the figures.
            "LOG_FORMAT": "off",
        }
    )
    if migrate:
        with app.app_context():
            upgrade()
    return app


def seed(app: Flask) -> dict[int | str, tuple[int, int]]:
    """A bench user and one draft page per size, and a small one a fresh app opens first:
    {size or "warm-up": (page id, id of a block mid-page)}."""
    with app.app_context():
        user = User(email=BENCH_EMAIL, name="Bench", role="editor")
        user.set_password(BENCH_PASSWORD)
        db.session.add(user)
        pages: dict[int | str, Page] = {
            size: Page(title=f"{size} blocks", slug=f"page-{size}", author=user) for size in SIZES
        }
        pages["warm-up"] = Page(title="Warm-up", slug="warm-up", author=user)
        for size, page in pages.items():
            page.rows = text_rows(WARM_UP_SIZE if size == "warm-up" else size)
            db.session.add(page)
        db.session.commit()
        return {
            size: (page.id, page.rows[len(page.rows) // 2].blocks[0].id)
            for size, page in pages.items()
        }


def request_bytes(method: str, path: str, headers: dict[str, str], body: bytes) -> int:
    """The size of the request as HTTP/1.1 would carry it."""
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return len((head + "\r\n").encode()) + len(body)


def response_bytes(response: TestResponse) -> int:
    """The size of the answer as HTTP/1.1 would carry it."""
    head = f"HTTP/1.1 {response.status}\r\n" + "".join(
        f"{k}: {v}\r\n" for k, v in response.headers.items()
    )
    return len((head + "\r\n").encode()) + len(response.get_data())


def logged_in(app: Flask):
    """A test client logged in through the login form; returns it and its CSRF token."""
    client = app.test_client()
    login = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login).group(1)
    answer = client.post(
        "/login", data={"csrf_token": token, "email": BENCH_EMAIL, "password": BENCH_PASSWORD}
    )
    if answer.status_code != 303:
        raise RuntimeError(f"bench login failed with {answer.status_code}")
    pages = client.get("/builder/").get_data(as_text=True)
    return client, re.search(r'"X-CSRFToken": "([^"]+)"', pages).group(1)


def open_editor(client, page_id: int) -> tuple[float, float, int]:
    """Milliseconds of wall time and of this process's CPU time, and bytes of the editor's
    HTML, for one opening. On a busy machine the CPU time is the fairer figure: the wall
    time also counts the time other processes had the cores."""
    started, cpu_started = time.perf_counter(), time.process_time()
    answer = client.get(f"/builder/pages/{page_id}")
    cpu = (time.process_time() - cpu_started) * 1000
    elapsed = (time.perf_counter() - started) * 1000
    if answer.status_code != 200:
        raise RuntimeError(f"the editor answered {answer.status_code}")
    return elapsed, cpu, len(answer.get_data())


def cold_opens(folder: Path, page_id: int, warm_up_id: int) -> tuple[list[float], list[float]]:
    """CPU milliseconds of the first opening of the page in each of COLD_OPENS fresh apps
    (new workers), each after a login and the opening of a small page (which compiles the
    editor's templates, once per worker); and of those small pages' openings."""
    firsts, opens = [], []
    for _ in range(COLD_OPENS):
        client, _token = logged_in(bench_app(folder, migrate=False))
        firsts.append(open_editor(client, warm_up_id)[1])
        opens.append(open_editor(client, page_id)[1])
    return opens, firsts


def save_typed_text(client, token: str, block_id: int, version: int) -> tuple[float, int, int]:
    """One save of typed text as the editor's script sends it: milliseconds, request bytes
    and response bytes."""
    path = f"/builder/blocks/{block_id}"
    form = {"version": str(version), "markdown": f"Typed text, save number {version}."}
    body = "&".join(f"{k}={v.replace(' ', '+')}" for k, v in form.items()).encode()
    cookie = client.get_cookie("session")
    headers = {
        "Host": "localhost",
        "HX-Request": "true",
        "HX-Target": f"block-{block_id}",
        "X-CSRFToken": token,
        "Cookie": f"session={cookie.value}" if cookie else "",
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": str(len(body)),
    }
    started = time.perf_counter()
    answer = client.post(path, data=body, headers=headers)
    elapsed = (time.perf_counter() - started) * 1000
    if answer.status_code != 200:
        raise RuntimeError(f"the save answered {answer.status_code}")
    return elapsed, request_bytes("POST", path, headers, body), response_bytes(answer)


def against(figure: float, most: float | None) -> str:
    """The figure beside its target: "ok" within it, "OVER" past it, nothing without one."""
    if most is None:
        return ""
    return f"(<= {most:g} {'ok' if figure <= most else 'OVER'})"


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="blog-editor-bench-"))
    app = bench_app(folder)
    pages = seed(app)
    warm_up_id = pages.pop("warm-up")[0]
    client, token = logged_in(app)
    print(
        f"Opening the editor cold (the page's first opening in a fresh app, a new worker, "
        f"after a small page: median CPU time of {COLD_OPENS}) and warm (the median of {OPENS} "
        f"more in one app, wall and CPU time), and one typed save (median of {SAVES}), "
        "in-process (Flask test client, SQLite):"
    )
    print(
        f"{'blocks':>7} {'cold CPU ms':>25} {'wall ms':>8} {'CPU ms':>22} {'KB':>21} "
        f"{'B/block':>8} {'save request B':>22} {'save answer B':>14} {'save ms':>8}"
    )
    first_requests = []
    for size, (page_id, block_id) in pages.items():
        most_ms, most_bytes = OPEN_TARGETS.get(size, (None, None))
        colds, firsts = cold_opens(folder, page_id, warm_up_id)
        cold = statistics.median(colds)
        first_requests += firsts
        opens = [open_editor(client, page_id) for _ in range(OPENS + 1)][1:]
        wall = statistics.median(elapsed for elapsed, _, _ in opens)
        cpu = statistics.median(cpu for _, cpu, _ in opens)
        size_bytes = opens[-1][2]
        saves = [
            save_typed_text(client, token, block_id, version) for version in range(1, SAVES + 1)
        ]
        save_ms = statistics.median(elapsed for elapsed, _, _ in saves)
        _, sent, received = saves[-1]
        kilobytes = size_bytes / 1000
        most_kilobytes = most_bytes / 1000 if most_bytes else None
        print(
            f"{size:>7} {cold:>10.1f} {against(cold, most_ms):>14} "
            f"{wall:>8.1f} {cpu:>7.1f} {against(cpu, most_ms):>14} "
            f"{kilobytes:>7.1f} {against(kilobytes, most_kilobytes):>13} {size_bytes // size:>8} "
            f"{sent:>6} {against(sent, SAVE_REQUEST_TARGET):>15} {received:>14} {save_ms:>8.2f}"
        )
    print(
        f"A fresh app's first editor ({WARM_UP_SIZE} blocks, compiling the templates): "
        f"{statistics.median(first_requests):.1f} ms CPU (median of {len(first_requests)})"
    )
    published_page_cost(app, client, pages[max(SIZES)][0])


def published_page_cost(app: Flask, client, page_id: int) -> None:
    """A published page's editor also compares the draft with what readers get (to say
    "Published, changes not yet live"): the largest page again, once published."""
    with app.app_context():
        page = db.session.get(Page, page_id)
        publish(page, page.author)
        db.session.commit()
    opens = [open_editor(client, page_id) for _ in range(OPENS + 1)][1:]
    wall = statistics.median(elapsed for elapsed, _, _ in opens)
    cpu = statistics.median(cpu for _, cpu, _ in opens)
    print(f"{max(SIZES):>7} blocks, published: editor opens in {wall:.1f} ms ({cpu:.1f} ms CPU)")
