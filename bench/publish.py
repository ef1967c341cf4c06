"""`python -m bench.publish SLUG`: publish a seeded page, on DATABASE_URL."""

import sys

from sqlalchemy import select

from blog import create_app
from blog.extensions import db
from blog.models import Page
from blog.publishing import publish

if __name__ == "__main__":
    app = create_app()
    with app.app_context():
        page = db.session.scalar(select(Page).where(Page.slug == sys.argv[1]))
        publish(page, page.author)
        db.session.commit()
