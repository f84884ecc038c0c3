"""The media of a site whose files are not on this disk (S3-compatible object storage), copied
into and out of a backup through Django's storage API.

A backup downloads every object under the storage's root into the archive's `media/` folder,
the same layout a disk site's MEDIA_ROOT gives, so an archive restores into either kind of site
(this is also how a site moves its media from disk to a bucket). A restore makes the bucket hold
exactly the archive's files: objects the archive does not have are deleted, the others uploaded,
and each is then checked against the archive's size; any difference stops the restore.
"""

import posixpath
import shutil
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage


class MediaMismatch(Exception):
    """A restored object is not the archive's file."""


def stored_names(storage=None, folder=""):
    storage = storage or default_storage
    directories, files = storage.listdir(folder)
    for name in files:
        yield posixpath.join(folder, name)
    for directory in directories:
        yield from stored_names(storage, posixpath.join(folder, directory))


def download(target):
    """Copy every stored object into the folder `target`; returns how many."""
    count = 0
    for name in stored_names():
        path = Path(target, *name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, open(path, "wb") as out:
            shutil.copyfileobj(source, out)
        count += 1
    return count


def archive_files(source):
    """{stored name: path} of the files under the folder `source`."""
    if not source.exists():
        return {}
    return {
        path.relative_to(source).as_posix(): path for path in source.rglob("*") if path.is_file()
    }


def upload(source):
    """Make the storage hold exactly the files under `source`, and check each; returns how many."""
    wanted = archive_files(source)
    for name in list(stored_names()):
        if name not in wanted:
            default_storage.delete(name)
    for name, path in wanted.items():
        # Deleted first: the storage gives a taken name another one instead of replacing it.
        default_storage.delete(name)
        with open(path, "rb") as file:
            saved = default_storage.save(name, File(file, name=name))
        if saved != name:
            raise MediaMismatch(f"{name} was stored as {saved}")
    for name, path in wanted.items():
        if default_storage.size(name) != path.stat().st_size:
            raise MediaMismatch(f"{name} in storage differs from the archive's copy")
    return len(wanted)
