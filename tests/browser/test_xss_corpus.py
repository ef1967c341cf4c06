"""No XSS payload runs: the corpus in every text field of every block type, in page titles,
summaries and tags, and in comments, loaded in Chromium as readers, editors and previewers see it.

The content is stored the way the app stores it (each block's clean(), checked_details,
checked_comment, publish), not typed into the editor field by field: that would take minutes.
One test does type a few payloads into the editor, to cover the htmx swaps. A payload that a
check refuses is a pass, and is asserted to be refused for the field it was put in.
"""

import re
from urllib.parse import quote

from playwright.sync_api import expect
from sqlalchemy import select

from blog.extensions import db
from blog.models import Tag

from helpers.builder_steps import add_block, add_row, column, log_in, save, start_new_page
from helpers.rich_text import paste, posted_markdown, rich_editor
from helpers.xss_browser import Browser, Corpus, as_in_input, squash
from helpers.xss_checks import (
    COMMENT_FIELDS,
    block_field,
    check_article_details,
    check_block_forms,
    check_blocks,
    check_comments,
    check_editor_details,
)
from helpers.xss_pages import (
    DETAILS,
    SEARCH_LENGTH,
    search_queries,
    store_content_pages,
    store_details_pages,
    typed_fields,
)
from helpers.xss_payloads import PAYLOADS

EDITOR_EMAIL = "editor@example.com"
SEARCHES = ["xss", "script", "onerror", "javascript"]


def test_the_corpus_is_large_and_each_payload_names_itself():
    assert len(PAYLOADS) >= 100
    assert len(set(PAYLOADS)) == len(PAYLOADS)
    for number, payload in enumerate(PAYLOADS):
        for named in re.findall(r"(?:__xss|alert)\((\d+)\)", payload):
            assert int(named) == number, payload


def test_no_payload_runs_from_a_block_or_a_comment(page, live_server, make_user):
    corpus = store_content_pages(live_server.server.app, make_user("editor"))
    browser = Browser(page, live_server)
    for page_id, slug in corpus.slugs.items():
        where = f"/{slug} (stored, anonymous)"
        report = browser.load(f"/{slug}")
        browser.expect("public" in report["headers"].get("cache-control", ""), where, "not stored")
        check_blocks(browser, where, report, corpus.placed[page_id])
        check_comments(browser, where, report, corpus.placed[page_id])

    log_in(page, EDITOR_EMAIL)
    for page_id, slug in corpus.slugs.items():
        placed = corpus.placed[page_id]
        report = browser.load(f"/{slug}")
        check_blocks(browser, f"/{slug} (rendered)", report, placed)
        check_comments(browser, f"/{slug} (rendered)", report, placed)
        where = f"/builder/pages/{page_id}/preview"
        check_blocks(browser, where, browser.load(where), placed)
        where = f"/builder/pages/{page_id}"
        check_blocks(browser, where, browser.load(where), placed)
        # Every block open as its edit form: the payloads in inputs and textareas.
        editing = "&".join(f"edit={id}" for id in sorted({i.id for i in placed if block_field(i)}))
        check_block_forms(browser, where, browser.load(f"{where}?{editing}"), placed)
    browser.report(corpus)
    browser.assert_clean()
    assert corpus.fields == {f"{t}.{f}" for t, f in typed_fields()} | COMMENT_FIELDS


def test_no_payload_runs_from_a_title_summary_or_tag(page, live_server, make_user):
    app = live_server.server.app
    author_id = make_user("editor")
    corpus, feed_findings = Corpus(), []
    with app.app_context():
        in_feed = store_details_pages(app, author_id, corpus, feed_findings)
        # A tag's own page adds one place for its name, <title> (articles show every tag
        # name in links and attributes): open those whose name tries to close an element.
        tags = db.session.scalars(select(Tag)).all()
        tag_slugs = [tag.slug for tag in tags if "</" in tag.name]
    pages = list(corpus.placed.values())
    assert {(title.value, summary.value) for title, summary, _ in pages} <= in_feed

    browser = Browser(page, live_server)
    browser.findings += feed_findings
    for page_id, slug in corpus.slugs.items():
        where = f"/{slug} (stored, anonymous)"
        check_article_details(browser, where, browser.load(f"/{slug}"), corpus.placed[page_id])
    teasers, number, more = [], 1, True
    while more:
        teasers += map(squash, browser.load(f"/?page={number}")["teasers"])
        more, number = page.get_by_role("link", name="Older").count() > 0, number + 1
    for title, summary, _ in pages:
        shown = squash(f"{title.value} / {summary.value}") in teasers
        browser.expect(shown, "/", f"{title} or {summary} is not on the front page")
    for slug in tag_slugs:
        browser.load(f"/tags/{slug}")
    for query in SEARCHES + search_queries():
        report = browser.load(f"/search?q={quote(query)}")
        shown = as_in_input(query.strip()[:SEARCH_LENGTH])
        browser.expect(report["search"] == shown, f"/search?q={query}", "query not as typed")

    log_in(page, EDITOR_EMAIL)
    for page_id in corpus.slugs:
        where = f"/builder/pages/{page_id}"
        check_editor_details(browser, where, browser.load(where), corpus.placed[page_id])
    listed = [squash(title) for title in browser.load("/builder/")["listed"]]
    for title, _, _ in pages:
        browser.expect(squash(title.value) in listed, "/builder/", f"{title} is not listed")
    browser.report(corpus)
    browser.assert_clean()
    assert corpus.fields == {f"page.{name}" for name in DETAILS}


def test_payloads_typed_into_the_editor_and_the_comment_form_do_not_run(
    page, live_server, make_user
):
    make_user("editor")
    browser = Browser(page, live_server)
    log_in(page, EDITOR_EMAIL)
    start_new_page(page)
    target = column(add_row(page, "1 column"), 0)

    heading = add_block(target, "Heading")
    heading.get_by_label("Text", exact=True).fill(PAYLOADS[6])
    save(heading)
    expect(target.locator(".block-heading")).to_have_text(PAYLOADS[6])
    text = add_block(target, "Text")
    expect(rich_editor(text)).to_be_focused()
    page.keyboard.insert_text(" ".join(PAYLOADS[114:130]))
    save(text)
    browser.scan("editor, a Heading and a Text saved")

    target.locator(".block-preview").first.click()
    form = target.locator("form.editing")
    form.get_by_label("Text", exact=True).fill(PAYLOADS[102])
    save(form)
    expect(target.locator(".block-heading")).to_have_text(PAYLOADS[102])
    browser.scan("editor, the Heading edited in place")

    # A refused link comes back in the form as typed, with its message, and runs nothing.
    button = add_block(target, "Button")
    button.get_by_label("Label", exact=True).fill(PAYLOADS[8])
    button.get_by_label("Link", exact=True).fill(PAYLOADS[34])
    button.get_by_role("button", name="Save").click()
    expect(button.locator(".field-error")).to_be_visible()
    expect(button.get_by_label("Link", exact=True)).to_have_value(PAYLOADS[34])
    browser.scan("editor, a Button with a javascript: link refused")

    title = page.get_by_label("Title", exact=True)
    with page.expect_response(lambda response: response.url.endswith("/details")):
        title.fill(PAYLOADS[5])
        title.press("Tab")
    browser.scan("editor, the title saved")
    page.reload()
    browser.scan("editor, reloaded")
    expect(page.get_by_label("Title", exact=True)).to_have_value(PAYLOADS[5])

    page.get_by_role("button", name="Publish").click()
    with page.expect_navigation():
        page.get_by_role("link", name="View live page").click()
    browser.scan("article, rendered for its editor")
    page.get_by_label("Name", exact=True).fill(PAYLOADS[101])
    page.get_by_label("Comment", exact=True).fill(PAYLOADS[6])
    with page.expect_navigation():
        page.get_by_role("button", name="Post comment").click()
    # The thanks is the site's own words: nothing the poster typed is shown back in it.
    expect(page.get_by_role("status").first).to_have_text(
        "Thank you. Your comment will appear once a moderator approves it."
    )
    browser.scan("article, thanked for a comment")
    page.get_by_label("Name", exact=True).fill("")
    page.get_by_label("Comment", exact=True).fill(PAYLOADS[6])
    with page.expect_navigation():
        page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_label("Comment", exact=True)).to_have_value(PAYLOADS[6])
    browser.scan("article, a comment without a name refused")
    browser.assert_clean()


def test_payloads_typed_and_pasted_into_the_rich_text_editor_do_not_run(
    page, live_server, make_user
):
    make_user("editor")
    browser = Browser(page, live_server)
    log_in(page, EDITOR_EMAIL)
    start_new_page(page)
    target = column(add_row(page, "1 column"), 0)
    form = add_block(target, "Text")
    editor = rich_editor(form)
    expect(editor).to_be_focused()
    for payload in PAYLOADS[:12]:
        page.keyboard.type(payload)
        page.keyboard.press("Enter")
    for payload in PAYLOADS:
        paste(editor, payload)  # as HTML, with the same text as its plain twin
        paste(editor, f"<p>{payload}</p>", payload)
    browser.scan("editor, the corpus typed and pasted into a Text block")
    assert "xss" in posted_markdown(form)

    save(form)
    browser.scan("editor, the pasted Text block saved")
    target.locator(".block-preview").first.click()
    expect(rich_editor(target.locator("form.editing"))).to_be_visible()
    browser.scan("editor, the pasted Text block open again")
    page.get_by_role("button", name="Publish").click()
    with page.expect_navigation():
        page.get_by_role("link", name="View live page").click()
    browser.scan("article, the pasted Text block")
    browser.assert_clean()
