"""Whole numbers from URLs and forms, kept within what the database's columns hold: an id
or a page number too large for an INTEGER column is "not found", not a server error."""

from flask import request
from werkzeug.exceptions import NotFound
from werkzeug.routing import IntegerConverter

LARGEST_ID = 2**31 - 1  # the INTEGER columns of PostgreSQL (and so of every backend here)


def whole_number(value: object, largest: int = LARGEST_ID) -> int | None:
    """A form's or JSON document's whole number from 0 to `largest`, or None: only ASCII
    digits count (not "²" or "٣"), and no more of them than `largest` has."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value <= largest else None
    text = str(value).strip() if value is not None else ""
    if not (text.isascii() and text.isdecimal()) or len(text) > len(str(largest)):
        return None
    number = int(text)
    return number if number <= largest else None


def whole_numbers(values: list[str]) -> list[int]:
    """The whole numbers among a form's repeated values; anything else is left out."""
    numbers = (whole_number(value) for value in values)
    return [number for number in numbers if number is not None]


def posted_ids(name: str) -> list[int]:
    """The ids a form posted under `name`, in order. One value that is not an id empties
    the list, so that it matches no container and the reorder is refused as a conflict."""
    values = request.form.getlist(name)
    ids = whole_numbers(values)
    return ids if len(ids) == len(values) else []


class IdConverter(IntegerConverter):
    """`<int:...>` in every URL of the app: a number larger than any id is not found."""

    def to_python(self, value: str) -> int:
        number = super().to_python(value)
        if number > LARGEST_ID:
            raise NotFound()
        return number
