"""The image and embed blocks: uploads named by hash with their sizes, and videos from
YouTube and Vimeo only."""

import pytest

from blog.content.blocks import block_type
from blog.content.blocks.image import image_sources
from blog.content.rendering import render_block

from helpers.block_samples import (
    SAMPLES,
    UPLOAD,
    clean,
    errors_of,
)

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
def test_an_image_size_that_is_no_positive_whole_number_is_kept_as_unknown(width):
    # Only a hint: the builder and import take the sizes from the stored picture.
    assert clean("image", {**SAMPLES["image"], "width": width})["width"] == 0


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


def test_embed_renders_a_link_to_the_video_and_no_player_until_asked(block_app):
    html = render_block("embed", SAMPLES["embed"], 1)
    assert "<iframe" not in html  # nothing is fetched from the provider until Play
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert "Watch the video on YouTube" in html and "Play video on YouTube" in html
    assert 'data-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html


def test_vimeo_embed_asks_not_to_be_tracked(block_app):
    html = render_block("embed", {"url": "https://vimeo.com/76979871"}, 1)
    assert 'data-player="https://player.vimeo.com/video/76979871?dnt=1"' in html
