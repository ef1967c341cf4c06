"""What every block type is: a label, form fields, defaults, validation and a template.

A stored Block holds only its type name and data; the BlockType owns the behaviour, so the
same stored data can be validated, edited and rendered in one place per type.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from blog.typed_text import typed_text

_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")


@dataclass(frozen=True)
class Field:
    """One input of a block's form. `kind` picks the widget: text, textarea, number, select,
    checkbox, url, hidden or file (an image upload, see BlockType.with_upload); `choices`
    are (value, label) pairs for select."""

    name: str
    label: str
    kind: str = "text"
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""
    max_length: int | None = None


class BlockInvalid(ValueError):
    """Raised by clean(): maps field names to messages a person understands."""

    def __init__(self, errors: Mapping[str, str]):
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))
        self.errors = dict(errors)


class BlockType:
    """Base class of the registry's block types; subclasses set the class attributes."""

    name: ClassVar[str]
    label: ClassVar[str]
    fields: ClassVar[tuple[Field, ...]] = ()

    @property
    def template(self) -> str:
        """The one template used by the editor preview and the published page."""
        return f"blocks/{self.name}.html"

    def defaults(self) -> dict[str, Any]:
        """The data of a new, empty block of this type (need not pass clean)."""
        return {}

    def clean(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """Validate form or imported data and return the data to store.

        Accepts strings from a form as well as typed JSON values from an import; raises
        BlockInvalid with one message per bad field. Clean data cleans to itself.
        """
        return {}

    def plain_text(self, data: Mapping[str, Any]) -> str:
        """The words a reader sees in this block, for search and reading time: by default
        the values of its text and textarea fields."""
        words = (data.get(f.name) for f in self.fields if f.kind in ("text", "textarea"))
        return " ".join(str(value) for value in words if value)

    def is_empty(self, data: Mapping[str, Any]) -> bool:
        """True when nothing has been written into a block with this data: every field a
        person types into (text, textarea, url, file) is blank. Such a block is removed when
        its editor is left. A type with no such fields (a divider) is never empty."""
        typed = [f.name for f in self.fields if f.kind in ("text", "textarea", "url", "file")]
        if not typed:
            return False
        return not any(str(data.get(name) or "").strip() for name in typed)

    def with_upload(self, raw: Mapping[str, Any], media: Any) -> dict[str, Any]:
        """The form data after an image was uploaded into this block's file field."""
        return dict(raw)

    def render_context(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """Extra template variables computed from the data (e.g. highlighted code)."""
        return {}


def text_value(raw: Mapping[str, Any], name: str) -> str:
    """A one-line field's value as text (see typed_text), without surrounding whitespace."""
    return typed_text(raw.get(name, "")).strip()


def flag_value(raw: Mapping[str, Any], name: str) -> bool:
    """A checkbox or JSON boolean: true for True, "y", "on", "true", "1"."""
    value = raw.get(name, False)
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("y", "on", "true", "1", "yes")


def textarea_value(raw: Mapping[str, Any], name: str) -> str:
    """A multi-line field's value: line endings made "\\n", blank lines before and whitespace
    after removed, and the first line's indentation kept (it matters in Markdown and code)."""
    text = typed_text(raw.get(name), multiline=True)
    return _LEADING_BLANK_LINES.sub("", text).rstrip()
