"""Opening a page's History after 20 and after 200 publishes of a 200-block page (each
publish changes one block, and is preceded by a checkpoint): server CPU time in-process,
SQLite. History shows a window of entries, so the figure should hardly grow."""

import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from bench.editor_open import bench_app, logged_in
from bench.seed import BENCH_EMAIL, BENCH_PASSWORD, text_rows
from blog.checkpoints import take_checkpoint
from blog.extensions import db
from blog.models import Checkpoint, Page, Revision, User
from blog.publishing import publish

PUBLISHES = (20, 200)
BLOCKS = 200
OPENS = 7


def _published_page(app, times: int) -> int:
    """A page of BLOCKS text blocks, published `times` times with one block changed each."""
    with app.test_request_context():
        user = db.session.scalar(select(User).where(User.email == BENCH_EMAIL))
        if user is None:
            user = User(email=BENCH_EMAIL, name="Bench", role="editor")
            user.set_password(BENCH_PASSWORD)
        page = Page(title=f"Published {times} times", slug=f"history-{times}", author=user)
        page.rows = text_rows(BLOCKS)
        db.session.add(page)
        db.session.commit()
        blocks = [block for row in page.rows for block in row.blocks]
        for number in range(times):
            blocks[number % BLOCKS].data = {"markdown": f"Changed for publish {number}."}
            db.session.commit()
            take_checkpoint(page.id, user.id, "publish")
            publish(page, user)
            db.session.commit()
        return page.id


def _entries(app, page_id: int) -> int:
    """How many revisions and checkpoints the page has."""
    with app.app_context():
        return sum(
            db.session.scalar(select(func.count()).where(model.page_id == page_id))
            for model in (Revision, Checkpoint)
        )


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    app = bench_app(folder)
    pages = {times: _published_page(app, times) for times in PUBLISHES}
    client, _token = logged_in(app)
    print(f"Opening History of a {BLOCKS}-block page (median CPU ms of {OPENS}, in-process):")
    for times, page_id in pages.items():
        client.get(f"/builder/pages/{page_id}/history")  # templates compiled
        cpu = []
        for _ in range(OPENS):
            started = time.process_time()
            answer = client.get(f"/builder/pages/{page_id}/history")
            cpu.append((time.process_time() - started) * 1000)
            if answer.status_code != 200:
                raise RuntimeError(f"History answered {answer.status_code}")
        entries = _entries(app, page_id)
        print(f"  {times:4} publishes, {entries:4} entries: {statistics.median(cpu):7.1f} ms")


if __name__ == "__main__":
    main()
