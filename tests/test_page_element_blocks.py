"""The page element blocks: the divider, and the button with its allow-list of links."""

import pytest

from blog.content.rendering import render_block

from helpers.block_samples import (
    clean,
    errors_of,
)

# Divider and button


def test_divider_keeps_no_data_and_renders_a_rule(block_app):
    assert clean("divider", {"colour": "red"}) == {}
    assert render_block("divider", {}, 1).startswith("<hr ")


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        " javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/",
        "/\\evil.example/",
        "https://",
        "about",
    ],
)
def test_button_link_outside_the_allow_list_is_refused(link):
    message = "Links may only use http, https, mailto or a path on this site."
    assert errors_of("button", {"label": "Go", "url": link}) == {"url": message}


@pytest.mark.parametrize(
    "link", ["https://example.org/a?b=c", "HTTP://example.org", "mailto:me@example.org", "/about"]
)
def test_button_accepts_web_mail_and_site_links(link):
    assert clean("button", {"label": "Go", "url": link})["url"] == link


def test_button_label_is_required_and_short():
    assert set(errors_of("button", {"label": "", "url": "/"})) == {"label"}
    assert set(errors_of("button", {"label": "b" * 81, "url": "/"})) == {"label"}


def test_button_renders_a_link_with_its_label_escaped(block_app):
    html = render_block("button", {"label": "Tom & Jerry", "url": "/a?x=1&y=2"}, 1)
    assert '<a class="button" href="/a?x=1&amp;y=2">Tom &amp; Jerry</a>' in html
