"""Markdown -> editor -> Markdown is stable for what the editor supports: the serializer's
output is canonical after one pass, and no words are lost on the way (spaces at the edge of
bold or italic move outside it, which Markdown cannot write otherwise)."""

import string

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from helpers.rich_text import ROUND_TRIP, load_markdown_scripts

# Words with the characters Markdown gives meaning to, so escaping is exercised.
TRICKY = "*_`[]\\#!<>&.-+()~|"
words = st.text(string.ascii_letters + string.digits + TRICKY, min_size=1, max_size=8)
plain = st.lists(words, min_size=1, max_size=4).map(" ".join).map(lambda text: "a" + text)
addresses = st.sampled_from(
    ["https://example.org/a?b=1&c=2", "http://example.org", "mailto:me@example.org", "/about",
     "#notes", "next-page"]
)  # fmt: skip
spans = st.one_of(
    plain,
    plain.map(lambda text: f"**{text}**"),
    plain.map(lambda text: f"*{text}*"),
    st.text(string.ascii_letters + " *_[]", min_size=1, max_size=8).map(lambda t: f"`{t}`"),
    st.tuples(plain, addresses).map(lambda pair: f"[{pair[0]}]({pair[1]})"),
)
lines = st.lists(spans, min_size=1, max_size=4).map(" ".join)
paragraphs = st.lists(lines, min_size=1, max_size=3).map(
    lambda parts: (
        "  \n".join(parts) if len(parts) > 1 and parts[0][-1].isalnum() else " ".join(parts)
    )
)
items = st.lists(paragraphs, min_size=1, max_size=4)
blocks = st.one_of(
    paragraphs,
    items.map(lambda entries: "\n".join(f"- {entry}" for entry in entries)),
    st.tuples(st.integers(1, 30), items).map(
        lambda pair: "\n".join(f"{pair[0] + i}. {entry}" for i, entry in enumerate(pair[1]))
    ),
)
documents = st.lists(blocks, min_size=1, max_size=4).map("\n\n".join)


# The same 150 examples every run (derandomize): a counterexample found by a random run is
# pinned below as a test of its own rather than left to turn up in some later CI run.
@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(markdown=documents)
def test_markdown_through_the_editor_is_canonical_after_one_pass(page, markdown):
    if not page.evaluate("() => !!window.BlogRichText"):
        page.goto("/login")
        load_markdown_scripts(page)
    result = page.evaluate(ROUND_TRIP, markdown)
    assume(result["unsupported"] == [])
    assert result["twice"] == result["canonical"]
    assert result["stable"]
    assert result["textAgain"].split() == result["text"].split(), result["canonical"]


def test_italic_around_a_code_span_of_asterisks_keeps_its_words(page):
    page.goto("/login")
    load_markdown_scripts(page)
    result = page.evaluate(ROUND_TRIP, "**a`** `A` **a*0*0** a*")
    assert result["textAgain"].split() == result["text"].split(), result["canonical"]


def test_italic_closing_after_a_line_break_keeps_its_words(page):
    # Found by a random run of the property test (2026-11-29): the italic was closed at the
    # start of the next line, where a "*" cannot close.
    page.goto("/login")
    load_markdown_scripts(page)
    markdown = "a0  \n**a`** `_`  \n[a0](https://example.org/a?b=1&c=2) **a_**"
    result = page.evaluate(ROUND_TRIP, markdown)
    assert result["textAgain"].split() == result["text"].split(), result["canonical"]
    assert result["same"], result["canonical"]


# Italic over "is hot" and bold over "hot now", as Ctrl+I and Ctrl+B can make them in the
# editor; Markdown cannot write them crossing inside a word, so one gives way, never a word.
CROSSING = """() => {
  const R = window.BlogRichText, s = R.schema;
  const em = s.marks.em.create(), strong = s.marks.strong.create();
  const doc = s.node("doc", null, [s.node("paragraph", null, [
    s.text("Soup "), s.text("is", [em]), s.text("hot", [em, strong]), s.text("now", [strong])])]);
  const back = R.parseMarkdown(R.serializeMarkdown(doc));
  return back.textBetween(0, back.content.size, " ", " ");
}"""


def test_bold_and_italic_crossing_inside_a_word_keep_its_letters(page):
    page.goto("/login")
    load_markdown_scripts(page)
    assert page.evaluate(CROSSING) == "Soup ishotnow"


def test_known_tricky_markdown_keeps_its_meaning(page):
    page.goto("/login")
    load_markdown_scripts(page)
    for markdown, canonical in [
        ("\\# not a heading", "\\# not a heading"),
        ("1\\. not a list", "1\\. not a list"),
        ("- a\n- b", "* a\n* b"),
        ("3. three\n4. four", "3. three\n4. four"),
        ("a  \nb", "a\\\nb"),
        ("`` a`b ``", "`` a`b ``"),
        ("[call](tel:1) us", "call us"),
    ]:
        result = page.evaluate(ROUND_TRIP, markdown)
        assert result["canonical"] == canonical, markdown
        assert result["twice"] == canonical and result["same"], markdown
