"""Block types: each module registers its classes; PALETTE_ORDER is the palette's order."""

from blog.content.blocks import code, embed, image, page_elements, text  # noqa: F401  (registers)
from blog.content.blocks.base import BlockInvalid, BlockType, Field
from blog.content.blocks.registry import REGISTRY, UnknownBlockType, block_type

PALETTE_ORDER = ("heading", "text", "quote", "image", "code", "divider", "button", "embed")


def palette() -> list[BlockType]:
    """Registered block types in the order the "Add block" palette lists them."""
    known = [REGISTRY[name] for name in PALETTE_ORDER if name in REGISTRY]
    return known + [t for name, t in REGISTRY.items() if name not in PALETTE_ORDER]


__all__ = [
    "REGISTRY",
    "BlockInvalid",
    "BlockType",
    "Field",
    "UnknownBlockType",
    "block_type",
    "palette",
]
