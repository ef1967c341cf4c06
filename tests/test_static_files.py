"""Static files go out under content-hashed names, cached for good and precompressed; a stored
page that names an older hash still gets its file."""

import gzip
import os
import re
from pathlib import Path

import brotli
import pytest
from werkzeug.test import Client

from blog.static_files import StaticFiles, making_folder, prepare

from helpers.published_pages import make_published_page, text_rows

STYLESHEET = re.compile(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"')


def _stylesheet_address(client) -> str:
    return STYLESHEET.search(client.get("/").text)[1]


def test_pages_name_the_stylesheet_by_its_content_and_it_is_cached_for_good(client, app):
    address = _stylesheet_address(client)
    answer = client.get(address)
    assert answer.status_code == 200
    assert "immutable" in answer.headers["Cache-Control"]
    assert "max-age=315360000" in answer.headers["Cache-Control"]
    with open(f"{app.static_folder}/css/site.css", "rb") as original:
        assert answer.data == original.read()


@pytest.mark.parametrize(
    ("accepted", "encoding", "decode"),
    [("br, gzip", "br", brotli.decompress), ("gzip", "gzip", gzip.decompress)],
)
def test_the_stylesheet_comes_compressed_as_the_browser_accepts(client, accepted, encoding, decode):
    address = _stylesheet_address(client)
    plain = client.get(address, headers={"Accept-Encoding": "identity"})
    answer = client.get(address, headers={"Accept-Encoding": accepted})
    assert answer.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in answer.headers["Vary"]
    assert len(answer.data) < len(plain.data) / 2
    assert decode(answer.data) == plain.data


def test_pages_keep_their_policy_and_name_static_files_on_the_site_itself(client, app):
    make_published_page(app, "Hashed", "hashed", text_rows("Words."))
    article = client.get("/hashed")
    assert "script-src 'self'" in article.headers["Content-Security-Policy"]
    scripts = re.findall(r'<script src="([^"]+)"', article.text)
    assert scripts and all(re.fullmatch(r"/static/js/\w+\.[0-9a-f]{12}\.js", s) for s in scripts)
    assert all(client.get(s).status_code == 200 for s in scripts)


def test_an_unhashed_name_still_answers_and_is_revalidated(client):
    answer = client.get("/static/css/site.css")
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-cache"


def _site(tmp_path, css: str, machine: str) -> tuple[Client, dict[str, str]]:
    """The static files of a site whose stylesheet reads `css`, served by a machine with its
    own copies folder; anything else is not found."""
    source = tmp_path / "static"
    (source / "css").mkdir(parents=True, exist_ok=True)
    (source / "css" / "site.css").write_text(css)
    cache = tmp_path / machine
    names = prepare(source, cache)

    def not_found(environ, start_response):
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    return Client(StaticFiles(not_found, cache, names)), names


def test_a_stored_page_naming_an_older_stylesheet_gets_it_from_the_same_machine(tmp_path):
    _, before = _site(tmp_path, "body { color: black }", "machine")
    site, after = _site(tmp_path, "body { color: navy }", "machine")
    assert before["css/site.css"] != after["css/site.css"]
    old = site.get(f"/static/{before['css/site.css']}")
    assert old.status_code == 200 and old.text == "body { color: black }"
    assert site.get(f"/static/{after['css/site.css']}").text == "body { color: navy }"


def test_a_stored_page_naming_an_older_stylesheet_is_led_to_the_current_one_elsewhere(tmp_path):
    _, before = _site(tmp_path, "body { color: black }", "old-machine")
    site, after = _site(tmp_path, "body { color: navy }", "new-machine")
    answer = site.get(f"/static/{before['css/site.css']}")
    assert answer.status_code == 302
    assert answer.headers["Location"] == f"/static/{after['css/site.css']}"
    assert answer.headers["Cache-Control"] == "no-cache"
    assert site.get(answer.headers["Location"]).text == "body { color: navy }"


def test_a_hashed_name_of_no_static_file_is_not_found(tmp_path):
    site, _ = _site(tmp_path, "body { color: black }", "machine")
    assert site.get("/static/css/other.0123456789ab.css").status_code == 404


def test_the_scan_at_start_leaves_out_the_copies_another_process_is_still_making(
    tmp_path, monkeypatch
):
    """A folder of copies in the making can vanish under a scan (FileNotFoundError as the
    app starts), and a copy in it is half made: neither is looked at nor served."""
    _site(tmp_path, "body { color: black }", "machine")
    cache = tmp_path / "machine"
    half_made = making_folder(cache) / "tmp1a2b3c"
    half_made.mkdir(parents=True)
    (half_made / "site.0123456789ab.css").write_text("half")
    scanned = []
    scandir = os.scandir

    def recorded_scandir(path):
        scanned.append(Path(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", recorded_scandir)
    site, _ = _site(tmp_path, "body { color: black }", "machine")
    assert cache in scanned and cache / "css" in scanned
    assert not [path for path in scanned if path.is_relative_to(making_folder(cache))]
    assert site.get("/static/.making/tmp1a2b3c/site.0123456789ab.css").status_code == 404
