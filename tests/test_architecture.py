"""The floors of the code hold: no module imports a higher floor (the import-linter contract
in setup.cfg), and the contract does catch a module that climbs."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(checkout: Path) -> subprocess.CompletedProcess:
    """import-linter on the `blog` package of a checkout, with that checkout's setup.cfg."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(checkout / "setup.cfg"), "--no-cache"],
        cwd=checkout,
        env={"PYTHONPATH": str(checkout), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_no_module_imports_a_higher_floor():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_content_importing_the_builder_breaks_the_contract(tmp_path):
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "blog", checkout / "blog", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "setup.cfg", checkout / "setup.cfg")
    layout = checkout / "blog" / "content" / "layout.py"
    layout.write_text(layout.read_text() + "\nfrom blog.builder import bp  # noqa\n")

    result = lint_imports(checkout)

    assert result.returncode != 0
    assert "blog.content.layout -> blog.builder" in result.stdout, result.stdout
