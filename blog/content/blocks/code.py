"""The code block type: source code highlighted on the server by Pygments."""

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import TextLexer, get_lexer_by_name
from pygments.util import ClassNotFound

from blog.content.blocks.base import BlockInvalid, BlockType, Field, text_value, textarea_value
from blog.content.blocks.registry import register

CODE_MAX_LENGTH = 50_000

# The editor offers these; clean() accepts any language Pygments knows.
COMMON_LANGUAGES = (
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

# CSS classes only (static/css/code.css colours them): the CSP forbids style attributes.
_formatter = HtmlFormatter(cssclass="highlight", noclasses=False)


def language_lexer(language: str) -> Lexer:
    """The Pygments lexer for a language alias; "" means plain text. ClassNotFound if unknown."""
    return get_lexer_by_name(language) if language else TextLexer()


def code_html(code: str, language: str) -> Markup:
    """The code as highlighted HTML inside <div class="highlight"><pre>; plain text when the
    language is empty or unknown (stored data is rendered even if it predates a Pygments
    upgrade that dropped a language)."""
    try:
        lexer = language_lexer(language)
    except ClassNotFound:
        lexer = TextLexer()
    return Markup(highlight(code, lexer, _formatter))


def _canonical_language(language: str) -> str | None:
    """The language's main Pygments alias ("py" -> "python"), "" for plain text, None if
    Pygments does not know it."""
    if not language:
        return ""
    try:
        return language_lexer(language.lower()).aliases[0]
    except ClassNotFound:
        return None


@register
class Code(BlockType):
    """A listing of source code, highlighted by language."""

    name = "code"
    label = "Code"
    fields = (
        Field("code", "Code", kind="textarea", max_length=CODE_MAX_LENGTH),
        Field("language", "Language", kind="select", choices=COMMON_LANGUAGES),
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
        language = _canonical_language(given)
        if language is None:
            errors["language"] = f"“{given}” is not a language we can highlight; pick one."
        if errors:
            raise BlockInvalid(errors)
        return {"code": code, "language": language}

    def render_context(self, data: Mapping[str, Any]) -> dict[str, Any]:
        return {"html": code_html(str(data.get("code", "")), str(data.get("language", "")))}
