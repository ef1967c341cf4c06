"""Who may use the builder's routes on a page: its author, editors and admins, nobody else;
and no post gets through without the CSRF token."""

import json
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from blog import create_app
from blog.extensions import db
from blog.models import Checkpoint

from helpers.builder_pages import (
    BuiltPage,
    build_page,
    mark_deleted,
    parse_html,
    put_in_trash,
    stored_state,
)
from helpers.support import PASSWORD

EMPTY_TEXT = ("text", {"markdown": ""})
PAGE_ROWS = [("1-1", [["A", "B"], ["C", EMPTY_TEXT]]), ("1", [["Deleted, awaiting Undo"]])]


def _row(page: BuiltPage) -> int:
    return page.rows[0]


def _block(page: BuiltPage) -> int:
    return page.blocks[0][0][0]


def _deleted(page: BuiltPage) -> int:
    return page.blocks[1][0][0]


def _empty(page: BuiltPage) -> int:
    """A block nothing was written into: leaving it removes it."""
    return page.blocks[0][1][1]


# Every builder route that acts on a page, by endpoint: its method, then URL and form data.
ROUTES = {
    "editor": ("GET", lambda p: (f"/builder/pages/{p.id}", None)),
    "preview": ("GET", lambda p: (f"/builder/pages/{p.id}/preview", None)),
    "history": ("GET", lambda p: (f"/builder/pages/{p.id}/history", None)),
    "page_actions": ("GET", lambda p: (f"/builder/pages/{p.id}/actions", None)),
    "export_json": ("GET", lambda p: (f"/builder/pages/{p.id}/export.json", None)),
    "save_details": (
        "POST",
        lambda p: (f"/builder/pages/{p.id}/details", {"title": "Taken over", "slug": "taken-over"}),
    ),
    "comments_switch": (
        "POST",
        lambda p: (f"/builder/pages/{p.id}/comments-switch", {"comments": "off"}),
    ),
    "duplicate_page": ("POST", lambda p: (f"/builder/pages/{p.id}/duplicate", {})),
    "delete_page (asks)": ("GET", lambda p: (f"/builder/pages/{p.id}/delete", None)),
    "delete_page": ("POST", lambda p: (f"/builder/pages/{p.id}/delete", {})),
    "restore_page": ("POST", lambda p: (f"/builder/trash/{p.id}/restore", {})),
    "delete_forever": ("POST", lambda p: (f"/builder/trash/{p.id}/delete", {})),
    "publish_page": ("POST", lambda p: (f"/builder/pages/{p.id}/publish", {})),
    "unpublish_page (asks)": ("GET", lambda p: (f"/builder/pages/{p.id}/unpublish", None)),
    "unpublish_page": ("POST", lambda p: (f"/builder/pages/{p.id}/unpublish", {})),
    "schedule_page": (
        "POST",
        lambda p: (f"/builder/pages/{p.id}/schedule", {"publish_at": "2099-01-01T09:00"}),
    ),
    "cancel_page_schedule": ("POST", lambda p: (f"/builder/pages/{p.id}/schedule/cancel", {})),
    "restore_revision (asks)": (
        "GET",
        lambda p: (f"/builder/pages/{p.id}/revisions/1/restore", None),
    ),
    "restore_revision": ("POST", lambda p: (f"/builder/pages/{p.id}/revisions/1/restore", {})),
    "preview_revision": ("GET", lambda p: (f"/builder/pages/{p.id}/revisions/1/preview", None)),
    "compare_revision": ("GET", lambda p: (f"/builder/pages/{p.id}/revisions/1/compare", None)),
    "restore_checkpoint (asks)": (
        "GET",
        lambda p: (f"/builder/pages/{p.id}/checkpoints/{p.checkpoint}/restore", None),
    ),
    "restore_checkpoint": (
        "POST",
        lambda p: (f"/builder/pages/{p.id}/checkpoints/{p.checkpoint}/restore", {}),
    ),
    "preview_checkpoint": (
        "GET",
        lambda p: (f"/builder/pages/{p.id}/checkpoints/{p.checkpoint}/preview", None),
    ),
    "compare_checkpoint": (
        "GET",
        lambda p: (f"/builder/pages/{p.id}/checkpoints/{p.checkpoint}/compare", None),
    ),
    "add_row": ("POST", lambda p: (f"/builder/pages/{p.id}/rows", {"layout": "1-2"})),
    "order_rows": (
        "POST",
        lambda p: (f"/builder/pages/{p.id}/rows/order", {"row": list(reversed(p.rows))}),
    ),
    "change_layout": ("POST", lambda p: (f"/builder/rows/{_row(p)}/layout", {"layout": "1"})),
    "move_row": ("POST", lambda p: (f"/builder/rows/{_row(p)}/move", {"direction": "down"})),
    "duplicate_row": ("POST", lambda p: (f"/builder/rows/{_row(p)}/duplicate", {})),
    "delete_row (asks)": ("GET", lambda p: (f"/builder/rows/{_row(p)}/delete", None)),
    "delete_row": ("POST", lambda p: (f"/builder/rows/{_row(p)}/delete", {})),
    "undo_change": ("POST", lambda p: (f"/builder/pages/{p.id}/undo", {})),
    "redo_change": ("POST", lambda p: (f"/builder/pages/{p.id}/redo", {})),
    "column_palette": ("GET", lambda p: (f"/builder/rows/{_row(p)}/columns/0/palette", None)),
    "add_block": (
        "POST",
        lambda p: (f"/builder/rows/{_row(p)}/columns/0/blocks", {"type": "heading"}),
    ),
    "add_block_after": (
        "POST",
        lambda p: (f"/builder/blocks/{_block(p)}/after", {"type": "text"}),
    ),
    "order_blocks": (
        "POST",
        lambda p: (
            f"/builder/rows/{_row(p)}/columns/0/order",
            {"block": list(reversed(p.blocks[0][0]))},
        ),
    ),
    "show_block": ("GET", lambda p: (f"/builder/blocks/{_block(p)}", None)),
    "edit_block": ("GET", lambda p: (f"/builder/blocks/{_block(p)}/edit", None)),
    "save_block": (
        "POST",
        lambda p: (
            f"/builder/blocks/{_block(p)}",
            {"text": "Taken over", "level": "2", "version": "1"},
        ),
    ),
    "leave_block": ("POST", lambda p: (f"/builder/blocks/{_empty(p)}/leave", {})),
    "duplicate_block": ("POST", lambda p: (f"/builder/blocks/{_block(p)}/duplicate", {})),
    "delete_block": ("POST", lambda p: (f"/builder/blocks/{_block(p)}/delete", {})),
    "undo_delete_block": ("POST", lambda p: (f"/builder/blocks/{_deleted(p)}/undo", {})),
    "move_block": (
        "POST",
        lambda p: (f"/builder/blocks/{_block(p)}/move", {"direction": "down"}),
    ),
    "move_block_to_column": (
        "POST",
        lambda p: (f"/builder/blocks/{_block(p)}/move-to-column", {"column": "next"}),
    ),
}
POSTS = sorted(name for name, (method, _) in ROUTES.items() if method == "POST")
# Unpublish, and History's entries: a published page has revision 1 and the checkpoint
# taken before it.
PUBLISHED_ONLY = (
    "unpublish_page",
    *(
        f"{action}_{kind}"
        for action in ("preview", "compare")
        for kind in ("revision", "checkpoint")
    ),
    *(f"restore_{kind}{asks}" for kind in ("revision", "checkpoint") for asks in ("", " (asks)")),
)
TRASHED_ONLY = ("restore_page", "delete_forever")
# Undo and Redo act on the person's own changes: one is made (and for Redo undone) first.
OWN_CHANGE_FIRST = ("undo_change", "redo_change")
# Cancel schedule acts on a page with a publishing time.
SCHEDULED_FIRST = ("cancel_page_schedule",)


@dataclass
class WritersPage(BuiltPage):
    """A built page and its newest draft checkpoint (1 when it has none)."""

    checkpoint: int = 1


def _writers_page(app, writer: int, published: bool = False, trashed: bool = False) -> WritersPage:
    """A page of `writer` with one block awaiting Undo (in the Trash when asked)."""
    page = build_page(app, writer, *PAGE_ROWS, title="Writer's page", published=published)
    mark_deleted(app, _deleted(page))
    if trashed:
        put_in_trash(app, page.id)
    with app.app_context():
        newest = db.session.scalar(
            select(func.max(Checkpoint.id)).where(Checkpoint.page_id == page.id)
        )
    return WritersPage(**vars(page), checkpoint=newest or 1)


def _request(client, route: str, page: BuiltPage, **kwargs):
    method, target = ROUTES[route]
    url, data = target(page)
    return client.open(url, method=method, data=data, **kwargs)


def test_every_builder_route_that_acts_on_a_page_is_in_the_table(tmp_path):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/t.db"})
    adapter = app.url_map.bind("localhost")
    listed = set()
    for method, target in ROUTES.values():
        url, _ = target(WritersPage(1, [2], [[[3], [5, 6]], [[4]]]))
        listed.add((adapter.match(url, method=method)[0], method))
    builder_routes = {
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("builder.") and rule.arguments
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert listed == builder_routes


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_author_cannot_touch_another_authors_page(app, auth, client, make_user, route):
    page = _writers_page(app, make_user("author", "writer@example.com"))
    auth.login_as("author")
    before = stored_state(app)
    response = _request(client, route, page)
    assert response.status_code == 403
    assert stored_state(app) == before


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_editors_and_admins_can_use_every_route_on_an_authors_page(
    app, auth, client, make_user, role
):
    writer = make_user("author", "writer@example.com")
    auth.login_as(role)
    refused = {}
    for route in sorted(ROUTES):
        # Unpublish and Restore act on a published revision; the Trash's on a page in it.
        page = _writers_page(
            app, writer, published=route in PUBLISHED_ONLY, trashed=route in TRASHED_ONLY
        )
        if route in OWN_CHANGE_FIRST:
            client.post(f"/builder/blocks/{_block(page)}/delete")
            if route == "redo_change":
                client.post(f"/builder/pages/{page.id}/undo")
        if route in SCHEDULED_FIRST:
            url, data = ROUTES["schedule_page"][1](page)
            client.post(url, data=data)
        before = stored_state(app)
        response = _request(client, route, page)
        unchanged = route in POSTS and stored_state(app) == before
        if response.status_code not in (200, 303) or unchanged:
            refused[route] = response.status_code
    assert refused == {}


def test_anonymous_is_sent_to_log_in_by_every_route(app, client, make_user):
    page = _writers_page(app, make_user("author", "writer@example.com"))
    before = stored_state(app)
    answers = {route: _request(client, route, page) for route in sorted(ROUTES)}
    assert {route: response.status_code for route, response in answers.items()} == {
        route: 302 for route in ROUTES
    }
    assert all(r.headers["Location"].startswith("/login?next=") for r in answers.values())
    assert stored_state(app) == before


# CSRF


def _csrf_token(html: str) -> str:
    return parse_html(html).find_all("input", name="csrf_token")[0].attrs["value"]


@pytest.fixture
def guarded(make_app, make_user):
    """The app with CSRF checks on, as in production, and a client logged in (with the
    token) as the writer of the page it returns."""
    app = make_app()
    page = _writers_page(app, make_user("author", "writer@example.com"))
    client = app.test_client()
    token = _csrf_token(client.get("/login").get_data(as_text=True))
    credentials = {"email": "writer@example.com", "password": PASSWORD, "csrf_token": token}
    assert client.post("/login", data=credentials).status_code == 303
    return app, client, page


def test_every_post_without_the_csrf_token_is_refused(guarded):
    app, client, page = guarded
    before = stored_state(app)
    statuses = {
        (route, shape): _request(client, route, page, headers=headers).status_code
        for route in POSTS
        for shape, headers in (("form", {}), ("htmx", {"HX-Request": "true"}))
    }
    assert set(statuses.values()) == {400}, statuses
    assert stored_state(app) == before


def test_htmx_post_with_the_token_from_the_editor_page_is_accepted(guarded):
    app, client, page = guarded
    editor = parse_html(client.get(f"/builder/pages/{page.id}").get_data(as_text=True))
    hx_headers = json.loads(editor.find_all("body")[0].attrs["hx-headers"])
    response = _request(client, "add_row", page, headers={"HX-Request": "true", **hx_headers})
    assert response.status_code == 200


def test_form_post_with_the_token_from_the_editor_page_is_accepted(guarded):
    app, client, page = guarded
    token = _csrf_token(client.get(f"/builder/pages/{page.id}").get_data(as_text=True))
    url, data = ROUTES["add_row"][1](page)
    assert client.post(url, data={**data, "csrf_token": token}).status_code == 303
