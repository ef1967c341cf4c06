"""Checking the site settings as an admin typed them: a message for each field that cannot be
stored as it is, and the values to store when none has one."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from blog.content.blocks.page_elements import is_safe_link
from blog.models.settings import (
    DESCRIPTION_MAX,
    FOOTER_MAX,
    LANGUAGE_MAX,
    LINK_ADDRESS_MAX,
    LINK_LABEL_MAX,
    LINKS_MAX,
    TITLE_MAX,
)
from blog.numbers import whole_number
from blog.site_settings import NavigationLink, Settings
from blog.typed_text import typed_text

# A language tag as BCP 47 writes the common ones: a language (en, de, fil), then optionally
# a script (Latn), a region (GB, 419) and variants (1996, valencia). <html lang> takes it.
LANGUAGE_TAG = re.compile(
    r"[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*",
    re.IGNORECASE,
)
BAD_ADDRESS = "Use an address starting with http://, https:// or a / for a page of this site."


@dataclass
class SettingsForm:
    """The settings form: the values typed, a message per refused field (the navigation
    links' under "link-1" ... "link-8"), the version of the settings it edits, and after a
    conflict the settings someone else saved meanwhile."""

    title: str
    description: str = ""
    language: str = "en"
    footer: str = ""
    links: list[NavigationLink] = field(default_factory=list)
    remove_image: bool = False
    errors: dict[str, str] = field(default_factory=dict)
    version: int = 0
    theirs: Settings | None = None

    @classmethod
    def of(cls, settings: Settings) -> "SettingsForm":
        """The form filled in with the settings in force."""
        return cls(
            settings.title,
            settings.description,
            settings.language,
            settings.footer,
            list(settings.navigation),
            version=settings.version,
        )

    @property
    def link_rows(self) -> list[NavigationLink]:
        """The links and empty rows after them: LINKS_MAX rows to type into."""
        return self.links + [NavigationLink("", "")] * (LINKS_MAX - len(self.links))

    def navigation(self) -> list[dict[str, str]]:
        """The links as stored: the rows that hold one, in the order typed."""
        return [{"label": link.label, "address": link.address} for link in self.links]


def _too_long(what: str, limit: int) -> str:
    return f"Shorten the {what} to {limit} characters or fewer."


def checked_settings(form: Mapping[str, str]) -> SettingsForm:
    """The typed settings with a message for each field that cannot be stored as it is."""
    checked = SettingsForm(
        title=typed_text(form.get("title")).strip(),
        description=typed_text(form.get("description")).strip(),
        language=typed_text(form.get("language")).strip(),
        footer=typed_text(form.get("footer"), multiline=True).strip(),
        remove_image=form.get("remove_social_image") == "yes",
        version=whole_number(form.get("version")) or 0,
    )
    errors = checked.errors
    if not checked.title:
        errors["title"] = "Give the site a title."
    elif len(checked.title) > TITLE_MAX:
        errors["title"] = _too_long("title", TITLE_MAX)
    if len(checked.description) > DESCRIPTION_MAX:
        errors["description"] = _too_long("description", DESCRIPTION_MAX)
    if len(checked.language) > LANGUAGE_MAX or not LANGUAGE_TAG.fullmatch(checked.language):
        errors["language"] = (
            "Give the language as a tag such as en, en-GB, de, pt-BR or zh-Hant: "
            "the language, then optionally a script and a country, joined by hyphens."
        )
    if len(checked.footer) > FOOTER_MAX:
        errors["footer"] = _too_long("footer text", FOOTER_MAX)
    for number in range(1, LINKS_MAX + 1):
        _check_link(checked, form, number)
    return checked


def _check_link(checked: SettingsForm, form: Mapping[str, str], number: int) -> None:
    """Add navigation link `number` (1-based) as typed to the form, with its message; a row
    left empty is no link."""
    label = typed_text(form.get(f"link-{number}-label")).strip()
    address = typed_text(form.get(f"link-{number}-address")).strip()
    if not label and not address:
        return
    checked.links.append(NavigationLink(label, address))
    if not label:
        message = "Give the link the words readers see."
    elif len(label) > LINK_LABEL_MAX:
        message = f"Shorten the link's words to {LINK_LABEL_MAX} characters or fewer."
    elif not address:
        message = "Give the link an address."
    elif len(address) > LINK_ADDRESS_MAX:
        message = f"Shorten the address to {LINK_ADDRESS_MAX} characters or fewer."
    elif not is_safe_link(address) or address.lower().startswith("mailto:"):
        message = BAD_ADDRESS
    else:
        return
    checked.errors[f"link-{len(checked.links)}"] = message
