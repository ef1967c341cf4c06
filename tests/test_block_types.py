"""Block types of the registry: what every type shares, and the text family (heading, text,
quote): defaults, validation (clean) and templates."""

import pytest

from blog.content.blocks import REGISTRY, block_type
from blog.content.rendering import render_block

from helpers.block_samples import (
    FIELD_KINDS,
    SAMPLES,
    as_form,
    clean,
    errors_of,
    opening_tag,
)

# Every block type


def test_every_block_type_has_a_sample_here():
    assert set(REGISTRY) == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_block_type_label_is_its_capitalised_name(name):
    assert block_type(name).label == name.capitalize()


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_block_type_defaults_are_a_fresh_dict(name):
    first = block_type(name).defaults()
    first["changed"] = True
    assert isinstance(first, dict)
    assert "changed" not in block_type(name).defaults()


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_block_type_fields_use_known_widgets(name):
    for field in block_type(name).fields:
        assert field.kind in FIELD_KINDS
        assert bool(field.choices) == (field.kind == "select")


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_clean_data_cleans_to_itself(name):
    cleaned = clean(name, SAMPLES[name])
    assert cleaned == SAMPLES[name]
    assert clean(name, cleaned) == cleaned


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_clean_reads_form_strings_as_typed_data(name):
    assert clean(name, as_form(SAMPLES[name])) == SAMPLES[name]


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_clean_keeps_only_known_fields(name):
    assert "onclick" not in clean(name, {**SAMPLES[name], "onclick": "alert(1)"})


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_block_renders_with_a_stable_anchor_on_its_root(block_app, name):
    root = opening_tag(render_block(name, SAMPLES[name], 7))
    assert f'class="block block-{name}' in root
    assert 'id="block-7"' in root


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_block_without_id_renders_no_anchor(block_app, name):
    assert 'id="block-' not in render_block(name, SAMPLES[name], None)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_block_renders_without_style_attributes(block_app, name):
    assert "style=" not in render_block(name, SAMPLES[name], 1)


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_new_block_renders_before_its_first_edit(block_app, name):
    assert 'id="block-3"' in render_block(name, block_type(name).defaults(), 3)


def test_unknown_block_type_renders_a_notice_with_its_name_escaped(block_app):
    html = render_block("<carousel>", {"slides": []}, 4)
    assert 'role="note"' in html
    assert "unknown type “&lt;carousel&gt;”" in html


# Heading


@pytest.mark.parametrize("level", [1, 5, "x", "", None, True, "7", 2.5])
def test_heading_level_outside_two_to_four_is_refused(level):
    assert errors_of("heading", {"text": "Hi", "level": level}) == {"level": "must be 2, 3 or 4"}


def test_heading_level_seven_is_refused():
    assert errors_of("heading", {"text": "Hi", "level": 7})["level"] == "must be 2, 3 or 4"


def test_empty_heading_is_refused():
    assert "heading" in errors_of("heading", {"text": "   ", "level": 2})["text"]


def test_heading_longer_than_200_characters_is_refused():
    assert clean("heading", {"text": "h" * 200, "level": 2})["text"] == "h" * 200
    assert "200" in errors_of("heading", {"text": "h" * 201, "level": 2})["text"]


def test_heading_reports_every_bad_field_at_once():
    assert set(errors_of("heading", {"text": "", "level": 9})) == {"text", "level"}


def test_heading_renders_its_level_and_escapes_its_text(block_app):
    html = render_block("heading", {"text": "<script>x</script>", "level": 4}, 1)
    assert html.strip().startswith("<h4 ") and html.strip().endswith("</h4>")
    assert "&lt;script&gt;" in html and "<script>" not in html


# Text


def test_empty_text_is_refused():
    assert errors_of("text", {"markdown": " \r\n "})["markdown"]


def test_text_longer_than_20000_characters_is_refused():
    assert errors_of("text", {"markdown": "a" * 20_001})["markdown"]


def test_text_keeps_its_indentation_and_uses_unix_line_endings():
    form = {"markdown": "\r\n    indented code\r\n\r\nparagraph  \r\n"}
    assert clean("text", form) == {"markdown": "    indented code\n\nparagraph"}


def test_text_renders_markdown(block_app):
    assert "<em>emphasis</em>" in render_block("text", SAMPLES["text"], 1)


def test_markdown_script_and_event_handlers_are_not_rendered_as_html(block_app):
    markdown = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>"
    html = render_block("text", {"markdown": markdown}, 1)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "markdown",
    ["[run](javascript:alert(1))", "[file](ftp://example.org/f)", "![i](data:image/png;base64,AA)"],
)
def test_markdown_links_outside_http_https_mailto_lose_their_address(block_app, markdown):
    html = render_block("text", {"markdown": markdown}, 1)
    assert "href=" not in html and "src=" not in html


def test_markdown_links_are_marked_nofollow(block_app):
    html = render_block("text", {"markdown": "[mail](mailto:me@example.org)"}, 1)
    assert 'href="mailto:me@example.org"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


# Quote


def test_quote_without_text_is_refused():
    assert set(errors_of("quote", {"text": "", "cite": "Someone"})) == {"text"}


def test_quote_source_is_optional(block_app):
    data = clean("quote", {"text": "Less is more."})
    assert data == {"text": "Less is more.", "cite": ""}
    assert "<figcaption" not in render_block("quote", data, 1)


def test_quote_renders_paragraphs_and_its_source(block_app):
    html = render_block("quote", {"text": "One.\n\nTwo.", "cite": "Me & you"}, 1)
    assert "<p>One.</p>" in html and "<p>Two.</p>" in html
    assert "<figcaption>Me &amp; you</figcaption>" in html
