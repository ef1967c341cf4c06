"""`python -m bench.seed 10 100 ...`: a bench user and one page per size, on DATABASE_URL.
Prints "<size> <id of a block in the middle of that page>" per page."""

import sys

from sqlalchemy import select

from blog import create_app
from blog.extensions import db
from blog.models import Block, Page, Row, User

BENCH_EMAIL, BENCH_PASSWORD = "bench@example.com", "bench-password"


def text_rows(block_count: int) -> list[Row]:
    """Rows of two columns, ten text blocks each."""
    rows = []
    for number in range(block_count // 10):
        row = Row(position=number, layout="1-1")
        row.blocks = [
            Block(
                column=i % 2,
                position=i,
                type="text",
                data={"markdown": f"Paragraph {number}.{i} of a long page, with *some* words."},
            )
            for i in range(10)
        ]
        rows.append(row)
    return rows


def main(sizes: list[int]) -> None:
    app = create_app()
    with app.app_context():
        user = User(email=BENCH_EMAIL, name="Bench", role="editor")
        user.set_password(BENCH_PASSWORD)
        db.session.add(user)
        for size in sizes:
            db.session.add(
                Page(title=f"{size} blocks", slug=f"page-{size}", author=user, rows=text_rows(size))
            )
        db.session.commit()
        for size in sizes:
            page = db.session.scalar(select(Page).where(Page.slug == f"page-{size}"))
            print(size, page.rows[len(page.rows) // 2].blocks[0].id)


if __name__ == "__main__":
    main([int(size) for size in sys.argv[1:]])
