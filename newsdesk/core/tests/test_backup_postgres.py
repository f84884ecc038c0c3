"""Backups of a PostgreSQL site that is reached through its unix socket, as deploy/ documents
(`DATABASE_URL=postgres://newsdesk@/newsdesk`), with the real commands in their own processes.

The machine's PostgreSQL listens on its socket and on 127.0.0.1 without SSL. PGSSLMODE=require
makes every TCP connection to it fail while socket connections ignore the setting: the server
is then reachable through its socket only, like a production one with no TCP listener.
"""

import os
import stat
import subprocess
import sys

import psycopg
import pytest

from newsdesk.testing import ROOT, subprocess_env

pytestmark = pytest.mark.worker


def connect(name):
    # No host: libpq's default socket, as the site's URL below.
    return psycopg.connect(dbname=name, user="postgres", autocommit=True)


@pytest.fixture
def socket_database():
    """A database of this test's own on the machine's PostgreSQL, dropped afterwards."""
    name = f"newsdesk_backup_{os.getpid()}"
    with connect("postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connect("postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args, env):
    # A permissive umask, as a shell's: the archive's mode must not depend on it.
    return subprocess.run(
        [sys.executable, "manage.py", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        umask=0o022,
        timeout=300,
    )


def headlines(name):
    with connect(name) as db:
        return db.execute("SELECT headline FROM backup_check ORDER BY id").fetchall()


def test_it_backs_up_and_restores_through_the_socket_with_a_private_archive(
    socket_database, tmp_path
):
    with connect(socket_database) as db:
        db.execute("CREATE TABLE backup_check (id int PRIMARY KEY, headline text)")
        db.execute("INSERT INTO backup_check VALUES (1, 'Bridge reopens'), (2, 'Dam holds')")
    env = subprocess_env(
        DATABASE_URL=f"postgres://postgres@/{socket_database}",
        MEDIA_ROOT=tmp_path / "media",
        PGSSLMODE="require",
    )
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "photo.jpg").write_bytes(b"not really a photo")
    archive = tmp_path / "site.tar.gz"

    backup = manage("backup", "--output", archive, env=env)
    assert backup.returncode == 0, backup.stderr
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600

    with connect(socket_database) as db:
        db.execute("DELETE FROM backup_check WHERE id = 1")
        db.execute("INSERT INTO backup_check VALUES (3, 'Written after the backup')")

    restore = manage("restore", archive, "--yes", env=env)
    assert restore.returncode == 0, restore.stderr
    assert headlines(socket_database) == [("Bridge reopens",), ("Dam holds",)]
    assert (tmp_path / "media" / "photo.jpg").read_bytes() == b"not really a photo"
