"""Static files under content-hashed names: cached for good, precompressed, served by WhiteNoise.

At app start every file of static/ is hashed; `url_for("static", filename=...)` (the one way
templates name a static file) then gives its hashed name, `css/site.3f2a9c0d1b7e.css`. The
hashed copies, and their gzip and brotli twins, are written once into a folder named by
content (BLOG_STATIC_CACHE_DIR, by default the instance folder's static/), so there is no build
step. WhiteNoise serves that folder with a far-future `immutable` cache and picks the encoding
the browser accepts.

Stored pages (articles, lists, the feed) are rendered when published, so they may name a hash
an older static file had. That name keeps working: on the machine that served it the old copy
stays in the folder; elsewhere the name leads (302, revalidated) to the current file.
Unhashed names (`/static/css/site.css`) are still answered by Flask's static route.
"""

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from flask import Flask
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

from blog.security_headers import security_headers

HASH_LENGTH = 12
MAKING = ".making"
# css/site.3f2a9c0d1b7e.css -> css/site.css
HASHED_NAME = re.compile(rf"(?P<stem>.+)\.[0-9a-f]{{{HASH_LENGTH}}}(?P<suffix>\.[^./]+)")


def hashed_name(name: str, content: bytes) -> str:
    """`name` with the first hex digits of its content's SHA-256 before its suffix."""
    digest = hashlib.sha256(content).hexdigest()[:HASH_LENGTH]
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{digest}.{suffix}" if dot and "/" not in suffix else f"{name}.{digest}"


def prepare(source: Path, cache: Path) -> dict[str, str]:
    """Copy every file of `source` into `cache` under its hashed name, with its compressed
    twins, and return the names: {"css/site.css": "css/site.3f2a9c0d1b7e.css"}.

    Copies already there are kept (same name, same content). A new copy and its twins are
    made in the cache's making folder and moved in whole, compressed twins first, so that
    another process starting at the same time never serves half a file."""
    names = {}
    compressor = Compressor(quiet=True)
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        name = path.relative_to(source).as_posix()
        content = path.read_bytes()
        names[name] = hashed_name(name, content)
        target = cache / names[name]
        if not target.exists():
            _add_copy(target, content, compressor, making_folder(cache))
    return names


def making_folder(cache: Path) -> Path:
    """Where copies are made before they move into place: inside `cache`, so on the same
    disk and writable wherever the cache is, and left out of the scan (see StaticFiles)."""
    return cache / MAKING


def _add_copy(target: Path, content: bytes, compressor: Compressor, making: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    making.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=making) as aside:
        copy = Path(aside) / target.name
        copy.write_bytes(content)
        if compressor.should_compress(copy.name):
            for twin in compressor.compress(str(copy)):
                os.replace(twin, str(target) + twin[len(str(copy)) :])
        shutil.move(copy, target)


class StaticFiles(WhiteNoise):
    """WhiteNoise over the hashed copies; a hashed name it does not hold (a stored page's,
    from before a static file changed) leads to the file's current hashed name."""

    def __init__(self, application: Callable, cache: Path, names: dict[str, str]):
        super().__init__(
            application,
            root=str(cache),
            prefix="static/",
            max_age=WhiteNoise.FOREVER,
            immutable_file_test=lambda path, url: True,  # every name here is hashed
            add_headers_function=_add_security_headers,
        )
        self.names = names

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path.startswith("/static/") and path not in self.files:
            current = self.current_name(path[len("/static/") :])
            if current is not None:
                start_response(
                    "302 Found",
                    [("Location", f"/static/{current}"), ("Cache-Control", "no-cache")],
                )
                return []
        return super().__call__(environ, start_response)

    def update_files_dictionary(self, root: str, prefix: str) -> None:
        """WhiteNoise's scan of the folder, less the making folder: a folder of copies another
        process is still making can vanish under a scan (FileNotFoundError at start)."""
        stat_cache = dict(_finished_copies(root))
        for path in stat_cache:
            url = prefix + path[len(root) :].replace(os.sep, "/")
            self.add_file_to_dictionary(url, path, stat_cache=stat_cache)

    def current_name(self, requested: str) -> str | None:
        """The current hashed name of the file a hashed name of another content stood for."""
        match = HASHED_NAME.fullmatch(requested)
        if match is None:
            return None
        return self.names.get(match["stem"] + match["suffix"])


def _finished_copies(folder: str) -> Iterator[tuple[str, os.stat_result]]:
    """(path, its stat) of every file under `folder`, but those in the making folder."""
    for entry in os.scandir(folder):
        if entry.name == MAKING:
            continue
        if entry.is_dir():
            yield from _finished_copies(entry.path)
        else:
            yield entry.path, entry.stat()


def _add_security_headers(headers, path: str, url: str) -> None:
    for name, value in security_headers(https=False):
        headers.setdefault(name, value)


def init_app(app: Flask) -> None:
    """Hash the static files and make `url_for("static", ...)` name the hashed copies."""
    cache = Path(app.config["STATIC_CACHE_DIR"])
    names = prepare(Path(app.static_folder), cache)

    @app.url_defaults
    def hashed_static_names(endpoint: str, values: dict) -> None:
        if endpoint == "static" and values.get("filename") in names:
            values["filename"] = names[values["filename"]]

    app.wsgi_app = StaticFiles(app.wsgi_app, cache, names)
