"""Block types of the builder's registry: defaults, validation (clean) and templates."""

import re

import pytest
from werkzeug.datastructures import MultiDict

from blog import create_app
from blog.content.blocks import REGISTRY, BlockInvalid, block_type
from blog.content.blocks.code import code_html
from blog.content.blocks.image import image_sources
from blog.content.rendering import render_block

UPLOAD = "0123456789abcdef" * 4
SAMPLES = {
    "heading": {"text": "Getting started", "level": 3},
    "text": {"markdown": "Some *emphasis* and a [link](https://example.org)."},
    "quote": {"text": "Simplicity is a prerequisite for reliability.", "cite": "E. W. Dijkstra"},
    "image": {
        "media": UPLOAD,
        "alt": "A lighthouse at dusk",
        "caption": "Pointe du Raz",
        "decorative": False,
        "width": 1200,
        "height": 800,
    },
    "code": {"code": "def greet():\n    return 'hi'", "language": "python"},
    "divider": {},
    "button": {"label": "Read more", "url": "/about"},
    "embed": {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
}
FIELD_KINDS = {"hidden", "text", "textarea", "number", "select", "checkbox", "url", "file"}


@pytest.fixture
def block_app(tmp_path):
    """An app context, for the block templates."""
    database = f"sqlite:///{tmp_path / 't.db'}"
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": database})
    with app.app_context():
        yield app


def errors_of(type_name, raw):
    """The field messages clean() refuses `raw` with."""
    with pytest.raises(BlockInvalid) as refused:
        block_type(type_name).clean(raw)
    return refused.value.errors


def clean(type_name, raw):
    return block_type(type_name).clean(raw)


def as_form(data):
    """The data as a browser would post it: strings, and an unchecked box left out."""
    return MultiDict(
        {
            name: "y" if value is True else str(value)
            for name, value in data.items()
            if value is not False
        }
    )


def opening_tag(html):
    """The first element's opening tag."""
    return re.search(r"<[a-z][^>]*>", html).group(0)


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


# Code


def test_code_in_an_unknown_language_is_refused():
    assert "klingon" in errors_of("code", {"code": "x", "language": "klingon"})["language"]


@pytest.mark.parametrize(
    ("given", "stored"), [("py", "python"), ("JS", "javascript"), ("sh", "bash"), ("", "")]
)
def test_code_accepts_another_name_of_an_offered_language_and_stores_the_offered_one(given, stored):
    assert clean("code", {"code": "x", "language": given})["language"] == stored


@pytest.mark.parametrize("language", ["csharp", "ruby", "c"])
def test_code_in_a_language_the_menu_does_not_offer_is_refused(language):
    message = errors_of("code", {"code": "x", "language": language})["language"]
    assert message == f"“{language}” is not one of the listed languages; pick one."


def test_stored_code_in_a_language_no_longer_offered_is_shown_plain(block_app):
    html = render_block("code", {"code": "int x = 1;", "language": "csharp"}, 1)
    assert '<div class="highlight">' in html and "int x = 1;" in html
    assert '<span class="kt">' not in html


def test_code_past_the_highlighting_budget_is_shown_plain_and_stays_plain():
    listing = "total = total + 1\n" * 200
    assert '<span class="n">total</span>' in code_html(listing, "python")
    costly = "count = count + 1\n" * 200
    plain = code_html(costly, "python", budget=-1.0)  # spent before it starts
    assert "count = count + 1" in plain and '<span class="n">' not in plain
    # Remembered: the same listing is shown plain at once, whatever the budget.
    assert code_html(costly, "python") == plain


def test_empty_code_is_refused():
    assert errors_of("code", {"code": "\n\n", "language": ""})["code"]


def test_code_language_choices_start_with_plain_text():
    (language,) = [field for field in block_type("code").fields if field.name == "language"]
    assert language.choices[0] == ("", "Plain text")
    assert {"python", "javascript", "bash", "sql"} <= {value for value, _ in language.choices}


def test_code_is_highlighted_with_classes_never_inline_styles(block_app):
    html = render_block("code", SAMPLES["code"], 1)
    assert '<div class="highlight">' in html
    assert '<span class="k">def</span>' in html
    assert "style=" not in html


def test_code_is_escaped(block_app):
    html = render_block("code", {"code": "<script>alert(1)</script>", "language": ""}, 1)
    assert "<script>" not in html and "&lt;script&gt;" in html


# Image


@pytest.mark.parametrize("media", ["", None, "a" * 63, "g" * 64, "../../etc/passwd"])
def test_image_without_an_upload_is_refused(media):
    raw = {**SAMPLES["image"], "media": media}
    assert errors_of("image", raw) == {"media": "Upload an image first."}


def test_image_alt_text_is_required_unless_decorative():
    assert set(errors_of("image", {**SAMPLES["image"], "alt": " "})) == {"alt"}
    decorative = clean("image", {**SAMPLES["image"], "alt": "ignored", "decorative": "y"})
    assert decorative["alt"] == "" and decorative["decorative"] is True


@pytest.mark.parametrize("width", ["0", -5, "wide", True, None])
def test_image_size_must_be_a_positive_whole_number(width):
    assert set(errors_of("image", {**SAMPLES["image"], "width": width})) == {"width"}


def test_image_sources_offer_variants_narrower_than_the_original():
    sources = image_sources({**SAMPLES["image"], "width": 1000})
    assert sources["src"] == f"/media/{UPLOAD}"
    assert sources["srcset"] == (
        f"/media/{UPLOAD}/480 480w, /media/{UPLOAD}/960 960w, /media/{UPLOAD} 1000w"
    )
    assert sources["sizes"]


def test_small_image_offers_only_its_original():
    assert image_sources({**SAMPLES["image"], "width": 300})["srcset"] == f"/media/{UPLOAD} 300w"


def test_image_renders_a_lazy_sized_picture_with_its_caption(block_app):
    html = render_block("image", SAMPLES["image"], 1)
    for attribute in ('width="1200"', 'height="800"', 'alt="A lighthouse at dusk"'):
        assert attribute in html
    assert 'loading="lazy"' in html and 'decoding="async"' in html and "sizes=" in html
    assert "<figcaption>Pointe du Raz</figcaption>" in html


def test_decorative_image_renders_an_empty_alt_and_no_caption(block_app):
    data = {**SAMPLES["image"], "alt": "", "decorative": True, "caption": ""}
    html = render_block("image", data, 1)
    assert 'alt=""' in html and "<figcaption" not in html


def test_image_without_an_upload_renders_a_placeholder(block_app):
    html = render_block("image", block_type("image").defaults(), 1)
    assert "No image yet" in html and "<img" not in html


# Embed


@pytest.mark.parametrize(
    ("link", "stored"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        (
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        ("youtu.be/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        (
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        ("https://vimeo.com/76979871", "https://vimeo.com/76979871"),
        ("https://player.vimeo.com/video/76979871", "https://vimeo.com/76979871"),
    ],
)
def test_embed_accepts_youtube_and_vimeo_links(link, stored):
    assert clean("embed", {"url": link}) == {"url": stored}


@pytest.mark.parametrize(
    "link",
    [
        "https://evil.example/watch?v=dQw4w9WgXcQ",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ",
        "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
    ],
)
def test_embed_from_an_unknown_site_is_refused(link):
    expected = {"url": "Only YouTube and Vimeo videos can be embedded."}
    assert errors_of("embed", {"url": link}) == expected


@pytest.mark.parametrize(
    "link", ["https://youtu.be/short", "https://vimeo.com/channels/staff", "https://youtube.com/"]
)
def test_embed_link_that_is_not_one_video_is_refused(link):
    assert errors_of("embed", {"url": link})["url"].startswith("This ")


def test_embed_renders_a_privacy_enhanced_sandboxed_player(block_app):
    html = render_block("embed", SAMPLES["embed"], 1)
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert 'sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"' in html
    assert 'referrerpolicy="strict-origin-when-cross-origin"' in html
    assert 'loading="lazy"' in html and "allowfullscreen" in html and 'title="' in html
    assert 'class="embed-frame"' in html


def test_vimeo_embed_asks_not_to_be_tracked(block_app):
    html = render_block("embed", {"url": "https://vimeo.com/76979871"}, 1)
    assert 'src="https://player.vimeo.com/video/76979871?dnt=1"' in html


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
