"""Block types: one module per family registers its classes; import order is palette order."""

from blog.builder.blocks import code, media, page_elements, text  # noqa: F401  (registers)
from blog.builder.blocks.base import BlockInvalid, BlockType, Field
from blog.builder.blocks.registry import REGISTRY, UnknownBlockType, block_type

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
