"""Backups of a whole site: the database and the media files, in one archive.

An archive is a gzipped tar with `manifest.json`, the database (`database.sqlite3`, made with
SQLite's online backup API, or `database.dump`, a `pg_dump` custom-format dump) and `media/`
(MEDIA_ROOT, or every object of the S3 bucket: newsdesk.core.media_backup).
Both are consistent copies taken while the site runs. Archives hold every subscriber's address
and the staff's password hashes: only their owner may read them (0600).
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from psycopg import pq
from psycopg.conninfo import make_conninfo

from newsdesk.core import media_backup

FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why in one line."""


def vendor():
    return connection.vendor


def pg_connection():
    """(conninfo, env) for pg_dump and pg_restore: the parameters Django connects with, so they
    reach the same server the same way (no host: libpq's default socket; a host that is a path:
    the socket in that directory). The password goes in the environment, not on a command line
    that every user of the machine can read."""
    libpq = {option.keyword.decode() for option in pq.Conninfo.get_defaults()}
    params = {
        name: str(value)
        for name, value in connection.get_connection_params().items()
        if name in libpq and value not in (None, "")
    }
    env = {**os.environ}
    password = params.pop("password", None)
    if password:
        env["PGPASSWORD"] = password
    return make_conninfo(**params), env


def run(command, env=None):
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client)") from None
    except subprocess.CalledProcessError as exc:
        last = (exc.stderr or "").strip().splitlines()[-1:] or ["no output"]
        raise BackupError(f"{command[0]} failed: {last[0]}") from None


def dump_database(directory):
    if vendor() == "sqlite":
        target = directory / "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return target.name
    if vendor() == "postgresql":
        conninfo, env = pg_connection()
        target = directory / "database.dump"
        run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-acl", "-f", target, "-d", conninfo],
            env,
        )
        return target.name
    raise BackupError(f"backups of {vendor()} databases are not supported")


def media_root():
    storage = settings.STORAGES["default"]["BACKEND"]
    if storage != "django.core.files.storage.FileSystemStorage":
        return None
    return Path(settings.MEDIA_ROOT)


def create_backup(output):
    """Write an archive to `output` (atomically: a failed backup leaves nothing behind)."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent) as scratch:
        scratch = Path(scratch)
        database = dump_database(scratch)
        media = media_root()
        if media is None:  # object storage: its objects are downloaded into the archive
            media = scratch / "media"
            media.mkdir()
            media_backup.download(media)
        manifest = {
            "format": FORMAT,
            "created": datetime.now(UTC).isoformat(),
            "database": {"vendor": vendor(), "file": database},
            "media": True,
        }
        (scratch / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = scratch / "archive.tar.gz"
        # Created 0600 whatever the umask; os.replace keeps the mode.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file, tarfile.open(fileobj=file, mode="w:gz") as tar:
            tar.add(scratch / "manifest.json", arcname="manifest.json")
            tar.add(scratch / database, arcname=database)
            if media is not None and media.exists():
                tar.add(media, arcname="media")
        os.replace(partial, output)
    return output


def read_manifest(tar):
    try:
        member = tar.getmember("manifest.json")
        manifest = json.load(tar.extractfile(member))
    except (KeyError, ValueError):
        raise BackupError("not a Newsdesk backup: manifest.json is missing or unreadable") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    return manifest


def restore_backup(archive):
    """Replace this site's database and media with those in `archive`."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"{archive} does not exist")
    if not tarfile.is_tarfile(archive):
        raise BackupError(f"{archive} is not a tar archive")
    with tarfile.open(archive, "r:*") as tar, tempfile.TemporaryDirectory() as scratch:
        manifest = read_manifest(tar)
        saved = manifest["database"]["vendor"]
        if saved != vendor():
            raise BackupError(f"this backup holds a {saved} database; this site uses {vendor()}")
        # The "data" filter refuses absolute paths, links outside the tree and device files.
        try:
            tar.extractall(scratch, filter="data")
        except tarfile.FilterError as exc:
            raise BackupError(f"unsafe archive member refused: {exc}") from None
        scratch = Path(scratch)
        restore_database(scratch / manifest["database"]["file"])
        media = media_root()
        if manifest["media"] and media is not None:
            restore_media(scratch / "media", media)
        elif manifest["media"]:
            try:
                media_backup.upload(scratch / "media")
            except media_backup.MediaMismatch as exc:
                raise BackupError(f"media restore failed: {exc}") from None
    return manifest


def restore_database(path):
    connections.close_all()
    if vendor() == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(path) as source:
            source.backup(connection.connection)
        source.close()
        return
    conninfo, env = pg_connection()
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    connections.close_all()
    run(["pg_restore", "--no-owner", "--no-acl", "--exit-on-error", "-d", conninfo, path], env)


def restore_media(source, target):
    target.mkdir(parents=True, exist_ok=True)
    for child in target.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    if source.exists():
        shutil.copytree(source, target, dirs_exist_ok=True)
