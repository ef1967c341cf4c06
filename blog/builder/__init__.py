"""The page builder: pages list, the editor, rows and blocks."""

from flask import Blueprint, Flask

from blog.auth.roles import can_delete_page, can_use_trash
from blog.builder import preview_writes, previews
from blog.builder.page_details import PageDetails
from blog.builder.page_sharing import KIND_LABELS, page_pictures
from blog.content.blocks import REGISTRY, palette
from blog.content.layout import LAYOUT_LABELS
from blog.publishing import changes_not_live

bp = Blueprint("builder", __name__, url_prefix="/builder")


@bp.app_template_global()
def block_label(type_name: str) -> str:
    """A block type's label, or the stored type name itself when the type is unknown."""
    kind = REGISTRY.get(type_name)
    return kind.label if kind else type_name


bp.add_app_template_global(previews.block_preview, "remembered_block_preview")


@bp.context_processor
def builder_template_names() -> dict:
    return {
        "LAYOUT_LABELS": LAYOUT_LABELS,
        "PageDetails": PageDetails,
        "kind_labels": KIND_LABELS,
        "page_pictures": page_pictures,
        "can_delete_page": can_delete_page,
        "can_use_trash": can_use_trash,
        "changes_not_live": changes_not_live,
        "palette": palette,
    }


def init_app(app: Flask) -> None:
    # The view modules attach their routes to bp when imported.
    from blog.builder import (  # noqa: F401
        block_insert_views,
        block_move_views,
        block_order_views,
        block_views,
        comments_switch_views,
        export_views,
        history_views,
        page_views,
        publish_views,
        restore_views,
        row_views,
        schedule_views,
        trash_views,
        undo_views,
    )

    app.register_blueprint(bp)
    preview_writes.init_app()
