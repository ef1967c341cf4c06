"""Scheduled publishing under the real server: gunicorn with two worker processes of two
threads each, and readers arriving together as the time comes. Every process checks for due
pages on its own; the page still goes live exactly once (one revision), and from then on
the article, the front page and the feed show it, whichever worker answers."""

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from blog.extensions import db
from blog.models import Page, PublishingSchedule, Revision, utcnow

from helpers.gunicorn_server import GunicornServer
from helpers.published_pages import make_draft_page, person

# Readers ask this many at once, again and again, until the page is live (or WAIT runs out).
READERS = 8
WAIT_SECONDS = 60
PATHS = ("/midnight-market", "/", "/feed.xml", "/midnight-market")


@pytest.fixture
def server(database_url, tmp_path):
    """gunicorn checking for due pages every second; stopped at teardown."""
    server = GunicornServer(
        database_url, tmp_path, environment={"BLOG_SCHEDULE_CHECK_SECONDS": "1"}
    )
    yield server
    server.stop()


def _read_all(server: GunicornServer, readers: ThreadPoolExecutor) -> list[tuple[int, str]]:
    answers = readers.map(lambda path: server.get(path), PATHS * (READERS // len(PATHS)))
    return [(answer.status, answer.body.decode()) for answer in answers]


def test_readers_arriving_together_see_the_page_go_live_once(app, server):
    page_id = make_draft_page(app, "Midnight market", "midnight-market")
    editor_id = person(app)
    server.start()  # and has checked once already: nothing was due then
    with app.app_context():
        due = utcnow() + timedelta(seconds=2)
        db.session.add(
            PublishingSchedule(page_id=page_id, publish_at=due, scheduled_by_id=editor_id)
        )
        db.session.commit()

    deadline = time.monotonic() + WAIT_SECONDS
    with ThreadPoolExecutor(READERS) as readers:
        answers = _read_all(server, readers)
        while answers[0][0] == 404 and time.monotonic() < deadline:
            answers = _read_all(server, readers)
        answers = _read_all(server, readers)  # every worker, now that it is live

    for status, body in answers:
        assert status == 200, server.log()
        assert "Midnight market" in body
    with app.app_context():
        assert db.session.get(Page, page_id).status == "published"
        assert db.session.get(PublishingSchedule, page_id) is None
        revisions = select(func.count()).where(Revision.page_id == page_id)
        assert db.session.scalar(revisions) == 1
    assert "Traceback" not in server.log(), server.log()
