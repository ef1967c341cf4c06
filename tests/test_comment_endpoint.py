"""The comment endpoint takes posts without a CSRF token (readers have no session), so it
guards itself: posts from other sites are refused, it never writes the session, its messages
are the site's own words, and a body larger than any comment is refused unread."""

import io

import pytest

from helpers.builder_pages import parse_html
from helpers.published_pages import make_published_page, stored_comments
from helpers.support import PASSWORD

ARTICLE = "/leek-soup"
COMMENT = {"name": "Ada", "comment": "Lovely soup."}
FROM_ANOTHER_SITE = "Comments can be posted only from this site's own pages"


@pytest.fixture
def comments_url(app) -> str:
    """The comment address of a published page at ARTICLE, as its form names it."""
    page_id = make_published_page(app, "Leek soup", "leek-soup")
    return f"/pages/{page_id}/comments"


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://localhost.evil.example"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "cross-site", "Origin": "http://localhost"},
    ],
    ids=["other origin", "opaque origin", "look-alike origin", "fetch metadata", "both"],
)
def test_a_post_from_another_site_is_refused_with_a_reason(app, comments_url, headers):
    for url in (comments_url, f"{ARTICLE}/comments"):
        response = app.test_client().post(url, data=COMMENT, headers=headers)

        assert response.status_code == 403
        assert FROM_ANOTHER_SITE in parse_html(response.text).find_all("main")[0].text
        assert "Set-Cookie" not in response.headers
    assert stored_comments(app) == []


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"},
        {"Origin": "http://127.0.0.1:5000"},  # BLOG_BASE_URL's, as a proxy may hide it
        {},  # a client that sends neither header
    ],
    ids=["same origin", "the configured base URL", "no headers"],
)
def test_a_post_from_this_site_is_taken(app, comments_url, headers):
    response = app.test_client().post(comments_url, data=COMMENT, headers=headers)

    assert response.status_code == 303
    assert stored_comments(app) == [("Ada", "Lovely soup.", "pending")]


@pytest.mark.parametrize(
    "form, status",
    [(COMMENT, 303), ({"name": "Ada", "comment": ""}, 422), ({"comment": "x" * 200_000}, 413)],
    ids=["taken", "refused", "too large"],
)
def test_posting_a_comment_never_writes_the_session(app, comments_url, form, status):
    # A browser sends no SameSite=Lax session cookie with another site's post, and would
    # take any session cookie in the answer in place of the signed-in person's.
    response = app.test_client().post(comments_url, data=form)

    assert response.status_code == status
    assert "Set-Cookie" not in response.headers


def test_a_signed_in_person_stays_signed_in_after_a_post_without_their_cookie(
    app, client, make_user, comments_url
):
    make_user("editor")
    client.post("/login", data={"email": "editor@example.com", "password": PASSWORD})

    answer = app.test_client().post(comments_url, data=COMMENT)
    for cookie in answer.headers.getlist("Set-Cookie"):  # what the browser would store
        name, value = cookie.split(";")[0].split("=", 1)
        client.set_cookie(name, value)

    assert client.get("/builder/").status_code == 200


def test_the_thanks_is_in_the_sites_words_never_in_the_posters(app, comments_url):
    reader = app.test_client()
    posted = reader.post(
        comments_url, data={"name": "Your account is locked: call 555-0100", "comment": "Hi."}
    )

    shown = parse_html(reader.get(posted.headers["Location"]).text)

    assert posted.headers["Location"] == f"{ARTICLE}?comment=held#comment-held"
    assert [message.text for message in shown.find_all(class_="flash")] == [
        "Thank you. Your comment will appear once a moderator approves it."
    ]
    assert "locked" not in shown.find_all("main")[0].text


class UnreadableBody(io.RawIOBase):
    """A request body of `size` bytes that fails the test if the server reads any of it."""

    def __init__(self, size: int):
        self.size, self.position = size, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        start = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self.size}[whence]
        self.position = start + offset
        return self.position

    def tell(self) -> int:
        return self.position

    def readinto(self, buffer) -> int:
        raise AssertionError("the server read a body it should have refused unread")


def test_a_body_larger_than_any_comment_is_refused_before_it_is_read(app, comments_url):
    response = app.test_client().post(
        comments_url,
        input_stream=UnreadableBody(129 * 1024),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 413
    assert "Comments can be up to 5000 characters." in response.text
    assert stored_comments(app) == []


def test_both_comment_addresses_share_one_rate_limit(make_app):
    app = make_app(RATELIMIT_ENABLED=True, WTF_CSRF_ENABLED=False)
    page_id = make_published_page(app, "Leek soup", "leek-soup")
    reader = app.test_client()
    for _ in range(10):
        assert reader.post(f"/pages/{page_id}/comments", data=COMMENT).status_code == 303

    assert reader.post(f"{ARTICLE}/comments", data=COMMENT).status_code == 429
