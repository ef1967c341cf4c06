"""Comparing two documents of a page, without a request: words added and removed read back
as either text, and blocks are matched by their content in reading order."""

from blog.content.comparison import compare, word_pieces


def _document(*columns: list[str], title: str = "Notes") -> dict:
    blocks = [[{"type": "heading", "data": {"text": t, "level": 2}} for t in c] for c in columns]
    return {"title": title, "summary": "", "tags": [], "rows": [{"layout": "1", "columns": blocks}]}


def _read(pieces, *kinds: str) -> str:
    return "".join(text for kind, text in pieces if kind in kinds)


def test_word_pieces_read_back_as_the_older_and_the_newer_text():
    older, newer = "Soup of the day, with  bread.", "Soup of the week, with bread and salt."
    pieces = word_pieces(older, newer)
    assert _read(pieces, "same", "removed") == older
    assert _read(pieces, "same", "added") == newer
    assert ("removed", "day,") in pieces and ("added", "week,") in pieces


def test_a_block_edited_in_place_is_changed_with_its_words():
    comparison = compare(_document(["Spring menu"]), _document(["Summer menu"]))
    [block] = comparison.blocks
    assert (block.kind, block.where) == ("changed", "Row 1, column 1")
    [field] = block.fields
    assert field.name == "text"
    assert field.pieces == [("removed", "Spring"), ("added", "Summer"), ("same", " menu")]


def test_a_block_moved_is_removed_where_it_was_and_added_where_it_is():
    comparison = compare(_document(["A", "B", "C"]), _document(["B", "C", "A"]))
    assert [(b.kind, b.where, b.fields[-1].pieces) for b in comparison.blocks] == [
        ("removed", "Row 1, column 1", [("removed", "A")]),
        ("added", "Row 1, column 1", [("added", "A")]),
    ]


def test_unchanged_documents_say_so():
    document = _document(["A"], title="Same")
    assert compare(document, document).unchanged
    assert compare(document, document).summary() == "Nothing changed"


def test_details_and_rows_are_compared_too():
    older = _document(["A"], title="Spring")
    newer = {**_document(["A"], title="Summer"), "tags": ["Food"]}
    newer["rows"].append({"layout": "1-1", "columns": [[], []]})
    comparison = compare(older, newer)
    assert [change.name for change in comparison.details] == ["Title", "Tags"]
    assert comparison.layouts == (["1"], ["1", "1-1"])
    assert comparison.summary() == "0 blocks changed; title, tags changed; rows changed"


def test_kind_and_sharing_details_are_compared_with_their_defaults_when_left_out():
    older = _document(["A"])  # a post, no featured image, may be listed: all left out
    newer = {
        **_document(["A"]),
        "kind": "page",
        "featured_image": {"media": "ab" * 32, "alt": "A red field"},
        "seo_title": "Notes for search",
        "noindex": True,
    }
    comparison = compare(older, newer)
    newer_words = {
        change.name: _read(change.pieces, "same", "added") for change in comparison.details
    }
    assert newer_words == {
        "Kind": "page",
        "Featured image": f"A red field (picture {'ab' * 6})",
        "SEO title": "Notes for search",
        "Search engines": "asked not to list the page (noindex)",
    }
    assert _read(comparison.details[0].pieces, "same", "removed") == "post"
    assert comparison.summary() == (
        "0 blocks changed; kind, featured image, SEO title, search engines changed"
    )
    assert compare(older, {**older, "kind": "post", "noindex": False}).unchanged
