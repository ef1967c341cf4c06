"""A Text block's Markdown keeps only links the rich-text editor would make: http, https,
mailto and this site's pages. Other Markdown stays accepted as before."""

import pytest

from helpers.block_samples import clean, errors_of


@pytest.mark.parametrize(
    "markdown",
    [
        "Call [us](tel:+441234).",
        "Files at <ftp://example.org/f>.",
        "A [friend](//elsewhere.example/).",
        "![map](ftp://example.org/map.png)",
        "An [empty](http://) address.",
    ],
)
def test_text_with_a_link_outside_the_allowed_addresses_is_refused_with_the_address(markdown):
    message = errors_of("text", {"markdown": markdown})["markdown"]
    assert message.startswith("Links may only go to http, https or mailto addresses")
    assert message.endswith(".")


def test_the_refusal_names_the_first_refused_address():
    message = errors_of("text", {"markdown": "[a](https://ok.example/) [b](tel:1) [c](irc:x)"})
    assert "link to tel:1." in message["markdown"]


@pytest.mark.parametrize(
    "markdown",
    [
        "[web](https://example.org/a?b=1) and [plain](HTTP://example.org)",
        "[mail](mailto:me@example.org) and <https://example.org/auto>",
        "[about](/about), [notes](#notes) and [next](next-page)",
        # Not links for markdown-it: shown as text, as today.
        "[a trick](javascript:alert(1)) and [data](data:text/html,x)",
    ],
)
def test_text_with_allowed_links_is_kept_as_written(markdown):
    assert clean("text", {"markdown": markdown}) == {"markdown": markdown}


@pytest.mark.parametrize(
    "markdown",
    [
        "## A heading\n\ntext",
        "> quoted",
        "```\ncode\n```",
        "    indented code",
        "---",
        "![x](/a.png)",
    ],
)
def test_markdown_the_editor_cannot_show_is_still_accepted(markdown):
    assert clean("text", {"markdown": markdown}) == {"markdown": markdown}
