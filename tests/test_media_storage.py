"""Where image files are stored: a local folder a web server can read, or an S3-compatible
bucket; served through the app, or published ones from a public address, and 404 (never
500) for a file that is gone."""

import io
import json
import os
import stat
import sys
from pathlib import Path
from urllib.request import urlopen

import pytest
from PIL import Image
from sqlalchemy import select, update

from bench.ports import free_port
from blog.config import ConfigError, config_from_environment
from blog.extensions import db
from blog.media import MediaRejected, store_image
from blog.models import Media, User

from helpers.block_samples import SAMPLES, UPLOAD
from helpers.builder_pages import build_page
from helpers.image_blocks import png
from helpers.media_storages import ON_EVERY_MEDIA_STORAGE, s3_client, stored_names
from helpers.support import PASSWORD

FOREVER = "public, max-age=31536000, immutable"
PUBLIC_URL = "https://media.example.org/pictures"


def _stored(app, published: bool = True, uploader_id: int | None = None) -> str:
    """A picture 1200 px wide (variants of 480 and 960 px) stored; returns its name."""
    with app.app_context():
        media = store_image(io.BytesIO(png(1200, 750)), uploader_id)
        media.public = published
        db.session.commit()
        return media.sha256


def public_read(bucket: str) -> dict:
    """A bucket policy that lets anyone read its objects."""
    statement = {
        "Effect": "Allow",
        "Principal": "*",
        "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{bucket}/*",
    }
    return {"Version": "2012-10-17", "Statement": [statement]}


def _remove_stored_file(app, name: str) -> None:
    if app.config["MEDIA_STORAGE"] == "s3":
        s3_client(app.config["S3_ENDPOINT_URL"]).delete_object(
            Bucket=app.config["S3_BUCKET"], Key=name
        )
    else:
        (Path(app.config["MEDIA_DIR"]) / name).unlink()


@ON_EVERY_MEDIA_STORAGE
@pytest.mark.parametrize("gone, address", [(".png", ""), ("-480.png", "/480")])
def test_a_file_missing_from_the_storage_is_not_found(app, client, gone, address):
    name = _stored(app)
    _remove_stored_file(app, f"{name}{gone}")
    assert client.get(f"/media/{name}{address}").status_code == 404
    assert client.get(f"/media/{name}/960").status_code == 200


@ON_EVERY_MEDIA_STORAGE
@pytest.mark.parametrize("address, file", [("", ".png"), ("/480", "-480.png")])
def test_a_published_picture_is_sent_to_its_public_address_for_good(
    make_app, media_backend, address, file
):
    app = make_app(MEDIA_PUBLIC_URL=PUBLIC_URL, **media_backend)
    name = _stored(app)
    response = app.test_client().get(f"/media/{name}{address}")
    assert response.status_code == 301
    assert response.headers["Location"] == f"{PUBLIC_URL}/{name}{file}"
    assert response.headers["Cache-Control"] == FOREVER


@ON_EVERY_MEDIA_STORAGE
def test_a_drafts_picture_never_gets_a_public_address(make_app, media_backend, make_user):
    app = make_app(MEDIA_PUBLIC_URL=PUBLIC_URL, WTF_CSRF_ENABLED=False, **media_backend)
    uploader = make_user("author")
    name = _stored(app, published=False, uploader_id=uploader)
    client = app.test_client()
    assert client.get(f"/media/{name}").status_code == 404
    client.post("/login", data={"email": "author@example.com", "password": "correct horse battery"})
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert "Location" not in response.headers
    assert response.headers["Cache-Control"] == "private, no-cache"


@pytest.mark.parametrize("media_backend", ["s3"], indirect=True)
def test_the_bucket_serves_a_published_picture_at_its_public_address(
    make_app, media_backend, s3_endpoint
):
    bucket = media_backend["S3_BUCKET"]
    app = make_app(MEDIA_PUBLIC_URL=f"{s3_endpoint}/{bucket}", **media_backend)
    name = _stored(app)
    location = app.test_client().get(f"/media/{name}/480").headers["Location"]
    # As an operator would for a bucket served straight to readers: anyone may read objects.
    client = s3_client(s3_endpoint)
    client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(public_read(bucket)))
    try:
        with urlopen(location) as answer:
            assert answer.headers["Content-Type"] == "image/png"
            assert Image.open(io.BytesIO(answer.read())).size == (480, 300)
    finally:
        client.delete_bucket_policy(Bucket=bucket)


def test_local_files_are_readable_by_a_web_server_running_as_another_user(app):
    name = _stored(app)
    folder = Path(app.config["MEDIA_DIR"])
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    for file in stored_names(app):
        assert stat.S_IMODE((folder / file).stat().st_mode) == 0o644, file
    assert f"{name}.png" in stored_names(app)


def test_files_stored_without_an_extension_are_still_served(make_app, media_backend):
    """Installations from before names carried an extension keep their files as they are."""
    app = make_app(MEDIA_PUBLIC_URL=PUBLIC_URL, **media_backend)
    name = _stored(app)
    folder = Path(app.config["MEDIA_DIR"])
    for suffix in ("", "-480"):
        os.rename(folder / f"{name}{suffix}.png", folder / f"{name}{suffix}")
    client = app.test_client()
    response = client.get(f"/media/{name}/480")
    # No public address: a web server would find no such file, so the app serves it.
    assert (response.status_code, response.content_type) == (200, "image/png")
    assert Image.open(io.BytesIO(response.data)).size == (480, 300)
    assert client.get(f"/media/{name}").status_code == 200


@pytest.mark.parametrize("media_backend", ["s3"], indirect=True)
def test_objects_in_the_bucket_carry_their_type(app, media_backend):
    name = _stored(app)
    client = s3_client(media_backend["S3_ENDPOINT_URL"])
    stored = client.head_object(Bucket=media_backend["S3_BUCKET"], Key=f"{name}-480.png")
    assert stored["ContentType"] == "image/png"
    with app.app_context():
        media = db.session.scalar(select(Media).where(Media.sha256 == name))
        assert (media.width, media.content_type) == (1200, "image/png")


@pytest.mark.parametrize(
    "variables, message",
    [
        ({"BLOG_MEDIA_STORAGE": "ftp"}, "BLOG_MEDIA_STORAGE must be 'local' or 's3'"),
        ({"BLOG_MEDIA_STORAGE": "s3"}, "BLOG_S3_BUCKET must name the bucket"),
        (
            {"BLOG_MEDIA_STORAGE": "s3", "BLOG_S3_BUCKET": "b", "BLOG_S3_ENDPOINT_URL": "minio"},
            "BLOG_S3_ENDPOINT_URL must be an http or https address",
        ),
        ({"BLOG_MEDIA_PUBLIC_URL": "media.example.org"}, "BLOG_MEDIA_PUBLIC_URL must be"),
    ],
)
def test_media_storage_settings_that_make_no_sense_are_refused(
    monkeypatch, tmp_path, variables, message
):
    for variable, value in variables.items():
        monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError, match=message):
        config_from_environment(tmp_path)


def test_a_bucket_out_of_reach_refuses_uploads_and_serving_in_words(make_app):
    unreachable = f"http://127.0.0.1:{free_port()}"
    app = make_app(MEDIA_STORAGE="s3", S3_BUCKET="gone", S3_ENDPOINT_URL=unreachable)
    with app.app_context():
        with pytest.raises(MediaRejected, match="could not be stored just now"):
            store_image(io.BytesIO(png()), None)
        assert db.session.scalar(select(Media)) is None
        db.session.add(Media(sha256="ab" * 32, content_type="image/png", width=9, height=9, size=1))
        db.session.execute(update(Media).values(public=True))
        db.session.commit()
    response = app.test_client().get(f"/media/{'ab' * 32}")
    assert response.status_code == 503
    assert "Images cannot be fetched just now" in response.get_data(as_text=True)


def test_exporting_a_page_whose_pictures_are_out_of_reach_answers_503_in_words(make_app):
    unreachable = f"http://127.0.0.1:{free_port()}"
    app = make_app(
        MEDIA_STORAGE="s3", S3_BUCKET="gone", S3_ENDPOINT_URL=unreachable, WTF_CSRF_ENABLED=False
    )
    with app.app_context():
        author = User(email="author@example.com", name="Ann", role="author")
        author.set_password(PASSWORD)
        db.session.add(Media(sha256=UPLOAD, content_type="image/png", width=9, height=9, size=1))
        db.session.add(author)
        db.session.commit()
        author_id = author.id
    page = build_page(app, author_id, ("1", [[("image", SAMPLES["image"])]]))
    client = app.test_client()
    client.post("/login", data={"email": "author@example.com", "password": PASSWORD})
    response = client.get(f"/builder/pages/{page.id}/export.json")
    assert response.status_code == 503
    assert "image storage cannot be reached just now" in response.get_data(as_text=True)


def test_a_bucket_without_the_s3_extra_stops_the_start_in_words(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "boto3", None)  # as if the package were not installed
    monkeypatch.setenv("BLOG_MEDIA_STORAGE", "s3")
    monkeypatch.setenv("BLOG_S3_BUCKET", "pictures")
    with pytest.raises(ConfigError, match=r"install the blog with its s3 extra"):
        config_from_environment(tmp_path)
