"""Site settings, edited by admins at /admin/settings: what readers see once they are saved
(every stored page and list follows at once, with no command), what is refused and why, and
that two admins cannot silently overwrite each other."""

import feedparser
import pytest
from sqlalchemy import event, select, text

from blog.extensions import db
from blog.models import SiteSettings

from helpers.image_blocks import png
from helpers.published_pages import make_published_page
from helpers.site_settings import SETTINGS_URL, settings_form, shown_settings

LINKS = [("About", "/about"), ("Mastodon", "https://social.example/@soup")]


@pytest.fixture
def site(app):
    """A published article tagged "Winter", its page and list stored for readers."""
    make_published_page(app, "Leek soup", "leek-soup", tags=("Winter",))
    return app


def _stored(app) -> list[tuple]:
    with app.app_context():
        return db.session.execute(select(SiteSettings.title, SiteSettings.version)).all()


def test_until_an_admin_saves_the_site_shows_blog_title(make_app):
    app = make_app(BLOG_TITLE="The Soup Kitchen")
    make_published_page(app, "Leek soup", "leek-soup")
    shown = shown_settings(app.test_client().get("/leek-soup").text)
    assert (shown.title, shown.site_name, shown.language) == (
        "Leek soup · The Soup Kitchen",
        "The Soup Kitchen",
        "en",
    )
    assert (shown.footer, shown.og_image) == ("", None)


def test_saved_settings_show_on_every_reader_page_without_a_command(site, auth, client):
    auth.login_as("admin")
    saved = client.post(SETTINGS_URL, data=settings_form(links=LINKS))
    assert saved.status_code == 303
    reader = site.test_client()
    for path in ("/", "/leek-soup", "/tags/winter"):
        shown = shown_settings(reader.get(path).text)
        assert shown.title.endswith("Soup Weekly"), path
        assert (shown.site_name, shown.language) == ("Soup Weekly", "en-GB"), path
        assert "Recipes for every season." in shown.header, path
        assert shown.links[:3] == [*LINKS, ("Search", "/search")], path
        assert shown.footer == "Written in a small kitchen.", path
    feed = feedparser.parse(reader.get("/feed.xml").data)
    assert (feed.feed.title, feed.feed.subtitle) == ("Soup Weekly", "Recipes for every season.")


def test_saving_changes_what_the_stored_pages_are_validated_by(site, auth, client):
    reader = site.test_client()
    before = {path: reader.get(path).headers["ETag"] for path in ("/", "/leek-soup")}
    auth.login_as("admin")
    client.post(SETTINGS_URL, data=settings_form())
    for path, etag in before.items():
        again = reader.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 200, path
        assert "Soup Weekly" in again.text, path


def test_the_form_shows_the_settings_in_force_and_their_version(site, auth, client):
    auth.login_as("admin")
    client.post(SETTINGS_URL, data=settings_form(links=LINKS))
    form = client.get(SETTINGS_URL).text
    for value in ("Soup Weekly", "en-GB", "/about", "Mastodon", 'name="version" value="1"'):
        assert value in form


def test_the_default_social_image_is_shared_and_readers_can_fetch_it(site, auth, client):
    auth.login_as("admin")
    upload = settings_form(image=png())
    assert client.post(SETTINGS_URL, data=upload).status_code == 303
    image = shown_settings(site.test_client().get("/leek-soup").text).og_image
    assert image.startswith(f"{site.config['BLOG_BASE_URL']}/media/")
    path = image.removeprefix(site.config["BLOG_BASE_URL"])
    assert site.test_client().get(path).mimetype == "image/png"  # anonymous: public now


def test_removing_the_social_image_leaves_pages_without_one(site, auth, client):
    auth.login_as("admin")
    upload = settings_form(image=png())
    client.post(SETTINGS_URL, data=upload)
    assert shown_settings(site.test_client().get("/").text).og_image is not None
    client.post(SETTINGS_URL, data=settings_form(version=1, remove_social_image="yes"))
    assert shown_settings(site.test_client().get("/").text).og_image is None


REFUSED = {
    "empty title": ({"title": "  "}, "Give the site a title."),
    "long title": ({"title": "x" * 121}, "Shorten the title to 120 characters or fewer."),
    "long description": ({"description": "x" * 301}, "300 characters or fewer"),
    "long footer": ({"footer": "x" * 501}, "500 characters or fewer"),
    "bad language": ({"language": "english please"}, "Give the language as a tag"),
    "script address": ({"links": [("Home", "javascript:alert(1)")]}, "starting with http://"),
    "other site's path": ({"links": [("Home", "//evil.example/")]}, "starting with http://"),
    "mail address": ({"links": [("Mail", "mailto:me@example.com")]}, "starting with http://"),
    "address without words": ({"links": [("", "/about")]}, "Give the link the words"),
    "words without address": ({"links": [("About", "")]}, "Give the link an address."),
    "not an image": ({"image": b"GIF? not really"}, "That file is not an image"),
}


@pytest.mark.parametrize("fields, message", REFUSED.values(), ids=REFUSED.keys())
def test_bad_input_is_refused_with_a_message_and_nothing_stored(
    site, auth, client, fields, message
):
    auth.login_as("admin")
    front = site.test_client().get("/").text
    response = client.post(SETTINGS_URL, data=settings_form(**fields))
    assert response.status_code == 422
    assert message in response.text
    assert "Nothing was saved" in response.text
    assert _stored(site) == []
    assert site.test_client().get("/").text == front


def test_a_refused_form_keeps_what_was_typed(site, auth, client):
    auth.login_as("admin")
    response = client.post(SETTINGS_URL, data=settings_form(title="", links=LINKS))
    assert 'value="https://social.example/@soup"' in response.text
    assert 'value="Recipes for every season."' in response.text


@pytest.mark.parametrize("role", ["author", "editor"])
def test_only_admins_change_the_settings(site, auth, client, role):
    auth.login_as(role)
    assert client.get(SETTINGS_URL).status_code == 403
    assert client.post(SETTINGS_URL, data=settings_form()).status_code == 403
    assert _stored(site) == []


def test_a_form_opened_before_another_admins_save_is_refused_in_words(site, auth, client):
    auth.login_as("admin")
    client.post(SETTINGS_URL, data=settings_form(title="First admins title"))
    stale = client.post(SETTINGS_URL, data=settings_form(version=0, title="Second title"))
    assert stale.status_code == 409
    assert "Another admin saved the settings while you were editing them" in stale.text
    assert "First admins title" in stale.text  # theirs, shown
    assert 'value="Second title"' in stale.text  # what was typed is not lost
    assert 'name="version" value="1"' in stale.text  # Save again replaces theirs
    assert _stored(site) == [("First admins title", 1)]


def test_a_save_committed_between_reading_and_writing_is_not_overwritten(site, auth, client):
    auth.login_as("admin")
    client.post(SETTINGS_URL, data=settings_form(title="First"))
    with site.app_context():
        engine = db.engine

    met = []

    def another_admin_saves(conn, cursor, statement, *_):
        # Just before this request writes, another admin's save commits on its own connection.
        if not met and statement.lstrip().upper().startswith("UPDATE SITE_SETTINGS"):
            met.append(True)
            with engine.connect() as other, other.begin():
                other.execute(text("UPDATE site_settings SET title = 'Meanwhile', version = 2"))

    event.listen(engine, "before_cursor_execute", another_admin_saves)
    try:
        response = client.post(SETTINGS_URL, data=settings_form(version=1, title="Mine"))
    finally:
        event.remove(engine, "before_cursor_execute", another_admin_saves)
    assert met == [True]
    assert response.status_code == 409
    assert "Meanwhile" in response.text
    assert _stored(site) == [("Meanwhile", 2)]


def test_pages_still_render_when_the_settings_cannot_be_read(make_app):
    # As before `flask db upgrade` made the table, or while the database fails: the error
    # page (here a 404) must render, with BLOG_TITLE.
    app = make_app(BLOG_TITLE="The Soup Kitchen")
    with app.app_context():
        SiteSettings.__table__.drop(db.engine)
    try:
        response = app.test_client().get("/no-such-page")
    finally:
        with app.app_context():
            SiteSettings.__table__.create(db.engine)
    assert response.status_code == 404
    assert shown_settings(response.text).site_name == "The Soup Kitchen"
