"""Two app instances as separate gunicorn servers, each with its own local folder, sharing
one database, one Redis and one bucket: a site served from two machines."""

import uuid
from pathlib import Path

from helpers.gunicorn_server import GunicornServer
from helpers.login_attempts import DAILY_LIMITS


def shared_settings(media: dict[str, str], redis_url: str) -> dict[str, str]:
    """The environment both instances share: the bucket (app settings `media`), Redis and
    the login limits (the secret key comes from the test run's own environment)."""
    return {
        **DAILY_LIMITS,
        "BLOG_MEDIA_STORAGE": media["MEDIA_STORAGE"],
        "BLOG_S3_BUCKET": media["S3_BUCKET"],
        "BLOG_S3_ENDPOINT_URL": media["S3_ENDPOINT_URL"],
        "BLOG_RATELIMIT_STORAGE_URI": redis_url,
    }


def start_two_nodes(
    database_url: str, folder: Path, shared: dict[str, str]
) -> list[GunicornServer]:
    """Instances A and B, one worker each, each in a folder of its own (its media folder
    and instance files stay apart); the caller stops them."""
    nodes = []
    try:
        for name in ("a", "b"):
            (folder / name).mkdir()
            node = GunicornServer(database_url, folder / name, workers=1, environment=shared)
            nodes.append(node.start())
    except BaseException:
        for node in nodes:
            node.stop()
        raise
    return nodes


def multipart(fields: dict[str, str], file_field: str, file_name: str, data: bytes):
    """A multipart/form-data body with these fields and one file, and its content type, as a
    browser encodes a form with a file input."""
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
        f'filename="{file_name}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
        + data
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
