"""The two media storages the app can use, for tests that run on both: the local folder, and
a bucket on moto's S3-protocol server, which the run starts on loopback (moto[server], in the
test extra)."""

import os
import sys
from pathlib import Path

import boto3
import pytest

from helpers.service_process import ServiceProcess

MEDIA_STORAGES = ("local", "s3")
# Put on a test module: each of its tests runs on both storages (the `media_backend` fixture).
ON_EVERY_MEDIA_STORAGE = pytest.mark.parametrize("media_backend", MEDIA_STORAGES, indirect=True)
# moto accepts any credentials; these keep boto3 (in the tests and in the servers they start)
# from looking for real ones.
TEST_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}


def start_s3_server(folder: Path) -> ServiceProcess:
    """moto's standalone server on a free loopback port, with test credentials in the
    environment of this process and of every process it starts."""
    os.environ.update(TEST_CREDENTIALS)
    command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", "{port}"]
    return ServiceProcess(command, folder / "moto.log").start()


def s3_client(endpoint: str):
    return boto3.client("s3", endpoint_url=endpoint)


def new_bucket(endpoint: str, name: str) -> dict[str, str]:
    """Create a bucket; return the app settings that store media in it."""
    client = s3_client(endpoint)
    try:
        client.create_bucket(Bucket=name)
    except client.exceptions.BucketAlreadyOwnedByYou:
        pass  # made by an earlier test of this process
    return {"MEDIA_STORAGE": "s3", "S3_BUCKET": name, "S3_ENDPOINT_URL": endpoint}


def empty_bucket(endpoint: str, name: str) -> None:
    client = s3_client(endpoint)
    for key in object_names(client, name):
        client.delete_object(Bucket=name, Key=key)


def object_names(client, bucket: str) -> list[str]:
    listed = client.list_objects_v2(Bucket=bucket)
    return sorted(item["Key"] for item in listed.get("Contents", []))


def stored_names(app) -> list[str]:
    """The names of every file the app's media storage holds."""
    if app.config["MEDIA_STORAGE"] == "s3":
        client = s3_client(app.config["S3_ENDPOINT_URL"])
        return object_names(client, app.config["S3_BUCKET"])
    folder = app.config["MEDIA_DIR"]
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []
