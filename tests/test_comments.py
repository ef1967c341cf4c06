"""Readers' comments: the form under an article, moderation before anything is shown, plain
text only, and refusals of abuse that say what was wrong and store nothing."""

import pytest

from blog.comments import BODY_MAX

from helpers.builder_pages import parse_html
from helpers.published_pages import (
    PAGES_READERS_CANNOT_SEE,
    approve_comments,
    comment_times,
    make_published_page,
    stored_comments,
)

ARTICLE = "/leek-soup"
AWAITS_MODERATION = "Your comment will appear once a moderator approves it."


@pytest.fixture
def page_id(app) -> int:
    """A published page, "Leek soup", at ARTICLE."""
    return make_published_page(app, "Leek soup", "leek-soup")


def _post(client, name: str = "Ada", comment: str = "Lovely soup.", **fields):
    return client.post(f"{ARTICLE}/comments", data={"name": name, "comment": comment, **fields})


def _shown_comments(client) -> list:
    tree = parse_html(client.get(ARTICLE).get_data(as_text=True))
    return tree.find_all("li", class_="comment")


def _label_of(form, field) -> str:
    (label,) = form.find_all("label", **{"for": field.id})
    return label.text


def test_article_offers_a_form_to_write_a_comment(client, page_id):
    tree = parse_html(client.get(ARTICLE).get_data(as_text=True))
    (form,) = tree.find_all("form", class_="comment-form")
    (name,) = form.find_all("input", name="name")
    (body,) = form.find_all("textarea", name="comment")

    assert form.find("write-comment").text == "Write a comment"
    # The page's own address for comments, which no slug change moves.
    assert (form.attrs["method"], form.attrs["action"]) == (
        "post",
        f"/pages/{page_id}/comments#write-comment",
    )
    assert (_label_of(form, name), _label_of(form, body)) == ("Name", "Comment")
    assert [button.text for button in form.find_all("button")] == ["Post comment"]


def test_valid_comment_is_held_for_moderation_and_the_reader_is_told(app, client, page_id):
    response = _post(client, "Ada", "Lovely soup.")
    shown = parse_html(client.get(response.headers["Location"]).get_data(as_text=True))

    assert response.status_code == 303
    assert [flash.text for flash in shown.find_all(class_="flash")] == [
        f"Thank you. {AWAITS_MODERATION}"
    ]
    assert stored_comments(app) == [("Ada", "Lovely soup.", "pending")]


def test_comment_is_not_shown_until_approved(app, client, page_id):
    _post(client, "Ada", "Lovely soup.")

    assert _shown_comments(client) == []  # the writer
    assert _shown_comments(app.test_client()) == []  # anyone else


def test_approved_comments_are_shown_oldest_first_with_their_time(app, client, page_id):
    _post(client, "Ada", "First!")
    _post(client, "Grace", "Second.")
    approve_comments(app, page_id)

    comments = _shown_comments(app.test_client())

    assert [c.find_all("strong")[0].text for c in comments] == ["Ada", "Grace"]
    assert [c.find_all(class_="comment-body")[0].text for c in comments] == ["First!", "Second."]
    assert [c.find_all("time")[0].attrs["datetime"] for c in comments] == [
        moment.replace(microsecond=0).isoformat() + "Z" for moment in comment_times(app)
    ]


def test_comment_is_shown_as_plain_text(app, client, page_id):
    _post(client, "<b>Ada</b>", '<script>alert("hi")</script> and **no** <em>markup</em>')
    approve_comments(app, page_id)

    (comment,) = _shown_comments(app.test_client())

    assert not comment.find_all("script") and not comment.find_all("em")
    assert comment.find_all("strong")[0].text == "<b>Ada</b>"
    assert comment.find_all(class_="comment-body")[0].text == (
        '<script>alert("hi")</script> and **no** <em>markup</em>'
    )


def test_paragraphs_typed_in_a_browser_stay_paragraphs(app, client, page_id):
    _post(client, comment="Lovely soup.\r\n\r\nI added thyme.")  # browsers send CRLF
    approve_comments(app, page_id)

    (comment,) = _shown_comments(app.test_client())

    body = comment.find_all(class_="comment-body")[0]
    assert [paragraph.text for paragraph in body.find_all("p")] == [
        "Lovely soup.",
        "I added thyme.",
    ]


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"comment": ""}, "Write something before posting."),
        ({"comment": "   \n  "}, "Write something before posting."),
        ({"comment": "x" * 20_000}, f"Comments can be up to {BODY_MAX} characters"),
        ({"name": ""}, "Tell us your name"),
        ({"website": "https://spam.example"}, "If you wrote it yourself, post it again"),
    ],
    ids=["empty", "blank", "20,000 characters", "no name", "honeypot filled"],
)
def test_abusive_comment_is_refused_with_a_message_and_nothing_is_stored(
    app, client, page_id, fields, message
):
    response = _post(client, **fields)
    errors = parse_html(response.get_data(as_text=True)).find_all(class_="field-error")

    assert response.status_code == 422
    assert any(message in error.text for error in errors), [error.text for error in errors]
    assert stored_comments(app) == []


def test_a_ten_megabyte_comment_is_refused_unread_and_not_shown_back(app, client, page_id):
    response = _post(client, comment="soup " * 2_000_000)
    assert response.status_code == 413
    errors = parse_html(response.text).find_all(class_="field-error")
    assert [error.text for error in errors] == [f"Comments can be up to {BODY_MAX} characters."]
    assert "soup soup" not in response.text
    assert len(response.data) < 100_000
    assert stored_comments(app) == []


def test_a_reader_whose_browser_filled_the_spam_trap_gets_their_words_back(app, client, page_id):
    response = _post(client, "Ada", "Lovely soup.", website="Ada's site")
    form = parse_html(response.get_data(as_text=True)).find_all("form", class_="comment-form")[0]

    assert response.status_code == 422
    assert form.find_all("input", name="name")[0].attrs["value"] == "Ada"
    assert form.find_all("textarea", name="comment")[0].text == "Lovely soup."
    assert form.find_all("input", name="website")[0].attrs.get("value") in (None, "")
    assert stored_comments(app) == []


@pytest.fixture
def limited_client(make_app):
    """A client of an app that applies its rate limits, with a published page at ARTICLE."""
    app = make_app(RATELIMIT_ENABLED=True, WTF_CSRF_ENABLED=False)
    make_published_page(app, "Leek soup", "leek-soup")
    return app, app.test_client()


def test_eleventh_comment_in_a_minute_from_one_client_is_refused(limited_client):
    app, client = limited_client
    answers = [_post(client, comment=f"Comment {number}").status_code for number in range(1, 12)]

    assert answers == [303] * 10 + [429]
    assert [body for _, body, _ in stored_comments(app)] == [f"Comment {n}" for n in range(1, 11)]


def test_reader_over_the_comment_limit_is_told_to_wait(limited_client):
    _, client = limited_client
    for number in range(10):  # as a browser does: each answer's redirect followed
        client.post(
            ARTICLE + "/comments",
            data={"name": "Ada", "comment": f"Comment {number}"},
            follow_redirects=True,
        )

    response = _post(client, comment="One more")
    text = parse_html(response.get_data(as_text=True)).find("main").text

    assert response.status_code == 429
    assert response.headers["Retry-After"]
    assert "wait" in text.lower(), text


@pytest.mark.parametrize("make_page", PAGES_READERS_CANNOT_SEE, ids=lambda f: f.__name__)
def test_comment_on_a_page_readers_cannot_see_is_not_found(app, client, make_page):
    make_page(app)

    response = _post(client)

    assert response.status_code == 404
    assert stored_comments(app) == []
