"""Scheduled publishing beyond the editor's form: two processes noticing a due page at once
publish it once; `flask pages publish-due` for cron; each process asks at most once in its
interval; a page in the Trash, or scheduled by someone who may no longer publish, stays off
the site. Time is the test's hand clock (app setting CLOCK)."""

from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from blog.extensions import db
from blog.models import PublishingSchedule, Revision, User
from blog.schedule import publish_due

from helpers.builder_pages import put_in_trash
from helpers.clocks import HandClock, hand_clock
from helpers.published_pages import AUTHOR_EMAIL, make_draft_page, person
from helpers.request_races import second_meets_first


def _scheduled_page(app, slug: str, publish_at: datetime) -> int:
    """A draft page by an editor, scheduled (as the form does) to go live at publish_at."""
    page_id = make_draft_page(app, slug.replace("-", " ").capitalize(), slug)
    with app.app_context():
        editor = db.session.get(User, person(app))
        db.session.add(
            PublishingSchedule(page_id=page_id, publish_at=publish_at, scheduled_by=editor)
        )
        db.session.commit()
    return page_id


def _revision_count(app, page_id: int) -> int:
    with app.app_context():
        return db.session.scalar(
            select(func.count()).select_from(Revision).where(Revision.page_id == page_id)
        )


def _is_live(app, slug: str) -> bool:
    return app.test_client().get(f"/{slug}").status_code == 200


def test_two_processes_noticing_a_due_page_at_once_publish_it_once(app):
    clock = hand_clock(app)
    page_id = _scheduled_page(app, "tide-tables", clock.now - timedelta(minutes=1))
    with app.app_context():
        postgres = db.engine.dialect.name == "postgresql"

    def notice() -> list[int]:
        with app.app_context():
            return publish_due(clock.now)

    def meeting_point(sql: str) -> bool:
        # PostgreSQL: the first has taken the schedule and is publishing, so the second's
        # DELETE waits for it. SQLite (one writer at a time): the first is about to take it.
        if postgres:
            return sql.startswith("INSERT INTO revisions")
        return sql.startswith("DELETE FROM publishing_schedules")

    first, second = second_meets_first(app, meeting_point, notice, notice)

    assert sorted([first, second]) == [[], [page_id]]
    assert _revision_count(app, page_id) == 1
    assert _is_live(app, "tide-tables")


def test_publish_due_command_publishes_only_what_is_due(app, runner):
    clock = hand_clock(app)
    _scheduled_page(app, "due-now", clock.now)
    _scheduled_page(app, "due-later", clock.now + timedelta(hours=1))
    result = runner.invoke(args=["pages", "publish-due"])
    assert result.exit_code == 0, result.output
    assert result.output == "Published 1 scheduled page(s).\n"
    assert _is_live(app, "due-now")
    assert not _is_live(app, "due-later")


def test_a_process_asks_at_most_once_in_its_interval_and_sees_the_page_then(make_app):
    app = make_app(WTF_CSRF_ENABLED=False, SCHEDULE_CHECK_SECONDS=30)
    # Later than any time earlier tests left this process's checks at: this request asks.
    clock = HandClock(datetime.now() + timedelta(days=2))
    app.config["CLOCK"] = clock
    assert not _is_live(app, "lamp-post")  # asked: nothing was due
    _scheduled_page(app, "lamp-post", clock.now + timedelta(seconds=10))
    clock.advance(seconds=15)
    assert not _is_live(app, "lamp-post")  # due, but this process asked 15 seconds ago
    clock.advance(seconds=16)
    assert _is_live(app, "lamp-post")


def test_a_page_in_the_trash_is_not_published_when_its_time_comes(app):
    clock = hand_clock(app)
    page_id = _scheduled_page(app, "old-news", clock.now + timedelta(minutes=5))
    put_in_trash(app, page_id)
    clock.advance(minutes=6)
    assert not _is_live(app, "old-news")
    assert _revision_count(app, page_id) == 0
    with app.app_context():
        assert db.session.get(PublishingSchedule, page_id) is None


def test_a_schedule_by_someone_who_may_no_longer_publish_is_not_carried_out(app):
    clock = hand_clock(app)
    page_id = _scheduled_page(app, "hot-take", clock.now + timedelta(minutes=5))
    with app.app_context():
        db.session.execute(update(User).where(User.email == AUTHOR_EMAIL).values(role="author"))
        db.session.commit()
    clock.advance(minutes=6)
    assert not _is_live(app, "hot-take")
    assert _revision_count(app, page_id) == 0
