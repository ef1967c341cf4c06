"""The default theme as a reader meets it: text sized and set for long reading, and a dark
page for readers who ask for one, as readable (to axe) as the light one."""

import pytest

from helpers.axe import axe_violations
from helpers.reader_site import READER_PAGES, publish_reader_site

# How many characters fit on a full-width line of the article's text, from the width of the
# article's body and the average width of a letter in a paragraph's own font.
_LINE_LENGTH = """(paragraph) => {
  const style = getComputedStyle(paragraph);
  const context = document.createElement("canvas").getContext("2d");
  context.font = `${style.fontSize} ${style.fontFamily}`;
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const letter = context.measureText(letters).width / letters.length;
  return {
    size: parseFloat(style.fontSize),
    leading: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
    characters: Math.round(paragraph.closest(".article-body").clientWidth / letter),
  };
}"""


def _luminance(colour: str) -> float:
    """How light an rgb() colour is, 0 (black) to 1 (white), roughly."""
    red, green, blue = (int(part) for part in colour[colour.index("(") + 1 : -1].split(",")[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


@pytest.mark.parametrize(("width", "smallest"), [(1280, 18), (390, 17)])
def test_article_text_is_large_with_open_leading_and_a_readable_line(app, page, width, smallest):
    publish_reader_site(app)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(READER_PAGES["article"])
    text = page.locator(".article-body .block-text p").first.evaluate(_LINE_LENGTH)
    assert text["size"] >= smallest
    assert text["leading"] >= 1.5
    if width == 1280:  # a phone's line is as long as the phone is wide
        assert 45 <= text["characters"] <= 80, text


@pytest.mark.refusals(404)
def test_a_reader_who_prefers_dark_gets_a_dark_page_axe_finds_no_fault_in(app, open_tab):
    publish_reader_site(app)
    tab = open_tab(color_scheme="dark")
    found, backgrounds = {}, {}
    for name, path in READER_PAGES.items():
        tab.goto(path)
        backgrounds[name] = _luminance(
            tab.evaluate("getComputedStyle(document.body).backgroundColor")
        )
        found[name] = axe_violations(tab)
    assert all(light < 0.2 for light in backgrounds.values()), backgrounds
    assert found == {name: [] for name in READER_PAGES}
