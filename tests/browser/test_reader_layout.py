"""The public site's layout in Chromium: nothing wider than a phone, code that scrolls inside
its block, columns that keep to the article's measure, tags that read as links, and a printed
article that says where its links go."""

import pytest
from playwright.sync_api import expect

from helpers.axe import axe_violations
from helpers.builder_pages import build_page
from helpers.builder_steps import log_in
from helpers.published_pages import approve_comments, make_published_page, text_rows
from helpers.reader_pages import page_width, video_article, wide_article

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


@pytest.mark.refusals(404)
@pytest.mark.parametrize(
    "address", ["/", "/wide-soup", "/tags/soups", "/search?q=soup", "/no-such-page"]
)
def test_no_reader_page_is_wider_than_a_phone(app, phone, address):
    wide_article(app)
    phone.goto(address)
    assert page_width(phone) <= PHONE["width"]


def test_the_editor_and_the_people_admin_are_no_wider_than_a_phone(app, make_user, phone):
    admin = make_user("admin")
    for role in ("editor", "author"):
        make_user(role)
    page = build_page(app, admin, title="A rather long title for a phone")
    log_in(phone, "admin@example.com")

    for address in (f"/builder/pages/{page.id}", "/admin/users"):
        phone.goto(address)
        assert page_width(phone) <= PHONE["width"], address


def test_a_long_line_of_code_scrolls_inside_its_block(app, page):
    wide_article(app)
    page.goto("/wide-soup")
    listing = page.locator(".block-code .code-scroll").first
    scrolls = listing.evaluate("(box) => box.scrollWidth > box.clientWidth")
    assert scrolls
    assert page_width(page) <= 1280


def test_the_columns_of_a_row_stay_within_the_articles_measure(app, page):
    wide_article(app)
    page.goto("/wide-soup")
    body = page.locator(".article-body").bounding_box()
    narrow, wide = (column.bounding_box() for column in page.locator(".layout-1-2 > .column").all())

    assert wide["x"] + wide["width"] <= body["x"] + body["width"] + 1
    # The text column keeps its two thirds (less the gap), not what the code leaves it.
    assert wide["width"] > 1.8 * narrow["width"]


def test_tags_read_as_links_not_as_a_bulleted_list(app, page):
    make_published_page(app, "Leek soup", "leek-soup", text_rows("Leeks."), tags=("Soups",))
    page.goto("/leek-soup")
    tags = page.get_by_role("list", name="Tags")
    expect(tags.get_by_role("link", name="Soups")).to_be_visible()
    assert tags.evaluate("(list) => getComputedStyle(list).listStyleType") == "none"
    assert tags.evaluate("(list) => getComputedStyle(list).display") == "flex"


def test_a_printed_article_shows_where_links_go_and_no_empty_comments(app, page):
    wide_article(app)
    page.emulate_media(media="print")
    page.goto("/wide-soup")

    link = page.get_by_role("link", name="original recipe")
    after = link.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert "https://recipes.example/leek-soup" in after
    expect(page.locator("#comments")).to_be_hidden()


def test_a_printed_article_keeps_its_comments(app, page):
    page_id = make_published_page(app, "Leek soup", "leek-soup")
    app.test_client().post(f"/pages/{page_id}/comments", data={"name": "Ada", "comment": "Yum."})
    approve_comments(app, page_id)
    page.emulate_media(media="print")
    page.goto("/leek-soup")
    expect(page.get_by_role("heading", name="Comments")).to_be_visible()
    expect(page.locator(".comment-form")).to_be_hidden()


@pytest.mark.refusals(404)
@pytest.mark.parametrize("width", [390, 1280])
def test_readers_pages_with_code_tags_a_video_and_the_comment_form_pass_axe(app, page, width):
    wide_article(app)
    video_article(app)
    page.set_viewport_size({"width": width, "height": 900})
    for address in ("/", "/wide-soup", "/soup-video", "/tags/soups", "/search?q=soup", "/nowhere"):
        page.goto(address)
        assert axe_violations(page) == [], address
