"""The page builder: pages list, the editor, rows and blocks."""

from flask import Blueprint, Flask
from markupsafe import Markup

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


# Each row's layout options with the row's own selected: made once here, not once per row
# (a long page has hundreds of rows).
LAYOUT_OPTIONS = {
    chosen: Markup("").join(
        Markup('<option value="{}"{}>{}</option>').format(
            layout, Markup(" selected") if layout == chosen else "", label
        )
        for layout, label in LAYOUT_LABELS.items()
    )
    for chosen in LAYOUT_LABELS
}


@bp.context_processor
def builder_template_names() -> dict:
    return {
        "LAYOUT_LABELS": LAYOUT_LABELS,
        "LAYOUT_OPTIONS": LAYOUT_OPTIONS,
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
