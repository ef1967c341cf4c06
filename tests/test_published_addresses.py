"""A published page's address moves only when it is published, by someone who may publish:
an author's slug change waits in the draft, Publish moves the page, and every former address
leads to where the page is now, for readers and for the comment forms stored pages hold."""

import pytest

from blog.extensions import db
from blog.models import Page

from helpers.builder_pages import build_page, parse_html
from helpers.published_pages import make_published_page, stored_comments
from helpers.support import PASSWORD

ARTICLE, MOVED = "/leek-soup", "/leek-stew"


def _details(slug: str, title: str = "Leek soup") -> dict[str, str]:
    return {"title": title, "slug": slug, "summary": "", "tags": ""}


@pytest.fixture
def authors_page(app, auth) -> int:
    """A published page by the author who is logged in, at ARTICLE."""
    auth.login_as("author")
    return make_published_page(app, "Leek soup", "leek-soup", author_email="author@example.com")


def _moved_by_author(client, page_id: int) -> None:
    saved = client.post(f"/builder/pages/{page_id}/details", data=_details("leek-stew"))
    assert saved.status_code == 303, saved.text


def _publish_as_editor(app, make_user, page_id: int):
    editor = app.test_client()
    make_user("editor")
    editor.post("/login", data={"email": "editor@example.com", "password": PASSWORD})
    return editor.post(f"/builder/pages/{page_id}/publish")


def test_an_authors_slug_change_leaves_the_live_address_where_it_is(app, client, authors_page):
    _moved_by_author(client, authors_page)
    reader = app.test_client()

    assert reader.get(ARTICLE).status_code == 200
    assert reader.get(MOVED).status_code == 404
    assert client.get(ARTICLE).status_code == 200  # with a session, through Flask


def test_the_editor_says_the_slug_will_move_on_publish(app, client, authors_page):
    _moved_by_author(client, authors_page)

    editor = parse_html(client.get(f"/builder/pages/{authors_page}").text)

    (slug,) = editor.find_all("input", name="slug")
    assert slug.attrs["value"] == "leek-stew"
    note = editor.find(slug.attrs["aria-describedby"]).text
    assert note.startswith("Will move on publish: readers find this page at /leek-soup")
    assert "/leek-stew" in note


def test_publishing_by_an_editor_moves_the_address_and_the_old_one_leads_there(
    app, client, make_user, authors_page
):
    _moved_by_author(client, authors_page)

    published = _publish_as_editor(app, make_user, authors_page)
    reader = app.test_client()
    old = reader.get(ARTICLE)

    assert published.status_code == 303
    assert reader.get(MOVED).status_code == 200
    assert (old.status_code, old.headers["Location"]) == (301, MOVED)
    assert client.get(ARTICLE).headers["Location"] == MOVED  # with a session too
    feed = reader.get("/feed.xml").text
    assert f"{MOVED}</id>" in feed and f"{ARTICLE}<" not in feed


def test_a_page_moved_back_to_a_former_address_is_there_and_the_other_leads_back(app, auth):
    editor = auth.login_as("editor")
    page = build_page(app, editor, title="Leek soup", slug="leek-soup", published=True)
    for slug in ("leek-stew", "leek-soup"):
        auth.client.post(f"/builder/pages/{page.id}/details", data=_details(slug))
        auth.client.post(f"/builder/pages/{page.id}/publish")
    reader = app.test_client()

    assert reader.get(ARTICLE).status_code == 200
    assert reader.get(MOVED).headers["Location"] == ARTICLE


def test_every_former_address_leads_to_the_page_in_one_hop(app, auth):
    """A chain of moves collapses: the first address goes straight to the last."""
    editor = auth.login_as("editor")
    page = build_page(app, editor, title="Leek soup", slug="leek-soup", published=True)
    for slug in ("leek-stew", "leek-broth", "leek-pie"):
        auth.client.post(f"/builder/pages/{page.id}/details", data=_details(slug))
        auth.client.post(f"/builder/pages/{page.id}/publish")
    reader = app.test_client()
    for former in (ARTICLE, MOVED, "/leek-broth"):
        answer = reader.get(former)
        assert (answer.status_code, answer.headers["Location"]) == (301, "/leek-pie")
    assert reader.get("/leek-pie").status_code == 200


def test_another_page_cannot_take_a_former_address(app, auth):
    editor = auth.login_as("editor")
    page = build_page(app, editor, title="Leek soup", slug="leek-soup", published=True)
    auth.client.post(f"/builder/pages/{page.id}/details", data=_details("leek-stew"))
    auth.client.post(f"/builder/pages/{page.id}/publish")
    other = build_page(app, editor, title="Other")

    refused = auth.client.post(
        f"/builder/pages/{other.id}/details", data=_details("leek-soup", "Other")
    )

    assert refused.status_code == 422
    assert "“leek-soup” is a former address of another page" in refused.text
    assert app.test_client().get(ARTICLE).headers["Location"] == MOVED


def test_a_comment_from_the_stored_pages_form_is_taken_after_the_page_moved(
    app, client, make_user, authors_page
):
    stored_page = parse_html(app.test_client().get(ARTICLE).text)
    (form,) = stored_page.find_all("form", class_="comment-form")
    _moved_by_author(client, authors_page)
    _publish_as_editor(app, make_user, authors_page)

    posted = app.test_client().post(
        form.attrs["action"].split("#")[0], data={"name": "Ada", "comment": "Lovely."}
    )

    assert posted.status_code == 303
    assert posted.headers["Location"] == f"{MOVED}?comment=held#comment-held"
    assert stored_comments(app) == [("Ada", "Lovely.", "pending")]


def test_a_comment_posted_to_the_per_slug_address_of_a_page_that_moved_is_taken(
    app, client, make_user, authors_page
):
    # Article pages stored before comments had their own address post to /<slug>/comments.
    _moved_by_author(client, authors_page)
    _publish_as_editor(app, make_user, authors_page)

    posted = app.test_client().post(
        f"{ARTICLE}/comments", data={"name": "Ada", "comment": "Lovely."}
    )

    assert posted.status_code == 303
    assert stored_comments(app) == [("Ada", "Lovely.", "pending")]


def test_rendering_stored_pages_again_gives_their_forms_the_address_that_never_moves(app):
    page_id = make_published_page(app, "Leek soup", "leek-soup")
    with app.app_context():  # the stored page as published before comments had that address
        revision = db.session.get(Page, page_id).published_revision
        revision.reader_html = revision.reader_html.replace(
            f"/pages/{page_id}/comments", f"{ARTICLE}/comments"
        )
        db.session.commit()
    before = _comment_form_action(app)

    app.test_cli_runner().invoke(args=["pages", "rerender"])

    assert before == f"{ARTICLE}/comments#write-comment"
    assert _comment_form_action(app) == f"/pages/{page_id}/comments#write-comment"


def _comment_form_action(app) -> str:
    (form,) = parse_html(app.test_client().get(ARTICLE).text).find_all(
        "form", class_="comment-form"
    )
    return form.attrs["action"]
