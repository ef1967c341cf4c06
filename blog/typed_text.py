"""What people type, made safe to store and to put in HTML, XML and SQL: control characters
(a NUL, a vertical tab pasted from a word processor) break feeds and some databases, and
show nothing to a reader, so they are dropped; line breaks become "\\n"."""

import re

from flask import Flask, abort, request

# C0 controls and DEL, except tab and line feed; carriage returns are handled separately.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def typed_text(value: object, multiline: bool = False) -> str:
    """The value as text without control characters, its line breaks "\\n" when multiline
    and spaces when not, with surrounding whitespace kept for the caller to decide."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        text = text.replace("\n", " ")
    return _CONTROL.sub("", text)


def typed_email(value: object) -> str:
    """An email address in the one form that is stored, looked up and throttled at login:
    typed text without control characters, trimmed, lower-cased. Anything that finds an
    account therefore counts against that account's login limits too.

    Plain lower() rather than casefold() or NFKC: stored addresses are already in this form,
    and those would make other stored addresses match ("ß" and "ss", full-width letters)
    without closing any gap, since the lookup and the throttle share this function."""
    return typed_text(value).strip().lower()


def init_app(app: Flask) -> None:
    @app.before_request
    def refuse_control_characters_in_the_address():
        # No page, tag or query holds one; some databases refuse them outright.
        if _CONTROL.search(request.path):
            abort(404)
        if any(_CONTROL.search(value) for value in request.args.values()):
            abort(400, "The address holds characters that cannot be part of one.")
