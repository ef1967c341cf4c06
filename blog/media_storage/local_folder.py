"""Image files in one local folder, readable by a web server that serves them itself."""

import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from blog.media_names import MediaFile

# Readable by everyone, so that nginx or Caddy running as another user can serve the files;
# nothing in them is secret from the web server (draft pictures are kept from readers by the
# app, which hands out no public address for them).
FILE_MODE = 0o644
FOLDER_MODE = 0o755


class LocalFolder:
    """Files named by MediaFile.name in one folder; files stored before names carried an
    extension are still read (existing installations keep working)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def put(self, data: bytes, file: MediaFile) -> None:
        """Store a file atomically: readers see no file or the whole file, never a part."""
        self._make_folder()
        # The temporary file is in the same folder, so os.replace is a rename, never a copy.
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as stored:
                stored.write(data)
                stored.flush()
                os.fsync(stored.fileno())
                os.fchmod(stored.fileno(), FILE_MODE)
            os.replace(temporary, self.folder / file.name)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def open(self, file: MediaFile) -> BinaryIO:
        """The stored file, for reading; FileNotFoundError when there is none."""
        try:
            return (self.folder / file.name).open("rb")
        except FileNotFoundError:
            return (self.folder / file.name_without_extension).open("rb")

    def public_name(self, file: MediaFile) -> str | None:
        """The file's name, once it is stored under it (a file without an extension gives a
        web server no type to send: the app serves it instead)."""
        return file.name if (self.folder / file.name).is_file() else None

    def _make_folder(self) -> None:
        if not self.folder.is_dir():
            self.folder.mkdir(parents=True, exist_ok=True)
            # mkdir's mode is cut by the umask: set it outright.
            self.folder.chmod(FOLDER_MODE)
