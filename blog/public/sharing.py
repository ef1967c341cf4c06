"""What an article tells search engines and sharing sites about itself: its title and
description for them, its featured image as an absolute URL, and its JSON-LD `Article`."""

import json
from typing import Any

from flask import Flask, current_app
from markupsafe import Markup

from blog.content.blocks.image import image_sources
from blog.media_names import media_url
from blog.models import Page, Revision
from blog.site_settings import social_image_url
from blog.timestamps import machine_time

# Inside <script> the HTML parser ends the element at "</script" and treats "<!--" specially;
# as \u escapes these characters mean the same to a JSON reader and nothing to HTML.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def absolute_media_url(sha256: str) -> str:
    """The picture's original at the site's own address (BLOG_BASE_URL), as sharing sites
    need it."""
    return current_app.config["BLOG_BASE_URL"].rstrip("/") + media_url(sha256)


def shared_image_url(revision: Revision) -> str | None:
    """The absolute URL of the image shared with a link to the article (og:image, JSON-LD):
    its featured image, else the site's default social image, else None."""
    # A preview's stand-in for a revision may carry none of the sharing details.
    featured = getattr(revision, "featured_image", None)
    return absolute_media_url(featured["media"]) if featured else social_image_url()


def shared_title(revision: Revision) -> str:
    """The title search engines and sharing sites show: the SEO title, else the title."""
    return getattr(revision, "seo_title", "") or revision.title


def shared_description(revision: Revision) -> str:
    """The description they show: the SEO description, else the summary (may be empty)."""
    return getattr(revision, "seo_description", "") or revision.summary


def article_json_ld(page: Page, revision: Revision, url: str) -> Markup:
    """The JSON-LD `Article` of a published post, safe inside <script
    type="application/ld+json">: headline, dates, author, image and address."""
    published_at = page.published_at or revision.created_at
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": revision.title,
        "datePublished": machine_time(published_at),
        "dateModified": machine_time(revision.created_at),
        "author": {"@type": "Person", "name": page.author.name},
        "url": url,
    }
    if image := shared_image_url(revision):
        data["image"] = image
    if description := shared_description(revision):
        data["description"] = description
    return Markup(json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE))


def init_app(app: Flask) -> None:
    """The article template asks these."""
    app.jinja_env.globals.update(
        article_json_ld=article_json_ld,
        shared_image_url=shared_image_url,
        shared_title=shared_title,
        shared_description=shared_description,
        # A teaser's picture has the article image's sources: the variants browsers cache.
        teaser_image_sources=image_sources,
    )
