"""One site on two machines: two app instances (separate gunicorn servers with separate local
folders) sharing one PostgreSQL database, one Redis and one S3-protocol bucket. What is done
through one is what the other serves."""

import re

import pytest
from sqlalchemy import select

from blog.extensions import db
from blog.models import Page

from helpers.gunicorn_server import Editor, add_editor
from helpers.image_blocks import image_block, png
from helpers.login_attempts import ATTEMPTS_LIMIT, wrong_logins
from helpers.two_nodes import multipart, shared_settings, start_two_nodes

pytestmark = pytest.mark.parametrize("media_backend", ["s3"], indirect=True)


@pytest.fixture
def database_url(postgresql_database):
    """Two machines share a database server: PostgreSQL alone."""
    return postgresql_database


@pytest.fixture
def nodes(database_url, tmp_path, media_backend, redis_url):
    """Instances A and B of one site."""
    started = start_two_nodes(database_url, tmp_path, shared_settings(media_backend, redis_url))
    yield started
    for node in started:
        node.stop()


def test_what_an_editor_does_through_one_instance_the_other_serves(app, nodes):
    node_a, node_b = nodes
    add_editor(app, "editor@example.com")
    block_id = image_block(app, "editor@example.com", slug="two-machines")
    with app.app_context():
        page_id = db.session.scalar(select(Page.id).where(Page.slug == "two-machines"))
    on_a = Editor(node_a)
    on_a.log_in("editor@example.com")
    fields = {"version": "1", "alt": "A red field", "caption": "", "media": ""}
    upload = multipart(fields, "media_file", "field.png", png(1200, 750))
    status, html = on_a.request("POST", f"/builder/blocks/{block_id}", htmx=True, encoded=upload)
    assert status == 200, node_a.log()
    name = re.search(r'/media/([0-9a-f]{64})"', html).group(1)

    # A's login session is valid on B, whose folder holds no file: B reads the bucket.
    on_b = Editor(node_b)
    on_b.cookies = dict(on_a.cookies)
    status, editor_page = on_b.request("GET", f"/builder/pages/{page_id}")
    assert status == 200 and f"/media/{name}" in editor_page
    cookie = {"Cookie": "; ".join(f"{k}={v}" for k, v in on_b.cookies.items())}
    draft_picture = node_b.get(f"/media/{name}/480", cookie)
    assert (draft_picture.status, draft_picture.getheader("Content-Type")) == (200, "image/png")

    status, _ = on_a.post(f"/builder/pages/{page_id}/publish")
    assert status in (200, 303), node_a.log()
    article = node_b.get("/two-machines")
    assert article.status == 200
    assert f'src="/media/{name}"' in article.body.decode()
    assert node_b.get(f"/media/{name}").status == 200
    assert not any((node.log_path.parent / "media").exists() for node in nodes)


def test_login_throttling_counts_across_both_instances(nodes):
    statuses = wrong_logins(nodes, 3 * ATTEMPTS_LIMIT)
    assert statuses.count(401) <= ATTEMPTS_LIMIT + len(nodes)
    assert statuses[-ATTEMPTS_LIMIT:] == [429] * ATTEMPTS_LIMIT
    assert set(statuses) == {401, 429}
