"""Writing a comment and watching a video, as a reader does in Chromium: the thanks shows
where the reader is, the spam trap is nowhere a person or a screen reader meets it, and a
video costs no request to its provider until the reader presses Play."""

from playwright.sync_api import expect

from helpers.published_pages import make_published_page
from helpers.reader_pages import PLAYER_URL, VIDEO_URL, article_with_comments, video_article

THANKS = "Thank you. Your comment will appear once a moderator approves it."


def test_the_thanks_for_a_comment_is_in_view_after_posting(app, page):
    article_with_comments(app, "leek-soup", count=8)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/leek-soup")
    page.get_by_label("Name").fill("Priya N.")
    page.get_by_label("Comment", exact=True).fill("Lovely soup.")
    page.get_by_role("button", name="Post comment").click()

    thanks = page.get_by_role("status").filter(has_text=THANKS)
    expect(thanks).to_be_in_viewport()
    assert "N.." not in page.locator("main").inner_text()


def test_the_spam_trap_is_hidden_from_people_and_from_screen_readers(app, page):
    make_published_page(app, "Leek soup", "leek-soup")
    page.goto("/leek-soup")
    form = page.locator("form.comment-form")
    trap = page.locator("#comment-website")

    expect(trap).not_to_be_in_viewport()
    assert "Leave this field empty" not in form.aria_snapshot()
    page.get_by_label("Comment", exact=True).focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Post comment")).to_be_focused()


def test_a_video_loads_nothing_from_its_provider_until_play_is_pressed(app, page):
    video_article(app)
    asked: list[str] = []
    page.context.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: (
            asked.append(route.request.url),
            route.fulfill(body="<p>player</p>", content_type="text/html"),
        ),
    )
    page.goto("/soup-video")
    expect(page.get_by_role("link", name="Watch the video on YouTube")).to_have_attribute(
        "href", VIDEO_URL
    )
    assert asked == [] and page.locator("iframe").count() == 0

    page.get_by_role("button", name="Play video on YouTube").click()

    player = page.frame_locator("iframe[title='YouTube video']")
    expect(player.get_by_text("player")).to_be_visible()
    assert [url.split("?")[0] for url in asked] == [PLAYER_URL]
    expect(page.get_by_role("link", name="Watch the video on YouTube")).to_be_visible()


def test_without_javascript_a_video_is_a_link_to_it(app, no_js_page):
    video_article(app)
    no_js_page.goto("/soup-video")
    expect(no_js_page.get_by_role("link", name="Watch the video on YouTube")).to_be_visible()
    expect(no_js_page.get_by_role("button", name="Play video on YouTube")).to_be_hidden()
