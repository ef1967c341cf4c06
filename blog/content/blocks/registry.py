"""The registry that maps a stored block's type name to its BlockType."""

from blog.content.blocks.base import BlockType

REGISTRY: dict[str, BlockType] = {}


class UnknownBlockType(LookupError):
    """A block's stored type has no class in the registry (kept, never dropped)."""


def register(cls: type[BlockType]) -> type[BlockType]:
    """Class decorator: add one instance of the block type to the registry."""
    REGISTRY[cls.name] = cls()
    return cls


def block_type(name: str) -> BlockType:
    """The registered block type called `name`; UnknownBlockType if there is none."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise UnknownBlockType(f"unknown block type {name!r}") from None
