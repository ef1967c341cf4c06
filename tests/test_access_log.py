"""One log line per request on standard error: method, path, status, duration and a request
id that the answer carries too; text or JSON; no query strings and no password-link tokens."""

import json
import re

import pytest

from blog.config import ConfigError, config_from_environment

from helpers.published_pages import make_published_page

TEXT_LINE = re.compile(r"(\S+) (\S+) (\d{3}) (\d+\.\d\d)ms id=([A-Za-z0-9._-]+)")


def _lines(capsys) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if line.strip()]


def test_each_request_gives_one_text_line_with_the_id_the_answer_carries(make_app, capsys):
    app = make_app(LOG_FORMAT="text")
    make_published_page(app, "Leek soup", "leek-soup")  # answered before Flask runs
    client = app.test_client()
    capsys.readouterr()
    answers = [client.get("/leek-soup"), client.get("/no-such-page"), client.post("/login")]
    lines = _lines(capsys)
    assert len(lines) == 3
    logged = [TEXT_LINE.fullmatch(line).groups() for line in lines]
    assert [(method, path, int(status)) for method, path, status, _, _ in logged] == [
        ("GET", "/leek-soup", 200),
        ("GET", "/no-such-page", 404),
        ("POST", "/login", answers[2].status_code),
    ]
    assert [request_id for *_, request_id in logged] == [
        answer.headers["X-Request-ID"] for answer in answers
    ]
    assert len({request_id for *_, request_id in logged}) == 3


def test_json_lines_hold_the_same_fields(make_app, capsys):
    client = make_app(LOG_FORMAT="json").test_client()
    capsys.readouterr()
    answer = client.get("/search", query_string={"q": "leeks"})
    [line] = _lines(capsys)
    fields = json.loads(line)
    assert fields["event"] == "request"
    assert (fields["method"], fields["path"], fields["status"]) == ("GET", "/search", 200)
    assert fields["request_id"] == answer.headers["X-Request-ID"]
    assert isinstance(fields["duration_ms"], float | int) and fields["duration_ms"] >= 0
    assert "leeks" not in line  # no query strings: search words are the reader's


def test_a_proxys_sane_request_id_is_kept_and_anything_else_replaced(make_app, capsys):
    client = make_app(LOG_FORMAT="text").test_client()
    kept = client.get("/", headers={"X-Request-ID": "edge-7f3a.1"})
    assert kept.headers["X-Request-ID"] == "edge-7f3a.1"
    for forged in ("two words", "x" * 65, "evil\u2028line"):
        answer = client.get("/", headers={"X-Request-ID": forged})
        assert answer.headers["X-Request-ID"] != forged
    lines = _lines(capsys)
    assert len(lines) == 4 and all(TEXT_LINE.fullmatch(line) for line in lines)


def test_the_token_of_a_password_link_never_reaches_the_log(make_app, capsys):
    client = make_app(LOG_FORMAT="text").test_client()
    capsys.readouterr()
    client.get("/password/secret-token.abc")
    [line] = _lines(capsys)
    assert "secret-token" not in line and " /password/… " in line


def test_the_log_can_be_turned_off(make_app, capsys):
    client = make_app(LOG_FORMAT="off").test_client()
    capsys.readouterr()
    answer = client.get("/")
    assert _lines(capsys) == [] and "X-Request-ID" not in answer.headers


def test_an_unknown_log_format_is_refused_by_name(monkeypatch, tmp_path):
    monkeypatch.setenv("BLOG_LOG_FORMAT", "xml")
    with pytest.raises(ConfigError, match="BLOG_LOG_FORMAT must be 'text', 'json' or 'off'"):
        config_from_environment(tmp_path)
