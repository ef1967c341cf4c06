"""Pasting from a word processor or a web page keeps bold, italic, links and lists and
drops the rest (styles, classes, Word's and Google Docs' markup, scripts and their links),
under the site's CSP, with no violation reported (the page fixture fails on any)."""

import pytest
from playwright.sync_api import expect

from helpers.builder_steps import add_block, add_row, column, log_in, start_new_page
from helpers.pasted_html import (
    GOOGLE_DOCS,
    GOOGLE_DOCS_MARKDOWN,
    WEB_PAGE,
    WEB_PAGE_MARKDOWN,
    WORD,
    WORD_MARKDOWN,
)
from helpers.rich_text import paste, posted_markdown, rich_editor


@pytest.fixture
def text_form(page, make_user):
    make_user("editor")
    log_in(page, "editor@example.com")
    start_new_page(page)
    form = add_block(column(add_row(page, "1 column"), 0), "Text")
    expect(rich_editor(form)).to_be_focused()
    return form


@pytest.mark.parametrize(
    ("html", "markdown"),
    [(GOOGLE_DOCS, GOOGLE_DOCS_MARKDOWN), (WORD, WORD_MARKDOWN), (WEB_PAGE, WEB_PAGE_MARKDOWN)],
    ids=["google-docs", "word", "web-page"],
)
def test_a_paste_keeps_bold_italic_links_and_lists_only(text_form, html, markdown):
    editor = rich_editor(text_form)
    paste(editor, html)
    assert posted_markdown(text_form) == markdown
    # Only ProseMirror's own classes and the editor's list spacing are left.
    classes = "[class]:not(.tight):not([class^='ProseMirror'])"
    kept = editor.locator(
        f"[style], {classes}, [id], [onclick], [onerror], img:not(.ProseMirror-separator), script"
    )
    expect(kept).to_have_count(0)


def test_a_pasted_javascript_link_keeps_its_words_and_loses_the_link(text_form):
    editor = rich_editor(text_form)
    paste(editor, '<p>Go <a href=" JaVa&#x09;script:alert(1)">there</a> now</p>')
    assert posted_markdown(text_form) == "Go there now"
    expect(editor.locator("a")).to_have_count(0)
