"""The state of a block's edit form: what its inputs hold, field messages, and a conflict."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from werkzeug.datastructures import MultiDict

from blog.content.blocks import BlockType, UnknownBlockType, block_type
from blog.models import Block

# What a block's form carries besides the block's fields: the CSRF token, the version it
# edits, the page it was opened on, and (added by the script) that it was saved while typing.
FORM_BOOKKEEPING = ("csrf_token", "version", "page", "autosave")


@dataclass
class BlockForm:
    """A block being edited. `values` fill the inputs (the stored data at first, what the
    editor typed after a refusal); with `conflict`, the block was saved by someone else
    since this edit began, and the template shows their version beside these values."""

    block: Block
    values: Mapping[str, Any]
    errors: dict[str, str] = field(default_factory=dict)
    conflict: bool = False
    version: int | None = None

    def __post_init__(self) -> None:
        if self.version is None:
            self.version = self.block.version

    @classmethod
    def of(cls, block: Block) -> "BlockForm":
        """The form of a block as stored."""
        return cls(block=block, values=block.data)

    @property
    def kind(self) -> BlockType | None:
        try:
            return block_type(self.block.type)
        except UnknownBlockType:
            return None

    def value(self, name: str) -> Any:
        value = self.values.get(name, "")
        return "" if value is None else value


def submitted_values(form: MultiDict) -> dict[str, str]:
    """The fields of a posted block form, without the form's own bookkeeping."""
    return {name: form.get(name) for name in form if name not in FORM_BOOKKEEPING}
