"""A page shown as readers would get it, for the people working on it: the draft (Preview)
or an entry of its History. Never cached and never indexed."""

from typing import Any

from flask import Response, make_response, render_template
from markupsafe import Markup

from blog.comments import CommentForm
from blog.content.rendering import render_page
from blog.models import Page


def article_preview(page: Page, shown: Any, content: dict, banner: str = "") -> Response:
    """The article page for `content` (a blog.page/1 document), with `shown` in the place of
    its revision (title, summary, tags, reading minutes, date) and `banner` above it."""
    html = render_template(
        "public/article.html",
        page=page,
        revision=shown,
        preview=True,
        preview_banner=banner,
        body=render_page(content),
        comments=Markup(""),
        comment=CommentForm(),
    )
    response = make_response(html)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex"
    return response
