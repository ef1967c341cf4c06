"""Fixtures: the app on SQLite and on PostgreSQL, clients, users, htmx and the CLI runner."""

import functools
import os
import shutil

import pytest
import redis
import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade
from hypothesis import HealthCheck, settings
from werkzeug.security import generate_password_hash

from blog import create_app
from blog.extensions import db, limiter
from blog.models import User

from helpers.media_storages import empty_bucket, new_bucket, start_s3_server
from helpers.postgres_cluster import PostgresUnavailable, ThrowAwayCluster
from helpers.service_process import ServiceProcess
from helpers.support import PASSWORD, missing
from helpers.template_cache import TEMPLATE_CACHE

os.environ.setdefault("BLOG_SECRET_KEY", "tests-only-secret")
BACKENDS = ("sqlite", "postgresql")

# Property tests judge what the code does, never how fast: no deadline per example and no
# complaint about slow generation (both cores are busy with other tests).
settings.register_profile("suite", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")


@pytest.fixture(scope="session")
def postgres_url(worker_id):
    """A migrated PostgreSQL database of this test process's own (pytest-xdist runs one per
    core), in a throw-away cluster or on the server TEST_DATABASE_URL names."""
    server, cluster = os.environ.get("TEST_DATABASE_URL"), None
    if not server:
        try:
            cluster = ThrowAwayCluster()
            server = cluster.start()
        except (PostgresUnavailable, OSError) as error:
            missing("BLOG_REQUIRE_POSTGRES", f"PostgreSQL is not available: {error}")
        except Exception as error:  # initdb or pg_ctl failed: say what they printed
            output = getattr(error, "stderr", "") or error
            missing("BLOG_REQUIRE_POSTGRES", f"PostgreSQL did not start: {output}")
    name = f"blog_test_{worker_id}"
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text(f"DROP DATABASE IF EXISTS {name}"))
        connection.execute(sa.text(f"CREATE DATABASE {name}"))
    engine.dispose()
    url = sa.make_url(server).set(database=name).render_as_string(hide_password=False)
    _migrate(url)
    yield url
    if cluster is not None:
        cluster.stop()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """A migrated SQLite file; each test gets a copy of it."""
    path = tmp_path_factory.mktemp("sqlite") / "template.sqlite3"
    _migrate(f"sqlite:///{path}")
    return path


def _migrate(url: str) -> None:
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
        db.engine.dispose()


@pytest.fixture
def sqlite_database(sqlite_template, tmp_path_factory):
    """An empty, migrated SQLite database: this process's one file, copied afresh from the
    template for every test (the previous test's app closed its connections)."""
    path = tmp_path_factory.getbasetemp() / "blog.sqlite3"
    for leftover in (path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def postgresql_database(postgres_url):
    """The process's PostgreSQL database, emptied after the test and its ids started again
    (DELETE, not TRUNCATE: on tables this small it is many times faster)."""
    yield postgres_url
    engine = _cleaning_engine(postgres_url)
    with engine.begin() as connection:
        for table in reversed(db.metadata.sorted_tables):
            connection.execute(table.delete())
        connection.execute(
            sa.text("SELECT setval(oid::regclass, 1, false) FROM pg_class WHERE relkind = 'S'")
        )


@functools.cache
def _cleaning_engine(url: str) -> sa.Engine:
    """One engine per test process for emptying its database between tests."""
    return sa.create_engine(url)


@pytest.fixture(params=BACKENDS)
def database_url(request):
    """An empty, migrated database of each backend, fresh for every test (browser tests
    override this with SQLite alone: see tests/browser/conftest.py)."""
    return request.getfixturevalue(f"{request.param}_database")


# Apps already built in this process, by database and overrides, with their configuration
# as built. Building one takes tens of milliseconds (most of it compiling its routes), so a
# later test with the same configuration gets the same app, reset: the configuration as it
# was built, its own media folder, no rate-limit counts, and an empty database.
_built_apps: dict[tuple[str, str], tuple[Flask, dict]] = {}


@pytest.fixture
def make_app(database_url, tmp_path):
    """An app on this test's database; keyword arguments override the configuration."""
    apps = []

    def build(**overrides):
        key = (database_url, repr(sorted(overrides.items())))
        if key not in _built_apps:
            config = {
                "TESTING": True,
                "SQLALCHEMY_DATABASE_URI": database_url,
                "RATELIMIT_ENABLED": False,
                **overrides,
            }
            app = create_app(config)
            app.jinja_env.bytecode_cache = TEMPLATE_CACHE
            _built_apps[key] = app, dict(app.config)
        app, built_config = _built_apps[key]
        app.config.clear()
        app.config.update(built_config, MEDIA_DIR=str(tmp_path / "media"))
        # One limiter serves every app: it follows the app at hand, with no counts yet.
        limiter.enabled = app.config["RATELIMIT_ENABLED"]
        limiter.reset()
        apps.append(app)
        return app

    yield build
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def block_app(tmp_path):
    """An app context, for the block templates."""
    database = f"sqlite:///{tmp_path / 't.db'}"
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": database})
    with app.app_context():
        yield app


@pytest.fixture(scope="session")
def s3_endpoint(tmp_path_factory):
    """The address of moto's S3-protocol server, started for the run on loopback."""
    server = start_s3_server(tmp_path_factory.mktemp("s3"))
    yield f"http://127.0.0.1:{server.port}"
    server.stop()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """Debian's redis-server for the run, on loopback, keeping nothing on disk."""
    if shutil.which("redis-server") is None:
        missing("BLOG_REQUIRE_REDIS", "Redis is not available: no redis-server on PATH")
    command = ["redis-server", "--bind", "127.0.0.1", "--port", "{port}", "--save", ""]
    server = ServiceProcess(command, tmp_path_factory.mktemp("redis") / "redis.log").start()
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server):
    """A redis:// URL to the run's Redis, emptied after the test."""
    yield f"redis://127.0.0.1:{redis_server.port}/0"
    redis.Redis(port=redis_server.port).flushall()


@pytest.fixture
def media_backend(request, worker_id):
    """The app settings for where it stores images: the local folder, unless a module runs
    on every storage (helpers.media_storages.ON_EVERY_MEDIA_STORAGE): then also a bucket of
    this test process's own on the S3-protocol server, emptied after each test."""
    if getattr(request, "param", "local") == "local":
        yield {}
        return
    endpoint = request.getfixturevalue("s3_endpoint")
    settings = new_bucket(endpoint, f"blog-tests-{worker_id}")
    yield settings
    empty_bucket(endpoint, settings["S3_BUCKET"])


@pytest.fixture
def app(make_app, media_backend):
    """The app with CSRF checks off, for view tests that post forms directly."""
    return make_app(WTF_CSRF_ENABLED=False, **media_backend)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_user(app):
    """Create a user with a role; returns the user's id. Password is PASSWORD."""

    def create(role: str = "author", email: str | None = None, name: str = "", active=True):
        with app.app_context():
            user = User(
                email=email or f"{role}@example.com",
                name=name or role.title(),
                role=role,
                active=active,
            )
            # Setup only: a one-round hash instead of scrypt's fifth of a second per person
            # (`users create` and the login tests' own accounts cover scrypt itself).
            user.password_hash = generate_password_hash(PASSWORD, "pbkdf2:sha256:1")
            db.session.add(user)
            db.session.commit()
            return user.id

    return create


class Auth:
    """Log the test client in and out through the real login form."""

    def __init__(self, client, make_user):
        self.client, self.make_user = client, make_user

    def login(self, email: str, password: str = PASSWORD):
        return self.client.post("/login", data={"email": email, "password": password})

    def login_as(self, role: str) -> int:
        """Create a user with this role, log in as them, return their id."""
        user_id = self.make_user(role)
        response = self.login(f"{role}@example.com")
        assert response.status_code == 303, response.get_data(as_text=True)
        return user_id

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture
def auth(client, make_user):
    return Auth(client, make_user)


class Htmx:
    """Send requests the way htmx does: with HX-Request, expecting a fragment back."""

    def __init__(self, client):
        self.client = client

    def get(self, url: str, **kwargs):
        return self.client.get(url, headers={"HX-Request": "true"}, **kwargs)

    def post(self, url: str, **kwargs):
        return self.client.post(url, headers={"HX-Request": "true"}, **kwargs)


@pytest.fixture
def htmx(client):
    return Htmx(client)
