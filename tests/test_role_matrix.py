"""Who gets what from every route of the app: anonymous readers, an author on their own page,
an author on another author's page, editors and admins. The routes are read from the app's
url_map, so a route that appears without a line in the matrix fails the test by name."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from werkzeug.routing import Rule

from blog import create_app

from helpers.route_world import (
    SENSIBLE_FORMS,
    World,
    add_person,
    build_world,
    log_in,
    login_cookie,
    session_client,
    static_file,
    store_picture,
    url_values,
)

ROLES = ("anonymous", "author-own", "author-other", "editor", "admin")
# What a route answers someone who must log in first.
LOGIN = "302 to /login"
AUTOMATIC_METHODS = {"HEAD", "OPTIONS"}

Answers = dict[str, int | str]


def everyone(answer: int) -> Answers:
    """The same answer for every role."""
    return dict.fromkeys(ROLES, answer)


def logged_in(answer: int) -> Answers:
    """Anyone logged in gets `answer`; anonymous readers are sent to log in."""
    return {**everyone(answer), "anonymous": LOGIN}


def page_editors(answer: int) -> Answers:
    """A route on one page: its author, editors and admins, and no other author."""
    return {**logged_in(answer), "author-other": 403}


def roles_only(answer: int, *roles: str) -> Answers:
    """Only these roles get `answer`; other people get 403, anonymous readers the login."""
    return {role: answer if role in roles else 403 for role in ROLES} | {"anonymous": LOGIN}


@dataclass(frozen=True)
class Expected:
    """What each role gets from a route; the URL arguments that point elsewhere than
    url_values' defaults, and the form when it is not the route's sensible form."""

    answers: Answers
    arguments: Callable[[World], dict[str, Any]] = lambda world: {}
    form: Callable[[World], dict[str, Any]] | None = None


MATRIX: dict[tuple[str, str], Expected] = {
    # The public site and its files: the same for everyone.
    ("healthz", "GET"): Expected(everyone(200)),
    ("static", "GET"): Expected(everyone(200)),
    ("public.index", "GET"): Expected(everyone(200)),
    ("public.article", "GET"): Expected(everyone(200)),
    ("public.post_comment", "POST"): Expected(everyone(303)),
    ("public.post_page_comment", "POST"): Expected(everyone(303)),
    ("public.tag", "GET"): Expected(everyone(200)),
    ("public.search", "GET"): Expected(everyone(200)),
    ("public.feed", "GET"): Expected(everyone(200)),
    ("public.sitemap", "GET"): Expected(everyone(200)),
    ("public.robots", "GET"): Expected(everyone(200)),
    # The world's picture is a draft's, uploaded by the person asking: readers cannot see it.
    ("media.original", "GET"): Expected({**everyone(200), "anonymous": 404}),
    ("media.variant", "GET"): Expected({**everyone(200), "anonymous": 404}),
    # Accounts: anyone may log in, out, or follow a password link (choosing a password is
    # refused here only to spare the scrypt hash of a real one).
    ("auth.login", "GET"): Expected(everyone(200)),
    ("auth.login", "POST"): Expected(everyone(303)),
    ("auth.logout", "POST"): Expected(everyone(303)),
    # Your account: one's own sessions (ending another person's session is impossible: the
    # id names no session of the actor, so nothing ends).
    ("account.account", "GET"): Expected(logged_in(200)),
    ("account.end_session", "POST"): Expected(logged_in(303)),
    ("account.end_others", "POST"): Expected(logged_in(303)),
    ("account.form_token", "GET"): Expected(logged_in(200)),
    ("account.change_name", "POST"): Expected(logged_in(303), form=lambda w: {"name": "Renamed"}),
    # A wrong current password: refused for everyone, and nobody's password changes.
    ("account.change_password", "POST"): Expected(
        logged_in(422),
        form=lambda w: {"current": "a wrong guess", "password": "x" * 12, "repeat": "x" * 12},
    ),
    ("auth.set_password", "GET"): Expected(everyone(200)),
    ("auth.set_password", "POST"): Expected(
        everyone(422), form=lambda w: {"password": "long enough words", "repeat": "other words"}
    ),
    # The builder: any logged-in person has a pages list and may start a page ...
    ("builder.pages", "GET"): Expected(logged_in(200)),
    ("builder.new_page", "POST"): Expected(logged_in(303)),
    # ... and works on their own pages; editors and admins on every page.
    ("builder.editor", "GET"): Expected(page_editors(200)),
    ("builder.preview", "GET"): Expected(page_editors(200)),
    ("builder.history", "GET"): Expected(page_editors(200)),
    # Without htmx, a page's fresh actions and a column's "Add block" are the editor.
    ("builder.page_actions", "GET"): Expected(page_editors(303)),
    ("builder.column_palette", "GET"): Expected(page_editors(303)),
    ("builder.export_json", "GET"): Expected(page_editors(200)),
    ("builder.save_details", "POST"): Expected(page_editors(303)),
    ("builder.comments_switch", "POST"): Expected(page_editors(303)),
    ("builder.duplicate_page", "POST"): Expected(page_editors(303)),
    # History's entries: revisions and draft checkpoints, shown, compared and restored (after
    # a question) for the people who may edit the page only.
    ("builder.preview_revision", "GET"): Expected(page_editors(200)),
    ("builder.preview_checkpoint", "GET"): Expected(page_editors(200)),
    ("builder.compare_revision", "GET"): Expected(page_editors(200)),
    ("builder.compare_checkpoint", "GET"): Expected(page_editors(200)),
    ("builder.restore_revision", "GET"): Expected(page_editors(200)),
    ("builder.restore_revision", "POST"): Expected(page_editors(303)),
    ("builder.restore_checkpoint", "GET"): Expected(page_editors(200)),
    ("builder.restore_checkpoint", "POST"): Expected(page_editors(303)),
    ("builder.add_row", "POST"): Expected(page_editors(303)),
    ("builder.order_rows", "POST"): Expected(page_editors(303)),
    ("builder.change_layout", "POST"): Expected(page_editors(303)),
    ("builder.move_row", "POST"): Expected(page_editors(303)),
    ("builder.duplicate_row", "POST"): Expected(page_editors(303)),
    ("builder.delete_row", "GET"): Expected(page_editors(200)),
    ("builder.delete_row", "POST"): Expected(page_editors(303)),
    ("builder.add_block", "POST"): Expected(page_editors(303)),
    ("builder.add_block_after", "POST"): Expected(page_editors(303)),
    ("builder.order_blocks", "POST"): Expected(page_editors(303)),
    # Without htmx, showing a block or its form is the editor scrolled to it.
    ("builder.show_block", "GET"): Expected(page_editors(303)),
    ("builder.edit_block", "GET"): Expected(page_editors(303)),
    ("builder.save_block", "POST"): Expected(page_editors(303)),
    ("builder.leave_block", "POST"): Expected(page_editors(303)),
    ("builder.duplicate_block", "POST"): Expected(page_editors(303)),
    ("builder.delete_block", "POST"): Expected(page_editors(303)),
    ("builder.move_block", "POST"): Expected(page_editors(303)),
    ("builder.move_block_to_column", "POST"): Expected(page_editors(303)),
    ("builder.undo_delete_block", "POST"): Expected(
        page_editors(303), arguments=lambda w: {"block_id": w.deleted_block_id}
    ),
    # Undo and Redo: on pages one may edit, one's own changes only. The world's page holds no
    # change of the actor's, so there is nothing to undo or redo (409, nothing changed).
    ("builder.undo_change", "POST"): Expected(page_editors(409)),
    ("builder.redo_change", "POST"): Expected(page_editors(409)),
    # Only editors and admins reach readers.
    ("builder.publish_page", "POST"): Expected(roles_only(303, "editor", "admin")),
    ("builder.unpublish_page", "GET"): Expected(roles_only(200, "editor", "admin")),
    ("builder.unpublish_page", "POST"): Expected(roles_only(303, "editor", "admin")),
    # "Publish at" too; the world's page has no publishing time to cancel.
    ("builder.schedule_page", "POST"): Expected(roles_only(303, "editor", "admin")),
    ("builder.cancel_page_schedule", "POST"): Expected(roles_only(409, "editor", "admin")),
    # The world's page is published: deleting it takes someone who may publish too.
    ("builder.delete_page", "GET"): Expected(roles_only(200, "editor", "admin")),
    ("builder.delete_page", "POST"): Expected(roles_only(303, "editor", "admin")),
    # Editors and admins keep the Trash.
    ("builder.trash", "GET"): Expected(roles_only(200, "editor", "admin")),
    ("builder.restore_page", "POST"): Expected(
        roles_only(303, "editor", "admin"), arguments=lambda w: {"page_id": w.trashed_page_id}
    ),
    ("builder.delete_forever", "POST"): Expected(
        roles_only(303, "editor", "admin"), arguments=lambda w: {"page_id": w.trashed_page_id}
    ),
    ("builder.empty_trash", "POST"): Expected(roles_only(303, "editor", "admin")),
    # Editors and admins moderate comments.
    ("admin.comments", "GET"): Expected(roles_only(200, "editor", "admin")),
    ("admin.moderate", "POST"): Expected(roles_only(303, "editor", "admin")),
    # Only admins manage people; an author's own account is no exception (user_id is the
    # author's own id for author-own), so nobody makes themselves admin.
    ("admin.users", "GET"): Expected(roles_only(200, "admin")),
    ("admin.invite_user", "POST"): Expected(roles_only(303, "admin")),
    ("admin.change_role", "POST"): Expected(roles_only(303, "admin")),
    ("admin.deactivate", "POST"): Expected(roles_only(303, "admin")),
    ("admin.reactivate", "POST"): Expected(roles_only(303, "admin")),
    ("admin.reset_password", "POST"): Expected(roles_only(303, "admin")),
    ("admin.password_link_page", "GET"): Expected(roles_only(200, "admin")),
    # Only admins change the site settings.
    ("admin.settings", "GET"): Expected(roles_only(200, "admin")),
    ("admin.change_settings", "POST"): Expected(roles_only(303, "admin")),
}


def app_routes(app) -> list[tuple[str, str, Rule]]:
    """Every (endpoint, method, rule) the app answers, in URL order."""
    return sorted(
        (rule.endpoint, method, rule)
        for rule in app.url_map.iter_rules()
        for method in rule.methods - AUTOMATIC_METHODS
    )


# Read at collection, for the test ids; the matrix test reads its own app's url_map.
COLLECTED_ROUTES = app_routes(create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"}))
CHECKED: dict[str, int] = {}


@pytest.fixture(scope="module", autouse=True)
def report_checked_combinations():
    yield
    print(f"\nrole matrix: {sum(CHECKED.values())} route × role combinations checked")


def answer(response) -> int | str:
    """The status, or LOGIN for a redirect to the login form."""
    if response.status_code == 302 and urlsplit(response.location).path == "/login":
        return LOGIN
    return response.status_code


class Checker:
    """Sends each route's request as one role, against a world that is built again after
    any request that may have changed it."""

    def __init__(self, app, role: str):
        self.app, self.role = app, role
        self.actor_id, self.session_cookie = None, None
        if role != "anonymous":
            stored_role = "author" if role.startswith("author") else role
            self.actor_id, self.session_cookie = log_in(app, stored_role, "actor@example.com")
        self.picture = store_picture(app, self.actor_id)
        self.static_filename = static_file(app)
        self.adapter = app.url_map.bind("localhost")
        self.worlds = 0
        self.world: World | None = None

    def _fresh_world(self) -> World:
        self.worlds += 1
        if self.role == "author-own":
            owner = self.actor_id
        else:
            owner = add_person(self.app, "author", f"owner{self.worlds}@example.com")
        return build_world(self.app, owner, f"{self.role}-{self.worlds}", self.picture)

    def send(self, endpoint: str, method: str, rule: Rule, expected: Expected):
        if self.world is None:
            self.world = self._fresh_world()
        values = url_values(self.world, self.static_filename) | expected.arguments(self.world)
        url = self.adapter.build(endpoint, {name: values[name] for name in rule.arguments})
        form = expected.form or SENSIBLE_FORMS.get(endpoint, lambda world: {})
        client = session_client(self.app, self.session_cookie)
        response = client.open(url, method=method, data=form(self.world))
        if method != "GET" and response.status_code < 400:
            self.world = None
        if endpoint == "auth.logout" and self.session_cookie is not None:
            # Logging out ended the session this checker sends: log in afresh.
            self.session_cookie = login_cookie(self.app, "actor@example.com")
        return response


@pytest.mark.parametrize(
    "role", ROLES, ids=[f"{role}-{len(COLLECTED_ROUTES)}-routes" for role in ROLES]
)
def test_every_route_answers_each_role_as_the_matrix_says(app, request, role):
    checker = Checker(app, role)
    unknown, wrong, checked = [], {}, 0
    for endpoint, method, rule in app_routes(app):
        expected = MATRIX.get((endpoint, method))
        if expected is None:
            unknown.append(f"{method} {rule.rule} ({endpoint})")
            continue
        got = answer(checker.send(endpoint, method, rule, expected))
        checked += 1
        if got != expected.answers[role]:
            wrong[f"{method} {rule.rule}"] = f"got {got}, expected {expected.answers[role]}"
    CHECKED[request.node.nodeid] = checked
    print(f"\n{request.node.name}: {checked} routes checked as {role}")
    assert not unknown, "routes missing from the role matrix: " + ", ".join(unknown)
    assert not wrong, f"{len(wrong)} answers differ from the matrix for {role}:\n" + "\n".join(
        f"  {route}: {difference}" for route, difference in wrong.items()
    )


def test_the_matrix_lists_only_routes_the_app_has():
    routes = {(endpoint, method) for endpoint, method, _ in COLLECTED_ROUTES}
    assert sorted(set(MATRIX) - routes) == []
