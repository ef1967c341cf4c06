"""Builder views for scheduled publishing: "Publish at" a time (Schedule, Reschedule) and
"Cancel schedule", for whoever may publish. The due page goes live by itself (blog/schedule)."""

from flask import request
from flask_login import current_user

from blog.auth.roles import can_publish, require
from blog.builder import bp
from blog.builder.loading import editable_page
from blog.builder.responses import editor_url, refused
from blog.extensions import db
from blog.htmx import respond
from blog.models import PublishingSchedule
from blog.schedule import (
    ScheduleRefused,
    cancel_schedule,
    clock,
    publishing_schedule,
    publishing_time,
    schedule_publishing,
    schedule_words,
)

bp.add_app_template_global(publishing_schedule, "publishing_schedule")
bp.add_app_template_global(schedule_words, "schedule_words")


@bp.post("/pages/<int:page_id>/schedule")
@require(can_publish)
def schedule_page(page_id: int):
    """Have the page go live at `publish_at` (a `datetime-local` value) read in the time
    zone `zone` (the browser's, sent by static/js/publish_schedule.js; UTC without it)."""
    page = editable_page(page_id)
    try:
        when = publishing_time(
            request.form.get("publish_at", ""), request.form.get("zone", "UTC"), clock()()
        )
    except ScheduleRefused as refusal:
        return refused(page.id, str(refusal))
    again = db.session.get(PublishingSchedule, page.id) is not None
    schedule_publishing(page, when, current_user)
    back = editor_url(page.id)
    db.session.commit()
    words = "Rescheduled" if again else "Scheduled"
    return respond(
        navigate_to=back,
        message=f"{words}: the page goes live at {schedule_words(when)}, as its draft is then.",
    )


@bp.post("/pages/<int:page_id>/schedule/cancel")
@require(can_publish)
def cancel_page_schedule(page_id: int):
    """Cancel the page's "Publish at" time: it stays as it is until someone publishes it."""
    page = editable_page(page_id)
    if not cancel_schedule(page):
        return refused(
            page.id,
            "This page has no publishing time to cancel (it may have gone live already).",
            status=409,
        )
    back = editor_url(page.id)
    db.session.commit()
    return respond(
        navigate_to=back, message="Schedule cancelled: the page goes live only when published."
    )
