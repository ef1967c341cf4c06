"""The code block: offered languages only, highlighting with classes at a bounded cost."""

import subprocess
import sys
import textwrap

import pytest

from blog.content.blocks import block_type
from blog.content.blocks.code import code_html
from blog.content.rendering import render_block

from helpers.block_samples import (
    SAMPLES,
    clean,
    errors_of,
)

# Code


def test_code_in_an_unknown_language_is_refused():
    assert "klingon" in errors_of("code", {"code": "x", "language": "klingon"})["language"]


@pytest.mark.parametrize(
    ("given", "stored"), [("py", "python"), ("JS", "javascript"), ("sh", "bash"), ("", "")]
)
def test_code_accepts_another_name_of_an_offered_language_and_stores_the_offered_one(given, stored):
    assert clean("code", {"code": "x", "language": given})["language"] == stored


@pytest.mark.parametrize("language", ["csharp", "ruby", "c"])
def test_code_in_a_language_the_menu_does_not_offer_is_refused(language):
    message = errors_of("code", {"code": "x", "language": language})["language"]
    assert message == f"“{language}” is not one of the listed languages; pick one."


def test_stored_code_in_a_language_no_longer_offered_is_shown_plain(block_app):
    html = render_block("code", {"code": "int x = 1;", "language": "csharp"}, 1)
    assert '<div class="highlight">' in html and "int x = 1;" in html
    assert '<span class="kt">' not in html


def test_code_past_the_highlighting_budget_is_shown_plain_and_stays_plain():
    listing = "total = total + 1\n" * 200
    # A budget no machine runs past, however busy: this one must be highlighted.
    assert '<span class="n">total</span>' in code_html(listing, "python", budget=60.0)
    costly = "count = count + 1\n" * 200
    plain = code_html(costly, "python", budget=-1.0)  # spent before it starts
    assert "count = count + 1" in plain and '<span class="n">' not in plain
    # Remembered: the same listing is shown plain at once, whatever the budget.
    assert code_html(costly, "python") == plain


def test_the_app_compiles_the_offered_lexers_when_it_starts(tmp_path):
    # In a process of its own: in this one, earlier tests may have compiled them already.
    script = textwrap.dedent(f"""
        from pygments.lexer import RegexLexer
        from pygments.lexers import find_lexer_class_by_name
        from blog import create_app
        from blog.content.blocks.code import OFFERED_NAMES
        classes = [find_lexer_class_by_name(name) for name in OFFERED_NAMES if name]
        rule_based = [kind for kind in classes if issubclass(kind, RegexLexer)]
        compiled = lambda: sum("_tokens" in kind.__dict__ for kind in rule_based)
        before = compiled()
        create_app({{"SQLALCHEMY_DATABASE_URI": "sqlite:///{tmp_path}/blog.db"}})
        print(before, compiled(), len(rule_based))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    before, after, rule_based = result.stdout.split()
    assert (before, after) == ("0", rule_based) and int(rule_based) >= 9


def test_empty_code_is_refused():
    assert errors_of("code", {"code": "\n\n", "language": ""})["code"]


def test_code_language_choices_start_with_plain_text():
    (language,) = [field for field in block_type("code").fields if field.name == "language"]
    assert language.choices[0] == ("", "Plain text")
    assert {"python", "javascript", "bash", "sql"} <= {value for value, _ in language.choices}


def test_code_is_highlighted_with_classes_never_inline_styles(block_app):
    html = render_block("code", SAMPLES["code"], 1)
    assert '<div class="highlight">' in html
    assert '<span class="k">def</span>' in html
    assert "style=" not in html


def test_code_is_escaped(block_app):
    html = render_block("code", {"code": "<script>alert(1)</script>", "language": ""}, 1)
    assert "<script>" not in html and "&lt;script&gt;" in html
