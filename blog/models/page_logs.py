"""What a page keeps a bounded log of (its operations, its draft checkpoints): the newest
rows are kept, the older ones forgotten."""

from sqlalchemy import delete, select

from blog.extensions import db


def forget_all_but_newest(log: type, page_id: int, kept: int) -> None:
    """Delete the page's rows of `log` (a model with `id` and `page_id`, ids growing with
    time) older than its newest `kept`."""
    oldest_kept = db.session.scalar(
        select(log.id)
        .where(log.page_id == page_id)
        .order_by(log.id.desc())
        .offset(kept - 1)
        .limit(1)
    )
    if oldest_kept is not None:
        db.session.execute(
            delete(log)
            .where(log.page_id == page_id, log.id < oldest_kept)
            .execution_options(synchronize_session=False)
        )
