"""Image files in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2 and the like),
through boto3, which takes its credentials from the usual AWS_* variables or the machine."""

import functools
import io
import threading
from typing import BinaryIO

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from blog.media_names import MediaFile
from blog.media_storage import StorageUnavailable

# What S3 answers for an object (or a bucket) that is not there.
NOT_THERE = {"NoSuchKey", "404", "NotFound"}
# Stored objects never change (their name is their content's hash).
FOREVER = "public, max-age=31536000, immutable"
# A slow or unreachable endpoint fails a request in seconds, not in gunicorn's timeout.
CLIENT_SETTINGS = Config(connect_timeout=5, read_timeout=20, retries={"max_attempts": 3})
# boto3 sessions are not safe to use from two threads at once: clients are made one at a time.
_MAKING_CLIENTS = threading.Lock()


class Bucket:
    """Objects named by MediaFile.name in one bucket, stored with their type."""

    def __init__(self, name: str, client) -> None:
        self.name = name
        self.client = client

    def put(self, data: bytes, file: MediaFile) -> None:
        """Store an object: S3 makes a new object visible whole or not at all."""
        try:
            self.client.put_object(
                Bucket=self.name,
                Key=file.name,
                Body=data,
                ContentType=file.content_type,
                CacheControl=FOREVER,
            )
        except (BotoCoreError, ClientError) as error:
            raise StorageUnavailable(f"Storing {file.name} failed: {error}") from error

    def open(self, file: MediaFile) -> BinaryIO:
        """The stored object's bytes; FileNotFoundError when there is none."""
        try:
            answer = self.client.get_object(Bucket=self.name, Key=file.name)
            # Read whole (an image is a few megabytes at most): the connection goes back to
            # the pool at once instead of waiting for a slow reader.
            with answer["Body"] as body:
                return io.BytesIO(body.read())
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in NOT_THERE:
                raise FileNotFoundError(file.name) from error
            raise StorageUnavailable(f"Reading {file.name} failed: {error}") from error
        except BotoCoreError as error:
            raise StorageUnavailable(f"Reading {file.name} failed: {error}") from error

    def public_name(self, file: MediaFile) -> str | None:
        """The object's key, which is its name under the bucket's public address."""
        return file.name


def bucket(name: str, endpoint_url: str) -> Bucket:
    """The bucket of this name at this endpoint (AWS's when empty), with one client per
    process: creating a client takes tens of milliseconds, and clients are thread-safe."""
    with _MAKING_CLIENTS:
        return _bucket(name, endpoint_url)


@functools.cache
def _bucket(name: str, endpoint_url: str) -> Bucket:
    session = boto3.session.Session()
    client = session.client("s3", endpoint_url=endpoint_url or None, config=CLIENT_SETTINGS)
    return Bucket(name, client)
