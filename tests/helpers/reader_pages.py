"""Published pages that strain a reader's layout (a long line of code in a narrow column, a
video, many comments) and how wide a tab's page is, for the browser tests of the public site."""

from playwright.sync_api import Page

from helpers.published_pages import (
    approve_comments,
    make_published_page,
    one_column,
    text_block,
)

LONG_CODE_LINE = "result = " + " + ".join(f"ingredient_{number}" for number in range(60))
VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
PLAYER_URL = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"


def code_block(code: str, language: str = "python") -> dict:
    return {"type": "code", "data": {"code": code, "language": language}}


def wide_article(app, slug: str = "wide-soup") -> int:
    """A page with a long code line on its own, in the text column of a "1/3 + 2/3" row and
    in a text block's Markdown, a link to another site, and a tag."""
    rows = [
        one_column(code_block(LONG_CODE_LINE)),
        {
            "layout": "1-2",
            "columns": [
                [text_block("Stock, leeks and time.")],
                [text_block("Simmer it all."), code_block(LONG_CODE_LINE)],
            ],
        },
        one_column(
            text_block("The [original recipe](https://recipes.example/leek-soup)."),
            text_block(f"In a text block too:\n\n```\n{LONG_CODE_LINE}\n```"),
        ),
    ]
    return make_published_page(app, "Wide soup", slug, rows, tags=("Soups",))


def video_article(app, slug: str = "soup-video") -> int:
    rows = [one_column({"type": "embed", "data": {"url": VIDEO_URL}})]
    return make_published_page(app, "Soup on video", slug, rows)


def article_with_comments(app, slug: str, count: int) -> int:
    """A published page with `count` approved comments, each several paragraphs long."""
    page_id = make_published_page(app, "Leek soup", slug)
    client = app.test_client()
    body = "\n\n".join(["Lovely soup; I added thyme and a little cream at the end."] * 4)
    for number in range(count):
        client.post(f"/{slug}/comments", data={"name": f"Reader {number}", "comment": body})
    approve_comments(app, page_id)
    return page_id


def page_width(tab: Page) -> int:
    """How wide the document is: more than the viewport means the page scrolls sideways."""
    return tab.evaluate("() => document.documentElement.scrollWidth")
