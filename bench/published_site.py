"""`python -m bench.published_site COUNT`: COUNT published 40-block articles tagged "bench"
(a bench user's), on DATABASE_URL, so the front page, tag page, feed and sitemap have them."""

import sys

from bench.seed import BENCH_EMAIL, BENCH_PASSWORD, text_rows
from blog import create_app
from blog.content.tags import tags_named
from blog.extensions import db
from blog.models import Page, User
from blog.publishing import publish

if __name__ == "__main__":
    app = create_app()
    with app.app_context():
        user = User(email=BENCH_EMAIL, name="Bench", role="editor")
        user.set_password(BENCH_PASSWORD)
        db.session.add(user)
        for number in range(1, int(sys.argv[1]) + 1):
            page = Page(
                title=f"Article {number}",
                slug=f"article-{number}",
                summary="Forty blocks of text in two columns.",
                author=user,
                rows=text_rows(40),
            )
            page.tags = tags_named(["bench"])
            db.session.add(page)
            db.session.flush()
            publish(page, user)
            db.session.commit()
