"""Reading one setting from the environment, checked as it is read, so that a mistyped value
stops the start with one line that names the variable, what it must be, and what it was."""

import os
from urllib.parse import urlsplit

from limits import parse_many


class ConfigError(RuntimeError):
    """The environment does not describe a configuration the app can start with."""


def text(name: str, default: str = "") -> str:
    """The variable's value without surrounding spaces, or `default` when unset or blank."""
    return os.environ.get(name, "").strip() or default


def one_of(name: str, choices: tuple[str, ...], default: str) -> str:
    """A variable that holds one of a few words."""
    value = text(name, default)
    if value not in choices:
        quoted = [f"'{choice}'" for choice in choices]
        words = f"{', '.join(quoted[:-1])} or {quoted[-1]}"
        raise ConfigError(f"{name} must be {words}, not {value!r}.")
    return value


def whole_number(name: str, default: int) -> int:
    """A variable that holds a whole number of at least 0."""
    value = text(name, str(default))
    if not value.isdigit():
        raise ConfigError(f"{name} must be a whole number, not {value!r}.")
    return int(value)


def positive_number(name: str, default: float) -> float:
    """A variable that holds a number above 0, such as 1.5."""
    value = text(name, str(default))
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not 0 < number < float("inf"):
        raise ConfigError(f"{name} must be a number above 0, such as 1.5, not {value!r}.")
    return number


def rate_limit(name: str, default: str) -> str:
    """Rate limits such as "5 per minute; 50 per day", checked now so that a typo stops the
    start rather than the first login."""
    value = os.environ.get(name, default)
    try:
        parse_many(value)
    except ValueError:
        raise ConfigError(
            f"{name} must be rate limits such as '5 per minute; 50 per day', not {value!r}."
        ) from None
    return value


def web_address(name: str, example: str = "") -> str:
    """An http or https address with a host (no trailing slash), or "" when unset."""
    url = text(name).rstrip("/")
    parts = urlsplit(url)
    if url and (parts.scheme not in ("http", "https") or not parts.hostname or parts.query):
        such_as = f" such as {example}" if example else ""
        raise ConfigError(f"{name} must be an http or https address{such_as}, not {url!r}.")
    return url
