"""`flask demo`: published demo pages and a demo admin, idempotently."""

import itertools
import re

from sqlalchemy import func, select

from blog.cli.demo import DEMO_ADMIN_EMAIL, DEMO_PAGES
from blog.extensions import db
from blog.models import Page, Revision


def _password(output: str) -> str:
    return output.split(f"Demo login: {DEMO_ADMIN_EMAIL} / ")[1].strip()


def test_demo_publishes_its_pages_and_prints_a_working_login(app, runner, auth, client):
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert auth.login(DEMO_ADMIN_EMAIL, _password(result.output)).status_code == 303
    assert client.get("/builder/").status_code == 200
    front = client.get("/").get_data(as_text=True)
    for entry in DEMO_PAGES:
        # Posts are listed with their cover pictures; the standalone About page is not
        # listed, and the header links to it instead.
        is_post = entry.get("kind", "post") == "post"
        assert (entry["title"] in front) == is_post
        assert client.get(f"/{entry['slug']}").status_code == 200
    assert front.count('class="teaser-image"') == len(DEMO_PAGES) - 1
    assert '<a href="/about">About</a>' in front


def test_demo_pages_use_several_layouts():
    layouts = {row["layout"] for entry in DEMO_PAGES for row in entry["rows"]}
    assert len(layouts) >= 4


def test_running_demo_twice_adds_nothing_and_gives_a_new_password(app, runner, auth):
    first = runner.invoke(args=["demo"])
    second = runner.invoke(args=["demo"])
    assert second.exit_code == 0, second.output
    assert "0 page(s) added" in second.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Page)) == len(DEMO_PAGES)
        assert db.session.scalar(select(func.count()).select_from(Revision)) == len(DEMO_PAGES)
    assert auth.login(DEMO_ADMIN_EMAIL, _password(first.output)).status_code == 401
    assert auth.login(DEMO_ADMIN_EMAIL, _password(second.output)).status_code == 303


def test_demo_pages_headings_step_down_one_level_at_a_time(app, runner, client):
    """Screen-reader users move by headings: after the title (h1) comes an h2, and no level
    is skipped (axe and Lighthouse check this on the demo article)."""
    runner.invoke(args=["demo"])
    for entry in DEMO_PAGES:
        html = client.get(f"/{entry['slug']}").get_data(as_text=True)
        levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]
        steps = [after - before for before, after in itertools.pairwise(levels)]
        assert levels[0] == 1 and max(steps) <= 1, (entry["slug"], levels)
