"""Scheduled publishing: "Publish at" a time, and the pages whose time has come published by
whichever process notices first (blog/schedule_check.py, or `flask pages publish-due`).

A schedule publishes the draft as it is at the due time, through publish(): the same
revision, stored page and stored lists as Publish, in one transaction. Exactly one process
publishes a due page: each takes the page's row, then deletes its schedule row if it is still
due, and only the one whose DELETE removed the row publishes (on PostgreSQL a second process
waits for the first's commit and then finds nothing; SQLite runs one writer at a time).
"""

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import Flask, current_app
from sqlalchemy import delete, select, update
from sqlalchemy.orm import selectinload

from blog.auth.roles import can_publish
from blog.extensions import db
from blog.models import Page, PublishingSchedule, Row, User, utcnow
from blog.publishing import drop_schedule, publish

log = logging.getLogger(__name__)


class ScheduleRefused(ValueError):
    """A "Publish at" time that cannot be used; the message says why, to the editor."""


def clock(app: Flask | None = None) -> Callable[[], datetime]:
    """The app's clock: a function giving the time now as naive UTC. It is `utcnow` unless
    the app's CLOCK setting holds another (tests set one they move by hand)."""
    return (app or current_app).config.get("CLOCK") or utcnow


def publishing_time(local: str, zone: str, now: datetime) -> datetime:
    """The naive UTC time to publish at, from a `datetime-local` value ("2026-12-01T09:30")
    read in the time zone `zone` (an IANA name such as "Europe/Berlin", or "UTC").

    A time before the current minute is refused rather than taken as "now": it is most
    likely a mistyped date or zone, and going live cannot be taken back from feed readers;
    Publish is there for "now". The current minute itself is accepted (the form counts in
    minutes), and goes live at the next check."""
    if not local.strip():
        raise ScheduleRefused("Choose the date and time to publish at.")
    try:
        moment = datetime.fromisoformat(local.strip())
    except ValueError:
        raise ScheduleRefused(
            f"“{local}” is not a date and time: write it as 2026-12-01T09:30."
        ) from None
    try:
        where = ZoneInfo(zone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleRefused(f"“{zone}” is not a time zone this site knows.") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=where)
    when = moment.astimezone(UTC).replace(tzinfo=None, second=0, microsecond=0)
    if when < now.replace(second=0, microsecond=0):
        raise ScheduleRefused(
            f"{schedule_words(when)} has already passed: choose a later time, or Publish "
            "to make the page live now."
        )
    return when


def schedule_words(moment: datetime) -> str:
    """A stored time as editors read it, with its zone: "1 Dec 2026, 09:30 UTC"."""
    return f"{moment.day} {moment:%b %Y, %H:%M} UTC"


def schedule_publishing(page: Page, when: datetime, user: User) -> None:
    """Have the page go live at `when` (naive UTC), published as by `user`; a time it had
    already is replaced. The caller commits."""
    schedule = db.session.get(PublishingSchedule, page.id)
    if schedule is None:
        schedule = PublishingSchedule(page_id=page.id)
        db.session.add(schedule)
    schedule.publish_at, schedule.scheduled_by, schedule.scheduled_at = when, user, utcnow()


def cancel_schedule(page: Page) -> bool:
    """Cancel the page's "Publish at" time; False when it had none (any more). The caller
    commits."""
    return drop_schedule(page)


def publishing_times(page_ids: list[int]) -> dict[int, datetime]:
    """The "Publish at" time of each of these pages that has one (for the pages list)."""
    if not page_ids:
        return {}
    query = select(PublishingSchedule.page_id, PublishingSchedule.publish_at).where(
        PublishingSchedule.page_id.in_(page_ids)
    )
    return {page_id: publish_at for page_id, publish_at in db.session.execute(query)}


def publishing_schedule(page: Page) -> PublishingSchedule | None:
    """The page's "Publish at" time, if it has one (for the editor)."""
    return db.session.get(PublishingSchedule, page.id)


def publish_due(now: datetime) -> list[int]:
    """Publish every page whose time is `now` or earlier, one transaction each; returns the
    ids of the pages this process published (another process may have taken some)."""
    due = db.session.scalars(
        select(PublishingSchedule.page_id)
        .where(PublishingSchedule.publish_at <= now)
        .order_by(PublishingSchedule.publish_at)
    ).all()
    db.session.rollback()  # each page in a transaction of its own, from a fresh snapshot
    published = []
    for page_id in due:
        try:
            if _publish_if_still_due(page_id, now):
                published.append(page_id)
            db.session.commit()
        except Exception:
            # One page that cannot be published keeps neither the others nor the reader
            # whose request noticed it waiting; it is tried again at the next check.
            db.session.rollback()
            log.exception("Scheduled publishing of page %s failed", page_id)
    return published


def _publish_if_still_due(page_id: int, now: datetime) -> bool:
    """Take the page's schedule, if it is still there and due, and publish the page."""
    # The page's row first (an UPDATE that changes nothing), then its schedule's: the order
    # Publish takes them in, so the two wait for each other and never deadlock.
    db.session.execute(
        update(Page)
        .where(Page.id == page_id)
        .values(status=Page.status)
        .execution_options(synchronize_session=False)
    )
    taken = db.session.execute(
        delete(PublishingSchedule)
        .where(PublishingSchedule.page_id == page_id, PublishingSchedule.publish_at <= now)
        .returning(PublishingSchedule.scheduled_by_id, PublishingSchedule.publish_at)
    ).first()
    if taken is None:  # another process published it, or an editor changed the time
        return False
    scheduled_by_id, publish_at = taken
    page = db.session.scalar(
        select(Page)
        .where(Page.id == page_id)
        .options(selectinload(Page.rows).selectinload(Row.blocks), selectinload(Page.tags))
    )
    editor = db.session.get(User, scheduled_by_id)
    if page is None or page.deleted_at is not None:
        return False  # in the Trash: its schedule is done with
    if not (editor.active and can_publish(editor)):
        # The person who chose the time may no longer publish: nobody does it for them.
        log.warning("Page %s was not published: %s may no longer publish", page_id, editor.email)
        return False
    if not page.is_published:
        # Readers see the date the editor chose, not the moment a process noticed it.
        page.published_at = page.published_at or publish_at
    publish(page, editor)
    return True
