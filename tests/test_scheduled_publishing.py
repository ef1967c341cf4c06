"""Scheduled publishing: "Publish at" a time, and the page goes live by itself when a request
(a reader's will do) arrives after that time, on the front page, feed and sitemap too; it can
be rescheduled or cancelled. Time is the test's hand clock (app setting CLOCK)."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from blog.extensions import db
from blog.models import Page, PublishingSchedule, Revision, User
from blog.schedule import schedule_words

from helpers.builder_pages import back_to_editor, editor_page, flash_after, parse_html
from helpers.clocks import hand_clock
from helpers.published_pages import make_draft_page, make_published_page


@pytest.fixture
def clock(app):
    return hand_clock(app)


def _schedule(client, page_id: int, publish_at: str, zone: str = "UTC", **headers):
    return client.post(
        f"/builder/pages/{page_id}/schedule",
        data={"publish_at": publish_at, "zone": zone},
        headers=headers,
    )


def _stored_schedule(app, page_id: int) -> datetime | None:
    with app.app_context():
        return db.session.scalar(
            select(PublishingSchedule.publish_at).where(PublishingSchedule.page_id == page_id)
        )


def _revisions(app, page_id: int) -> list[tuple[int, str]]:
    with app.app_context():
        return list(
            db.session.execute(
                select(Revision.number, User.email)
                .join(User, Revision.author_id == User.id)
                .where(Revision.page_id == page_id)
            )
        )


def _reader_sees(app, path: str, words: str) -> bool:
    answer = app.test_client().get(path)
    return answer.status_code == 200 and words in answer.get_data(as_text=True)


def test_a_scheduled_page_goes_live_when_a_reader_arrives_after_its_time(app, auth, client, clock):
    auth.login_as("editor")
    page_id = make_draft_page(app, "Winter market", "winter-market")
    due = clock.now + timedelta(minutes=10)
    answer = _schedule(client, page_id, clock.form_value(minutes=10))
    assert back_to_editor(answer, page_id)
    assert flash_after(client, answer)[0].startswith("Scheduled: the page goes live at")

    clock.advance(minutes=9)
    assert app.test_client().get("/winter-market").status_code == 404
    assert not _reader_sees(app, "/", "Winter market")

    clock.advance(minutes=2)
    assert _reader_sees(app, "/winter-market", "Winter market")  # the reader's own request
    for listed in ("/", "/feed.xml", "/sitemap.xml"):
        assert _reader_sees(app, listed, "winter-market"), listed
    assert _revisions(app, page_id) == [(1, "editor@example.com")]
    assert _stored_schedule(app, page_id) is None
    with app.app_context():  # dated as chosen, not when a process noticed
        assert db.session.get(Page, page_id).published_at == due


def test_the_editor_says_when_with_the_time_zone_and_reschedules(app, auth, client, clock):
    auth.login_as("editor")
    page_id = make_draft_page(app, "Moth night", "moth-night")
    _schedule(client, page_id, "2031-06-01T10:30", zone="Europe/Berlin")
    assert _stored_schedule(app, page_id) == datetime(2031, 6, 1, 8, 30)  # stored in UTC
    editor = editor_page(client.get(f"/builder/pages/{page_id}"))
    (badge,) = editor.find("page-actions").find_all("span", class_="status-badge")
    assert badge.text == "Scheduled"
    (shown,) = editor.find("schedule-state").find_all("time")
    assert shown.attrs["datetime"] == "2031-06-01T08:30:00Z"
    assert shown.text == "1 Jun 2031, 08:30 UTC"

    answer = _schedule(client, page_id, "2031-06-02T07:00")
    rescheduled = "Rescheduled: the page goes live at 2 Jun 2031, 07:00 UTC, as its draft is then."
    assert rescheduled in flash_after(client, answer)
    assert _stored_schedule(app, page_id) == datetime(2031, 6, 2, 7, 0)


def test_a_rescheduled_page_waits_for_its_new_time(app, auth, client, clock):
    auth.login_as("editor")
    page_id = make_draft_page(app, "Frost fair", "frost-fair")
    _schedule(client, page_id, clock.form_value(minutes=10))
    _schedule(client, page_id, clock.form_value(minutes=30))
    clock.advance(minutes=11)
    assert app.test_client().get("/frost-fair").status_code == 404
    clock.advance(minutes=20)
    assert _reader_sees(app, "/frost-fair", "Frost fair")


def test_a_cancelled_schedule_publishes_nothing(app, auth, client, clock):
    auth.login_as("editor")
    page_id = make_draft_page(app, "Hay rides", "hay-rides")
    _schedule(client, page_id, clock.form_value(minutes=10))
    answer = client.post(f"/builder/pages/{page_id}/schedule/cancel")
    cancelled = "Schedule cancelled: the page goes live only when published."
    assert cancelled in flash_after(client, answer)
    clock.advance(minutes=11)
    assert app.test_client().get("/hay-rides").status_code == 404
    assert _revisions(app, page_id) == []
    assert "Scheduled for" not in client.get(f"/builder/pages/{page_id}").get_data(as_text=True)
    again = client.post(f"/builder/pages/{page_id}/schedule/cancel")
    assert again.status_code == 409
    assert "no publishing time to cancel" in again.get_data(as_text=True)


@pytest.mark.parametrize(
    ("publish_at", "zone", "message"),
    [
        ("past", "UTC", "has already passed: choose a later time"),
        ("", "UTC", "Choose the date and time to publish at."),
        ("next tuesday", "UTC", "is not a date and time"),
        ("2031-06-01T10:30", "Mars/Olympus", "is not a time zone this site knows"),
    ],
)
def test_a_time_that_cannot_be_used_is_refused_in_words(
    app, auth, client, clock, publish_at, zone, message
):
    auth.login_as("editor")
    page_id = make_draft_page(app, "Apple day", "apple-day")
    if publish_at == "past":
        publish_at = clock.form_value(minutes=-1)
    answer = _schedule(client, page_id, publish_at, zone=zone)
    assert answer.status_code == 422
    assert message in answer.get_data(as_text=True)
    assert _stored_schedule(app, page_id) is None
    refused_in_place = _schedule(client, page_id, publish_at, zone=zone, **{"HX-Request": "true"})
    assert refused_in_place.status_code == 422


def test_the_current_minute_is_not_the_past(app, auth, client, clock):
    auth.login_as("editor")
    page_id = make_draft_page(app, "Bell ringing", "bell-ringing")
    clock.advance(seconds=40)
    assert _schedule(client, page_id, clock.form_value()).status_code == 303
    clock.advance(seconds=40)
    assert _reader_sees(app, "/bell-ringing", "Bell ringing")


def test_htmx_gets_sent_back_to_the_editor(app, auth, client, clock):
    auth.login_as("editor")
    page_id = make_draft_page(app, "Seed swap", "seed-swap")
    answer = _schedule(client, page_id, clock.form_value(hours=1), **{"HX-Request": "true"})
    assert answer.status_code == 200
    assert answer.headers["HX-Redirect"] == f"/builder/pages/{page_id}"


def test_an_author_can_neither_schedule_nor_see_the_form(app, auth, client, clock):
    author = auth.login_as("author")
    with app.app_context():
        email = db.session.get(User, author).email
    page_id = make_draft_page(app, "My walk", "my-walk", author_email=email)
    assert "Publish at" not in client.get(f"/builder/pages/{page_id}").get_data(as_text=True)
    assert _schedule(client, page_id, clock.form_value(hours=1)).status_code == 403
    assert client.post(f"/builder/pages/{page_id}/schedule/cancel").status_code == 403
    assert _stored_schedule(app, page_id) is None


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_publishing_or_unpublishing_by_hand_ends_the_schedule(app, auth, client, clock, action):
    auth.login_as("editor")
    page_id = make_published_page(app, "Lantern walk", "lantern-walk")
    _schedule(client, page_id, clock.form_value(hours=1))
    client.post(f"/builder/pages/{page_id}/{action}")
    assert _stored_schedule(app, page_id) is None


def _listed(client, query: str = "") -> dict[str, str]:
    """The builder's pages list: each page's title and what its status cell says."""
    listing = parse_html(client.get(f"/builder/{query}").get_data(as_text=True))
    table = listing.find_all("table", class_="page-list")[0]
    cells = [row.find_all("td") for row in table.find_all("tbody")[0].find_all("tr")]
    return {title.text: status.text for title, status, *_ in cells}


def test_the_pages_list_says_which_drafts_are_scheduled_and_for_when(app, auth, client, clock):
    auth.login_as("editor")
    waiting = make_draft_page(app, "Winter market", "winter-market")
    make_draft_page(app, "Spring notes", "spring-notes")
    make_published_page(app, "Autumn fair", "autumn-fair")
    _schedule(client, waiting, clock.form_value(minutes=10))
    when = schedule_words(_stored_schedule(app, waiting))

    assert _listed(client) == {
        "Winter market": f"Scheduled for {when}",
        "Spring notes": "Draft",
        "Autumn fair": "Published",
    }
    assert list(_listed(client, "?status=scheduled")) == ["Winter market"]
    assert sorted(_listed(client, "?status=draft")) == ["Spring notes", "Winter market"]
    assert list(_listed(client, "?status=published")) == ["Autumn fair"]
