"""The code block type: source code highlighted on the server by Pygments, at a bounded cost.

Only the languages the editor offers are accepted. Some Pygments lexers take time that grows
with the square of the input on simple repeated text (a run of quotes and backslashes, say),
so highlighting stops at a time budget and the block is shown as plain text instead; the
verdict is remembered, so a page that holds such a block costs the budget once per process.
Pygments compiles a lexer's rules the first time it is made (up to 60 ms for one language), so
the app makes every offered lexer once when it starts, not in a reader's request.
"""

import hashlib
import time
from collections.abc import Iterator, Mapping
from typing import Any

from markupsafe import Markup
from pygments import format as format_tokens
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import TextLexer, get_lexer_by_name
from pygments.util import ClassNotFound

from blog.content.blocks.base import BlockInvalid, BlockType, Field, text_value, textarea_value
from blog.content.blocks.registry import register

CODE_MAX_LENGTH = 50_000
# Past this much CPU time (of the thread rendering it, so other requests do not count) a
# listing is shown plain: a reader still gets every character.
HIGHLIGHT_BUDGET_SECONDS = 0.04
# How many tokens pass between two looks at the clock (a look costs about a microsecond; one
# token of a quadratic lexer can cost several milliseconds).
TOKENS_PER_CHECK = 4
TOO_COSTLY_REMEMBERED = 10_000

# The editor offers these, and clean() accepts only them (or another name Pygments gives
# the same lexer: "py", "js", "sh").
OFFERED_LANGUAGES = (
    ("", "Plain text"),
    ("python", "Python"),
    ("javascript", "JavaScript"),
    ("html", "HTML"),
    ("css", "CSS"),
    ("bash", "Bash"),
    ("sql", "SQL"),
    ("json", "JSON"),
    ("yaml", "YAML"),
    ("go", "Go"),
    ("rust", "Rust"),
)
OFFERED_NAMES = {name for name, _ in OFFERED_LANGUAGES}

# CSS classes only (static/css/code.css colours them): the CSP forbids style attributes.
_formatter = HtmlFormatter(cssclass="highlight", noclasses=False)
# Listings that ran past the budget, by a hash of language and code: shown plain at once.
_too_costly: set[str] = set()


def language_lexer(language: str) -> Lexer:
    """The Pygments lexer for a language alias; "" means plain text. ClassNotFound if unknown."""
    return get_lexer_by_name(language) if language else TextLexer()


def prepare_lexers() -> None:
    """Compile every offered lexer's rules now (Pygments keeps them for the process)."""
    for language in OFFERED_NAMES:
        language_lexer(language)


def code_html(code: str, language: str, budget: float = HIGHLIGHT_BUDGET_SECONDS) -> Markup:
    """The code as HTML inside <div class="highlight"><pre>: highlighted when its language
    is offered and highlighting fits the time budget (seconds), plain text otherwise (stored
    data is rendered even if its language is no longer offered)."""
    key = hashlib.sha256(f"{language}\n{code}".encode()).hexdigest()
    if language in OFFERED_NAMES and key not in _too_costly:
        try:
            return Markup(
                format_tokens(_within(budget, language_lexer(language), code), _formatter)
            )
        except OverBudget:
            if len(_too_costly) >= TOO_COSTLY_REMEMBERED:
                _too_costly.clear()
            _too_costly.add(key)
    return Markup(format_tokens(TextLexer().get_tokens(code), _formatter))


class OverBudget(Exception):
    """Highlighting a listing took longer than its budget."""


def _within(budget: float, lexer: Lexer, code: str) -> Iterator[tuple]:
    """The lexer's tokens for the code, as the formatter asks for them; OverBudget once
    lexing and formatting have taken more than `budget` seconds of this thread's time."""
    deadline = time.thread_time() + budget
    for count, token in enumerate(lexer.get_tokens(code), start=1):
        if count % TOKENS_PER_CHECK == 0 and time.thread_time() > deadline:
            raise OverBudget
        yield token


def _offered_language(language: str) -> str | None:
    """The offered language a name stands for ("py" -> "python"), "" for plain text, None
    for a language the editor does not offer."""
    if not language:
        return ""
    try:
        name = language_lexer(language.lower()).aliases[0]
    except ClassNotFound:
        return None
    return name if name in OFFERED_NAMES else None


@register
class Code(BlockType):
    """A listing of source code, highlighted by language."""

    name = "code"
    label = "Code"
    fields = (
        Field("code", "Code", kind="textarea", max_length=CODE_MAX_LENGTH),
        Field("language", "Language", kind="select", choices=OFFERED_LANGUAGES),
    )

    def defaults(self) -> dict[str, Any]:
        return {"code": "", "language": ""}

    def clean(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        errors = {}
        code = textarea_value(raw, "code")
        if not code:
            errors["code"] = "Paste or write the code."
        elif len(code) > CODE_MAX_LENGTH:
            errors["code"] = f"Shorten the code to {CODE_MAX_LENGTH:,} characters or fewer."
        given = text_value(raw, "language")
        language = _offered_language(given)
        if language is None:
            errors["language"] = f"“{given}” is not one of the listed languages; pick one."
        if errors:
            raise BlockInvalid(errors)
        return {"code": code, "language": language}

    def render_context(self, data: Mapping[str, Any]) -> dict[str, Any]:
        return {"html": code_html(str(data.get("code", "")), str(data.get("language", "")))}
