"""The Nu HTML checker (vnu.jar, from the npm package vnu-jar that `make test` installs in
scripts/html-checker/) run over pages as the server sent them: the errors it finds in each."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from helpers.support import missing

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = Path(
    os.environ.get("VNU_JAR")
    or ROOT / "scripts/html-checker/node_modules/vnu-jar/build/dist/vnu.jar"
)
# One run checks every page; it has this long (seconds) on a busy machine.
CHECK_TIMEOUT = 300


def checker_command() -> list[str]:
    """How to run the checker here; skips (or fails where required) when it is missing."""
    java = shutil.which("java")
    if java is None:
        missing(
            "BLOG_REQUIRE_BROWSER", "Java is not installed (apt-get install default-jre-headless)"
        )
    if not VNU_JAR.is_file():
        missing(
            "BLOG_REQUIRE_BROWSER",
            f"the Nu HTML checker is not installed at {VNU_JAR} "
            "(make test installs it: cd scripts/html-checker && npm ci)",
        )
    return [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]


def html_errors(documents: dict[str, str], folder: Path) -> dict[str, list[str]]:
    """The checker's errors for each named HTML document ("line 3: message"); a document
    it found nothing wrong in maps to []."""
    command = checker_command()
    files = {}
    for name, html in documents.items():
        path = folder / (re.sub(r"\W+", "-", name) + ".html")
        path.write_text(html, encoding="utf-8")
        files[path.name] = name
    result = subprocess.run(
        [*command, *(str(folder / file_name) for file_name in files)],
        capture_output=True,
        text=True,
        timeout=CHECK_TIMEOUT,
    )
    report = json.loads(result.stderr or result.stdout)
    errors: dict[str, list[str]] = {name: [] for name in documents}
    for message in report["messages"]:
        if message["type"] in ("error", "non-document-error"):
            file_name = message.get("url", "").rpartition("/")[2]
            name = files.get(file_name, "(the checker itself)")
            errors.setdefault(name, []).append(
                f"line {message.get('lastLine', '?')}: {message['message']}"
            )
    return errors
