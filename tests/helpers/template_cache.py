"""Compiled templates shared by every app a test process builds.

Each test builds its own app, and each app's Jinja environment would compile every template
it renders again: most of a short test's time. Jinja's bytecode cache lets the apps share the
compiled code (keyed by template and checked against the source, so an edited template is
compiled afresh); what the templates render does not change.
"""

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class TemplateCacheInMemory(BytecodeCache):
    """Jinja's compiled templates kept in this process's memory."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = TemplateCacheInMemory()
