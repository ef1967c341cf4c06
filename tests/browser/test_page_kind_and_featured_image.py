"""Choosing a page's kind and its featured image in Page settings, as a person does: the
choices are saved as they are made, survive a reload, and reach readers at Publish."""

import re

from playwright.sync_api import expect

from helpers.builder_steps import log_in, settled
from helpers.image_blocks import png
from helpers.page_kinds import make_page_of_kind, picture_rows, stored_picture
from helpers.published_pages import AUTHOR_EMAIL


def _open_settings(page, page_id: int):
    page.goto(f"/builder/pages/{page_id}")
    page.get_by_text("Page settings").click()
    return page.locator("#page-details")


def _saved(page) -> None:
    """Wait for the details' save: the form swapped in again says it in the status line."""
    expect(page.get_by_role("status").filter(has_text="Page details saved.")).to_be_attached()
    settled(page)


def test_an_editor_makes_a_post_a_page_with_a_featured_image(page, live_server):
    app = live_server.app
    picture = stored_picture(app)
    page_id = make_page_of_kind(app, "About the kitchen", "about", rows=picture_rows(picture))
    log_in(page, AUTHOR_EMAIL)
    details = _open_settings(page, page_id)
    details.get_by_label("Kind").select_option(label="Page (undated, unlisted)")
    _saved(page)
    details.get_by_label("Featured image", exact=True).select_option(label="Image 1: A blue field")
    expect(details.locator("img.featured-image-preview")).to_have_attribute(
        "src", f"/media/{picture}"
    )
    settled(page)
    page.reload()
    page.get_by_text("Page settings").click()
    expect(details.get_by_label("Kind")).to_have_value("page")
    expect(details.get_by_label("Featured image", exact=True)).to_have_value(picture)
    expect(details.get_by_label("Featured image alt text")).to_have_value("A blue field")
    # Published before: the new kind and image wait for "Update", like the other details.
    page.get_by_role("button", name="Update").click()
    expect(page.get_by_role("button", name="Update")).to_have_count(0)
    page.goto("/about")
    expect(page.locator(".byline")).to_have_count(0)
    expect(page.locator('meta[property="og:image"]')).to_have_attribute(
        "content", f"{app.config['BLOG_BASE_URL'].rstrip('/')}/media/{picture}"
    )


def test_an_editor_uploads_a_featured_image(page, live_server, tmp_path):
    app = live_server.app
    page_id = make_page_of_kind(app, "Soup season", "soup-season", publish_it=False)
    log_in(page, AUTHOR_EMAIL)
    details = _open_settings(page, page_id)
    details.get_by_label("Featured image alt text").fill("A green plate")
    details.get_by_label("Featured image alt text").press("Tab")
    _saved(page)
    upload = tmp_path / "plate.png"
    upload.write_bytes(png(640, 400, (10, 160, 40)))
    details.get_by_label("Upload a featured image").set_input_files(upload)
    expect(details.get_by_label("Featured image", exact=True)).to_have_value(
        re.compile("^[0-9a-f]{64}$")
    )
    expect(details.locator("option:checked")).to_have_text(
        ["Post (dated, listed)", "Uploaded image"]
    )
    # Published, the post tells search engines about itself in JSON-LD that says what the
    # page shows: read in the browser, as a crawler that runs pages reads it.
    page.get_by_role("button", name="Publish").click()
    expect(page.locator("#page-actions .status-badge")).to_have_text("Published")
    page.goto("/soup-season")
    data = page.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').text)"
    )
    shown = page.evaluate(
        """() => ({
        headline: document.querySelector("h1").textContent.trim(),
        published: document.querySelector("time.published").getAttribute("datetime"),
        author: document.querySelector(".byline .author").textContent.trim(),
        image: document.querySelector('meta[property="og:image"]').content,
        url: document.querySelector('link[rel="canonical"]').href,
    })"""
    )
    assert data["@type"] == "Article"
    assert (data["headline"], data["datePublished"]) == (shown["headline"], shown["published"])
    assert (data["author"]["name"], data["image"]) == (shown["author"], shown["image"])
    assert data["url"] == shown["url"]
