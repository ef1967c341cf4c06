"""Where image files live: a local folder (the default) or an S3-compatible bucket, chosen by
BLOG_MEDIA_STORAGE. Both keep the few methods the app uses, so nothing else knows which."""

from typing import BinaryIO, Protocol

from flask import current_app

from blog.media_names import MediaFile
from blog.media_storage.local_folder import LocalFolder


class StorageUnavailable(RuntimeError):
    """The storage could not be reached or refused the request (a bucket's endpoint down,
    wrong credentials): nothing about the file itself, and worth trying again later."""


class MediaStorage(Protocol):
    """The files of stored images, by name (see MediaFile)."""

    def put(self, data: bytes, file: MediaFile) -> None:
        """Store a file whole: readers find no file or all of it, never a part."""

    def open(self, file: MediaFile) -> BinaryIO:
        """The stored file, for reading; FileNotFoundError when there is none."""

    def public_name(self, file: MediaFile) -> str | None:
        """The file's name under BLOG_MEDIA_PUBLIC_URL, where a web server, the bucket or a
        CDN serves it; None when it can only be served through the app."""


def media_storage() -> MediaStorage:
    """The media storage of the current app: its bucket, or its MEDIA_DIR folder."""
    config = current_app.config
    if config["MEDIA_STORAGE"] == "s3":
        # boto3 is an optional extra: imported only by the sites that chose a bucket.
        from blog.media_storage.bucket import bucket

        return bucket(config["S3_BUCKET"], config["S3_ENDPOINT_URL"])
    return LocalFolder(config["MEDIA_DIR"])
