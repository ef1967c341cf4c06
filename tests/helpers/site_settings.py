"""The site settings form as an admin fills it in, and what a reader's page shows of the
settings: title, description, language, navigation links, footer, Open Graph tags."""

import io
from dataclasses import dataclass
from typing import Any

from helpers.builder_pages import parse_html

SETTINGS_URL = "/admin/settings"


def settings_form(
    version: int = 0, links=(), image: bytes | None = None, **fields: Any
) -> dict[str, Any]:
    """The fields the settings form posts: these values over sensible ones, `links` as
    (words, address) pairs in order, `image` uploaded as the default social image."""
    form = {
        "title": "Soup Weekly",
        "description": "Recipes for every season.",
        "language": "en-GB",
        "footer": "Written in a small kitchen.",
        "version": str(version),
    } | fields
    for number, (label, address) in enumerate(links, start=1):
        form[f"link-{number}-label"], form[f"link-{number}-address"] = label, address
    if image is not None:
        form["social_image"] = (io.BytesIO(image), "card.png")
    return form


@dataclass
class ShownSettings:
    """What one page shows of the site settings."""

    title: str
    language: str
    site_name: str
    header: str
    links: list[tuple[str, str]]
    footer: str
    og_image: str | None


def shown_settings(html: str) -> ShownSettings:
    """Read the settings back from a whole page as readers get it."""
    tree = parse_html(html)
    [header] = tree.find_all("header", class_="site-header")
    [navigation] = header.find_all("nav", **{"aria-label": "Site"})
    footers = tree.find_all("footer", class_="site-footer")
    # One of each: sharing sites take the first, so a second one would be a defect.
    images = tree.find_all("meta", property="og:image")
    assert len(images) <= 1, f"{len(images)} og:image tags"
    [site_name] = tree.find_all("meta", property="og:site_name")
    return ShownSettings(
        title=tree.find_all("title")[0].text,
        language=tree.find_all("html")[0].attrs["lang"],
        site_name=site_name.attrs["content"],
        header=header.text,
        links=[(a.text, a.attrs["href"]) for a in navigation.find_all("a")],
        footer=footers[0].text if footers else "",
        og_image=images[0].attrs["content"] if images else None,
    )
