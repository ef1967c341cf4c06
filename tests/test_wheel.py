"""The blog built as a wheel and installed outside the checkout runs: it migrates its database,
renders its pages and serves its static files, from another directory, under gunicorn."""

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from helpers.gunicorn_server import Editor, GunicornServer

ROOT = Path(__file__).resolve().parent.parent
NOT_BUILT = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "instance", "tests", "bench"
)


def run(*command: str, cwd: Path, env: dict | None = None) -> str:
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A virtual environment outside the checkout holding the blog's wheel; its other
    packages come from the test run's environment (no download), through a .pth file."""
    folder = tmp_path_factory.mktemp("wheel")
    source = folder / "source"
    shutil.copytree(ROOT, source, ignore=NOT_BUILT)
    run(
        sys.executable,
        *("-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"),
        *("--wheel-dir", str(folder / "dist"), str(source)),
        cwd=folder,
    )
    (wheel,) = (folder / "dist").glob("blog-*.whl")
    venv = folder / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", str(venv), cwd=folder)
    python = venv / "bin" / "python"
    target = Path(
        run(
            str(python),
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
            cwd=folder,
        ).strip()
    )
    (target / "test_run_packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(
        sys.executable,
        *("-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps"),
        str(wheel),
        cwd=folder,
    )
    return venv


def test_the_wheel_carries_templates_static_files_and_migrations(installed):
    names = set(zipfile.ZipFile(next(installed.parent.glob("dist/blog-*.whl"))).namelist())
    for folder in ("templates", "static", "migrations"):
        shipped = {
            f"blog/{folder}/{path.relative_to(ROOT / folder)}"
            for path in (ROOT / folder).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        }
        assert shipped and shipped <= names, sorted(shipped - names)
    modules = {f"{path.relative_to(ROOT)}" for path in (ROOT / "blog").rglob("*.py")}
    assert modules <= names, f"list these packages in setup.cfg: {sorted(modules - names)}"


def test_the_installed_app_migrates_and_serves_pages_from_elsewhere(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    python = str(installed / "bin" / "python")
    database_url = f"sqlite:///{elsewhere / 'blog.sqlite3'}"
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": database_url, "BLOG_SECRET_KEY": "wheel"}
    where = run(python, "-c", "import blog; print(blog.__file__)", cwd=elsewhere, env=env)
    assert where.startswith(str(installed)), where

    run(python, "-m", "flask", "--app", "blog", "db", "upgrade", cwd=elsewhere, env=env)

    server = GunicornServer(database_url, elsewhere, python=python, cwd=elsewhere).start()
    try:
        reader = Editor(server)
        status, front = reader.request("GET", "/")
        assert status == 200 and "<html" in front
        status, login = reader.request("GET", "/login")
        assert status == 200 and "Log in" in login
        status, stylesheet = reader.request("GET", "/static/css/site.css")
        assert status == 200 and stylesheet == (ROOT / "static/css/site.css").read_text()
        status, missing = reader.request("GET", "/no-such-page")
        assert status == 404 and "There is no page at this address" in missing
    finally:
        server.stop()
