"""Comparing two documents of one page (`blog.page/1`), block by block: which blocks were
added, removed or changed, and inside changed text which words. Plain data in, plain data
out; the template marks the words with <ins> and <del> (escaped like any text)."""

import json
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from blog.content.page_kinds import DEFAULTS

# A piece of compared text: ("same" | "added" | "removed", its text).
Piece = tuple[str, str]
# A block and where it is ("Row 2, column 1").
Placed = tuple[str, dict[str, Any]]
# How alike (0 to 1) two blocks' words must be for one to be the other, changed.
SAME_BLOCK_LIKENESS = 0.5
# The page's details a restore brings back (the slug is not: it is the page's address),
# each with its name as History and Compare say it.
DETAILS = (
    ("title", "Title"),
    ("summary", "Summary"),
    ("tags", "Tags"),
    ("kind", "Kind"),
    ("featured_image", "Featured image"),
    ("seo_title", "SEO title"),
    ("seo_description", "SEO description"),
    ("noindex", "Search engines"),
)


@dataclass
class FieldChange:
    """One field that differs, as pieces of text."""

    name: str
    pieces: list[Piece]


@dataclass
class BlockChange:
    """A block "added", "removed" or "changed", where it is (in the newer document, or in
    the older one when removed) and its fields that differ (all of them when added or
    removed)."""

    kind: str
    type: str
    where: str
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class Comparison:
    """What differs between an older and a newer document of a page."""

    details: list[FieldChange]
    layouts: tuple[list[str], list[str]] | None
    blocks: list[BlockChange]

    @property
    def unchanged(self) -> bool:
        return not (self.details or self.layouts or self.blocks)

    def summary(self) -> str:
        """How much changed, in words: "3 blocks changed: 2 added, 1 removed"."""
        if self.unchanged:
            return "Nothing changed"
        counts = {kind: 0 for kind in ("added", "changed", "removed")}
        for block in self.blocks:
            counts[block.kind] += 1
        total = len(self.blocks)
        words = f"{total} block{'s' if total != 1 else ''} changed"
        if total:
            words += ": " + ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)
        if self.details:
            names = (_in_sentence(change.name) for change in self.details)
            words += "; " + ", ".join(names) + " changed"
        if self.layouts:
            words += "; rows changed"
        return words


def compare(older: dict[str, Any], newer: dict[str, Any]) -> Comparison:
    """What changed from `older` to `newer`: their details, row layouts and blocks. Blocks
    are matched by content in reading order, so a block edited in place is "changed" and
    one moved elsewhere is removed where it was and added where it is."""
    return Comparison(
        details=_details(older, newer),
        layouts=_layouts(older, newer),
        blocks=_blocks(_reading_order(older), _reading_order(newer)),
    )


def word_pieces(older: str, newer: str) -> list[Piece]:
    """The words of `newer` with those added since `older` and those removed from it marked;
    runs of white space count as words, so the text reads back exactly."""
    old_words, new_words = _words(older), _words(newer)
    pieces: list[Piece] = []
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(pieces, "same", "".join(new_words[j1:j2]))
            continue
        _add(pieces, "removed", "".join(old_words[i1:i2]))
        _add(pieces, "added", "".join(new_words[j1:j2]))
    return pieces


def _words(text: str) -> list[str]:
    return re.findall(r"\s+|\S+", text)


def _add(pieces: list[Piece], kind: str, text: str) -> None:
    if text:
        pieces.append((kind, text))


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


def _in_sentence(name: str) -> str:
    """A detail's name inside a sentence: "title", but "SEO title"."""
    return name if name[:2].isupper() else name.lower()


def _detail_text(document: dict[str, Any], key: str) -> str:
    """A detail as words; one a document leaves out has its default value."""
    value = document.get(key, DEFAULTS.get(key, ""))
    if key == "featured_image":
        return f"{value['alt']} (picture {value['media'][:12]})" if value else "none"
    if key == "noindex":
        return "asked not to list the page (noindex)" if value else "may list the page"
    return _as_text(value)


def _details(older: dict[str, Any], newer: dict[str, Any]) -> list[FieldChange]:
    changes = []
    for key, name in DETAILS:
        was, now = _detail_text(older, key), _detail_text(newer, key)
        if was != now:
            changes.append(FieldChange(name, word_pieces(was, now)))
    return changes


def _layouts(older: dict[str, Any], newer: dict[str, Any]) -> tuple[list[str], list[str]] | None:
    was = [row["layout"] for row in older.get("rows", [])]
    now = [row["layout"] for row in newer.get("rows", [])]
    return None if was == now else (was, now)


def _reading_order(document: dict[str, Any]) -> list[Placed]:
    """Each block with where it is ("Row 2, column 1"), row by row, column by column."""
    found = []
    for row_number, row in enumerate(document.get("rows", []), start=1):
        for column_number, column in enumerate(row["columns"], start=1):
            found += [(f"Row {row_number}, column {column_number}", block) for block in column]
    return found


def _key(block: dict[str, Any]) -> str:
    return json.dumps([block["type"], block["data"]], sort_keys=True)


def _blocks(older: list[Placed], newer: list[Placed]) -> list[BlockChange]:
    changes: list[BlockChange] = []
    matcher = SequenceMatcher(
        None, [_key(b) for _, b in older], [_key(b) for _, b in newer], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            changes += _paired(older[i1:i2], newer[j1:j2])
    return changes


def _paired(was: list[Placed], now: list[Placed]) -> list[BlockChange]:
    """The changes between two runs of blocks that differ: each older block is "changed"
    into the most alike newer block of its type after the last one paired (any such block
    when the runs are one block each), else "removed"; newer blocks left are "added"."""
    changes: list[BlockChange] = []
    start = 0
    for old_where, old in was:
        alike = [
            (_likeness(old, new), index)
            for index, (_, new) in enumerate(now[start:], start=start)
            if new["type"] == old["type"]
        ]
        best = max(alike, default=(0.0, None), key=lambda pair: pair[0])
        one_each = len(was) == len(now) == 1
        if best[1] is None or (best[0] < SAME_BLOCK_LIKENESS and not one_each):
            changes.append(_whole("removed", old_where, old))
            continue
        changes += [_whole("added", *placed) for placed in now[start : best[1]]]
        changes.append(_changed(old, *now[best[1]]))
        start = best[1] + 1
    changes += [_whole("added", *placed) for placed in now[start:]]
    return changes


def _likeness(old: dict[str, Any], new: dict[str, Any]) -> float:
    """How alike two blocks' words are, from 0 to 1."""
    words = [
        " ".join(v for v in block["data"].values() if isinstance(v, str)) for block in (old, new)
    ]
    return SequenceMatcher(None, *words, autojunk=False).ratio()


def _changed(old: dict[str, Any], where: str, new: dict[str, Any]) -> BlockChange:
    fields = []
    for name in sorted(set(old["data"]) | set(new["data"])):
        was, now = old["data"].get(name), new["data"].get(name)
        if was != now:
            fields.append(FieldChange(name, word_pieces(_as_text(was), _as_text(now))))
    return BlockChange("changed", new["type"], where, fields)


def _whole(kind: str, where: str, block: dict[str, Any]) -> BlockChange:
    fields = [
        FieldChange(name, [(kind, _as_text(value))])
        for name, value in sorted(block["data"].items())
        if _as_text(value)
    ]
    return BlockChange(kind, block["type"], where, fields)
