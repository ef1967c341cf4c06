"""Small shared pieces of the test suite (imported by the conftest files and tests)."""

import os

import pytest

PASSWORD = "correct horse battery"


def missing(requirement_variable: str, reason: str):
    """Skip, unless the run demands this part (CI sets BLOG_REQUIRE_*=1): then fail."""
    if os.environ.get(requirement_variable) == "1":
        pytest.fail(f"{reason} (required because {requirement_variable}=1)")
    pytest.skip(reason)
