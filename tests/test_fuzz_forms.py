"""Hostile form posts to every builder and admin route (read from the url_map), as an admin:
the routes' own forms with one field spoiled, real and random field names, 30 KB strings,
NUL bytes, any unicode, huge and negative numbers, lists of ids mixed with garbage. The
server never fails (no 500) and a refused post (4xx) leaves everything stored as it was.
What the fuzzing found is pinned below it in plain tests."""

import io
import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blog import create_app
from blog.content.blocks import REGISTRY
from blog.content.layout import LAYOUT_LABELS
from blog.models import ROLES

from helpers.route_world import (
    SENSIBLE_FORMS,
    World,
    add_person,
    build_world,
    changed_only_by_new_pictures,
    is_standing,
    log_in,
    png_bytes,
    session_client,
    static_file,
    store_picture,
    stored_state,
    url_values,
)

EXAMPLES_PER_ROUTE = 8
EXAMPLES_RUN: dict[str, int] = {}

# The names the builder's and admin's forms post (templates/builder, templates/admin, and
# builder.js for the drag-and-drop orders), and every block type's fields.
FIELD_NAMES = sorted(
    {"title", "slug", "summary", "tags", "layout", "direction", "type", "version", "row"}
    | {"block", "email", "name", "role", "action", "comment", "media_file", "operation"}
    | {"description", "language", "footer", "link-1-label", "link-1-address", "social_image"}
    | {entry.name for kind in REGISTRY.values() for entry in kind.fields}
)
# Values the forms really send, so that some posts get past the first check.
MEANINGFUL = sorted(
    {*LAYOUT_LABELS, "up", "down", *REGISTRY, *ROLES, "approve", "spam", "delete", "2", "3"}
    | {"on", "https://example.com/", "mailto:a@example.com", "/about", "a@example.com"}
    | {"https://www.youtube.com/watch?v=dQw4w9WgXcQ", "python"}
)
AWKWARD = ["", " ", "\x00", "\u202eevil", "<script>alert(1)</script>", "javascript:alert(1)"]
AWKWARD += ["' OR '1'='1", "../../etc/passwd", "１２", "٣", "²", "-0", "0x10", "1e9999", "NaN"]
# Past the ends of PostgreSQL's INTEGER and of 64-bit integers, and far beyond.
BIG_NUMBERS = [-1, 2**31, -(2**31) - 1, 2**63 - 1, 2**63, -(2**63) - 1, 2**64, 10**30]
NUMBERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from(BIG_NUMBERS),
    st.floats(allow_nan=True, allow_infinity=True),
).map(str)
WITH_NUL = st.lists(st.text(max_size=12), min_size=2, max_size=3).map("\x00".join)
# Up to 30 KB: a short piece of any unicode repeated.
HUGE = st.tuples(st.text(min_size=1, max_size=3), st.integers(1_000, 10_000)).map(
    lambda piece_count: (piece_count[0] * piece_count[1])[:30_000]
)
HOSTILE = st.one_of(
    st.text(max_size=40), WITH_NUL, HUGE, NUMBERS, st.sampled_from(AWKWARD + MEANINGFUL)
)
# An id of nothing that fits the id columns (real ids are small); ids too big for them
# have their own test below.
NO_SUCH_ID = st.one_of(st.just(0), st.integers(10**6, 2**31 - 1))
UPLOADS = st.one_of(st.none(), st.binary(max_size=512), st.just(png_bytes((24, 16))))

# Read at collection, to name the tests; each test reads its own app's url_map.
COLLECTED_RULES = list(
    create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"}).url_map.iter_rules()
)
POST_ENDPOINTS = sorted(
    rule.endpoint
    for rule in COLLECTED_RULES
    if rule.endpoint.startswith(("builder.", "admin.")) and "POST" in rule.methods
)


@pytest.fixture(scope="module", autouse=True)
def report_examples_run():
    yield
    print(f"\nform fuzzing: {sum(EXAMPLES_RUN.values())} examples run")


def aimed(usual: int, others: list[int]) -> st.SearchStrategy[int]:
    """A URL argument: the route's usual target six times in ten, another of the world's ids
    three times, an id of nothing once."""
    return st.integers(0, 9).flatmap(
        lambda n: st.just(usual) if n < 6 else st.sampled_from(others) if n < 9 else NO_SUCH_ID
    )


def url_arguments(world: World) -> dict[str, st.SearchStrategy[int]]:
    usual = url_values(world, static_filename="")
    others = {
        "page_id": [world.page_id],
        "row_id": list(world.row_ids),
        "column": [1, 2, 3, 4],
        "block_id": [*world.block_ids, world.deleted_block_id],
        "number": [world.revision_number],
        "checkpoint_id": [world.checkpoint_id],
        "user_id": [world.owner_id],
    }
    return {name: aimed(usual[name], ids) for name, ids in others.items()}


def world_ids(world: World) -> list[str]:
    ids = [world.page_id, *world.row_ids, *world.block_ids, world.deleted_block_id]
    return [str(i) for i in [*ids, world.comment_id, world.owner_id]]


def hostile_values(world: World) -> st.SearchStrategy:
    """One value or several: hostile ones, the world's ids and names, and lists of ids with
    garbage among them."""
    value = st.one_of(HOSTILE, st.sampled_from([*world_ids(world), world.picture, world.slug]))
    ids_with_garbage = st.lists(st.one_of(st.sampled_from(world_ids(world)), value), max_size=12)
    return st.one_of(value, ids_with_garbage, st.lists(value, max_size=4))


def spoiled(value: Any) -> st.SearchStrategy:
    """A sensible value spoiled: a NUL byte inside it, repeated to 30 KB, swapped for a big
    number or any hostile value; for a list, a hostile item slipped in."""
    if isinstance(value, list):
        items = [str(item) for item in value]
        return st.tuples(st.integers(0, len(items)), HOSTILE).map(
            lambda slip: items[: slip[0]] + [slip[1]] + items[slip[0] :]
        )
    text = str(value)
    return st.one_of(
        st.integers(0, len(text)).map(lambda i: text[:i] + "\x00" + text[i:]),
        st.just(text * (30_000 // max(1, len(text)))),
        st.sampled_from(BIG_NUMBERS).map(str),
        HOSTILE,
    )


def hostile_form(world: World, endpoint: str) -> st.SearchStrategy[dict]:
    """The route's sensible form with one field spoiled and maybe one left out, plus a few
    real or random field names with hostile values."""
    sensible = SENSIBLE_FORMS.get(endpoint, lambda world: {})(world)
    names = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=12))
    extra = st.dictionaries(names, hostile_values(world), max_size=3)
    if not sensible:
        return extra
    keys = sorted(sensible)
    spoil = st.sampled_from(keys).flatmap(
        lambda key: spoiled(sensible[key]).map(lambda v: {key: v})
    )
    left_out = st.sets(st.sampled_from(keys), max_size=1)
    return st.tuples(left_out, spoil, extra).map(
        lambda parts: {k: v for k, v in sensible.items() if k not in parts[0]} | parts[1] | parts[2]
    )


@dataclass
class FuzzSite:
    """The app, the admin's session, and a world that is built again once an accepted post
    took away what the next posts aim at."""

    app: object
    session_cookie: str = field(repr=False)
    picture: str = field(repr=False)
    world: World | None = None
    worlds: int = 0

    def current_world(self) -> World:
        if self.world is None:
            self.worlds += 1
            owner = add_person(self.app, "author", f"owner{self.worlds}@example.com")
            self.world = build_world(self.app, owner, f"fuzz-{self.worlds}", self.picture)
        return self.world

    def post(self, url: str, form: dict, headers: dict | None = None):
        """Post as the admin."""
        client = session_client(self.app, self.session_cookie)
        return client.post(url, data=form, headers=headers or {})


def admin_site(app) -> FuzzSite:
    admin_id, session_cookie = log_in(app, "admin", "admin@example.com")
    return FuzzSite(app, session_cookie, store_picture(app, admin_id))


@pytest.fixture
def site(app):
    return admin_site(app)


def _post_rule(app, endpoint: str):
    return next(
        r for r in app.url_map.iter_rules() if r.endpoint == endpoint and "POST" in r.methods
    )


@pytest.mark.parametrize("endpoint", POST_ENDPOINTS)
@settings(
    max_examples=EXAMPLES_PER_ROUTE,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
@given(data=st.data())
def test_hostile_form_post_is_accepted_or_cleanly_refused(site, request, endpoint, data):
    EXAMPLES_RUN[request.node.nodeid] = EXAMPLES_RUN.get(request.node.nodeid, 0) + 1
    rule = _post_rule(site.app, endpoint)
    world = site.current_world()
    arguments = url_arguments(world)
    values = {name: data.draw(arguments[name], label=name) for name in sorted(rule.arguments)}
    form = data.draw(hostile_form(world, endpoint), label="form")
    if "block_id" in rule.arguments and (upload := data.draw(UPLOADS, label="upload")):
        form["media_file"] = (io.BytesIO(upload), "upload.png")
    htmx = data.draw(st.booleans(), label="htmx")
    before = stored_state(site.app)
    url = site.app.url_map.bind("localhost").build(endpoint, values)
    response = site.post(url, form, {"HX-Request": "true"} if htmx else {})
    assert response.status_code < 500
    if 400 <= response.status_code < 500:
        after = stored_state(site.app)
        assert changed_only_by_new_pictures(before, after), f"refused with {response.status_code}"
    elif not is_standing(site.app, world):
        site.world = None


# What the fuzzer found, pinned: each field of each sensible form (and of an image block's
# form), spoiled in each way. Each case: route, form, and URL arguments that differ.
SWEPT_FORMS = [(endpoint, form, lambda world: {}) for endpoint, form in SENSIBLE_FORMS.items()]
SWEPT_FORMS.append(
    (
        "builder.save_block",
        lambda w: {
            "media": w.picture,
            "alt": "Green",
            "width": "600",
            "height": "8",
            "version": "1",
        },
        lambda w: {"block_id": w.block_of_type["image"]},
    )
)
SPOILERS = {
    "NUL inside": lambda text: text[:2] + "\x00" + text[2:],
    "30 KB": lambda text: (text or "x") * (30_000 // max(1, len(text))),
    "2**31": lambda text: str(2**31),
    "2**63": lambda text: str(2**63),
    "superscript two": lambda text: "²",
}


def test_each_sensible_form_field_spoiled_each_way_is_accepted_or_cleanly_refused(make_app):
    site = admin_site(make_app(WTF_CSRF_ENABLED=False, PROPAGATE_EXCEPTIONS=False))
    failures = {}
    for endpoint, sensible_form, arguments in SWEPT_FORMS:
        rule = _post_rule(site.app, endpoint)
        for key in sensible_form(site.current_world()):
            for spoiler_name, spoil in SPOILERS.items():
                world = site.current_world()
                form = sensible_form(world)
                value = form[key]
                form[key] = (
                    [spoil(str(v)) for v in value] if isinstance(value, list) else spoil(value)
                )
                values = url_values(world, static_filename="") | arguments(world)
                url = site.app.url_map.bind("localhost").build(
                    endpoint, {name: values[name] for name in rule.arguments}
                )
                before = stored_state(site.app)
                status = site.post(url, form).status_code
                if status >= 500 or (status >= 400 and stored_state(site.app) != before):
                    failures[f"POST {url} {key}: {spoiler_name}"] = status
                if status < 400 and not is_standing(site.app, world):
                    site.world = None
    assert not failures, "\n".join(f"{case} -> {status}" for case, status in failures.items())


# One past the largest id PostgreSQL's INTEGER columns hold, and one past SQLite's integers.
TOO_BIG_IDS = {"past-postgresql-integer": 2**31, "past-sqlite-integer": 2**63}


@pytest.mark.parametrize("too_big_id", TOO_BIG_IDS.values(), ids=TOO_BIG_IDS.keys())
def test_an_id_too_big_for_the_database_is_not_found(make_app, too_big_id):
    """Every <int:...> of every URL set past what the id columns hold, as an admin."""
    site = admin_site(make_app(WTF_CSRF_ENABLED=False, PROPAGATE_EXCEPTIONS=False))
    client = session_client(site.app, site.session_cookie)
    values = url_values(site.current_world(), static_file(site.app))
    adapter = site.app.url_map.bind("localhost")
    not_found = {}
    for rule in site.app.url_map.iter_rules():
        too_big = dict.fromkeys(re.findall(r"<int:(\w+)>", rule.rule), too_big_id)
        if too_big:
            aimed_values = values | too_big
            url = adapter.build(rule.endpoint, {n: aimed_values[n] for n in rule.arguments})
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                not_found[f"{method} {rule.rule}"] = client.open(url, method=method).status_code
    wrong = {route: status for route, status in not_found.items() if status != 404}
    assert not wrong, "\n".join(f"{route} -> {status}" for route, status in wrong.items())


# Found beside the forms: a page number whose offset no integer column holds, and NUL bytes
# in a public URL's path.
HOSTILE_PUBLIC_URLS = [
    f"/?page={2**62}",
    f"/tags/garden?page={2**62}",
    "/tags/a%00b",
    "/a%00b",
    "/search?q=a%00b",
    "/password/a%00b",
]


def test_hostile_public_urls_get_no_server_error(make_app):
    app = make_app(PROPAGATE_EXCEPTIONS=False)
    owner = add_person(app, "author", "owner@example.com")
    build_world(app, owner, "public", store_picture(app, owner))
    reader = app.test_client()
    statuses = {url: reader.get(url).status_code for url in HOSTILE_PUBLIC_URLS}
    failures = {url: status for url, status in statuses.items() if status >= 500}
    assert not failures, "\n".join(f"GET {url} -> {status}" for url, status in failures.items())
