"""The shared cache without Redis: one SQLite file every process on the machine opens."""

import os
import pickle
import sqlite3
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

from newsdesk.serving.outage import MISSING, DegradesOnOutage, Outage


def encode(value):
    # Integers stay integers, so that incr() is one UPDATE that SQLite does atomically.
    if type(value) is int and -(2**63) <= value < 2**63:
        return value
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def decode(stored):
    return stored if type(stored) is int else pickle.loads(stored)


class SQLiteStore(BaseCache):
    """SQLiteCache's operations, without its handling of outages."""

    BUSY_SECONDS = 2.0  # how long a write waits for another process's write before failing

    def __init__(self, location, params):
        super().__init__(params)
        self.path = os.path.abspath(location)
        self.local = threading.local()

    def _connection(self):
        pid, connection = getattr(self.local, "connection", (None, None))
        if pid != os.getpid():  # none yet in this thread, or this process was forked
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=self.BUSY_SECONDS, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")  # a cache may lose its last writes
            connection.execute(
                "CREATE TABLE IF NOT EXISTS cache"
                " (key TEXT PRIMARY KEY, value BLOB NOT NULL, expires REAL)"
            )
            connection.execute("CREATE INDEX IF NOT EXISTS cache_expires ON cache (expires)")
            self.local.connection = (os.getpid(), connection)
        return connection

    def _expiry(self, timeout):
        return self.get_backend_timeout(timeout)  # an absolute time, or None: never

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        row = (
            self._connection()
            .execute(
                "SELECT value FROM cache WHERE key = ? AND (expires IS NULL OR expires > ?)",
                (key, time.time()),
            )
            .fetchone()
        )
        return default if row is None else decode(row[0])

    def get_many(self, keys, version=None):
        names = {self.make_and_validate_key(key, version=version): key for key in keys}
        if not names:
            return {}
        rows = (
            self._connection()
            .execute(
                f"SELECT key, value FROM cache WHERE key IN ({','.join('?' * len(names))})"
                " AND (expires IS NULL OR expires > ?)",
                (*names, time.time()),
            )
            .fetchall()
        )
        return {names[key]: decode(value) for key, value in rows}

    # Each operation is whole here: none calls another public one, which SQLiteCache guards.

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._store({key: value}, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        self._store(data, timeout, version)
        return []

    def _store(self, data, timeout, version):
        rows = [
            (self.make_and_validate_key(key, version=version), encode(value))
            for key, value in data.items()
        ]
        if not rows:
            return
        expires = self._expiry(timeout)
        connection = self._connection()
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.executemany(
                "INSERT INTO cache (key, value, expires) VALUES (?, ?, ?) ON CONFLICT (key)"
                " DO UPDATE SET value = excluded.value, expires = excluded.expires",
                [(key, value, expires) for key, value in rows],
            )
            self._cull(connection)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        connection = self._connection()
        added = connection.execute(
            "INSERT INTO cache (key, value, expires) VALUES (?, ?, ?) ON CONFLICT (key)"
            " DO UPDATE SET value = excluded.value, expires = excluded.expires"
            " WHERE cache.expires IS NOT NULL AND cache.expires <= ?",
            (key, encode(value), self._expiry(timeout), time.time()),
        ).rowcount
        if added:
            self._cull(connection)
        return added == 1

    def incr(self, key, delta=1, version=None):
        name = self.make_and_validate_key(key, version=version)
        row = (
            self._connection()
            .execute(
                "UPDATE cache SET value = value + ? WHERE key = ? AND typeof(value) = 'integer'"
                " AND (expires IS NULL OR expires > ?) RETURNING value",
                (delta, name, time.time()),
            )
            .fetchone()
        )
        if row is None:
            raise ValueError(f"Key {key!r} not found, or not an integer")
        return row[0]

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        return (
            self._connection()
            .execute(
                "UPDATE cache SET expires = ? WHERE key = ? AND (expires IS NULL OR expires > ?)",
                (self._expiry(timeout), key, time.time()),
            )
            .rowcount
            == 1
        )

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._connection().execute("DELETE FROM cache WHERE key = ?", (key,)).rowcount == 1

    def delete_many(self, keys, version=None):
        keys = [self.make_and_validate_key(key, version=version) for key in keys]
        if keys:
            self._connection().execute(
                f"DELETE FROM cache WHERE key IN ({','.join('?' * len(keys))})", keys
            )

    def has_key(self, key, version=None):
        return SQLiteStore.get(self, key, MISSING, version) is not MISSING

    def clear(self):
        self._connection().execute("DELETE FROM cache")

    def _cull(self, connection):
        (count,) = connection.execute("SELECT count(*) FROM cache").fetchone()
        if count <= self._max_entries:
            return
        count -= connection.execute("DELETE FROM cache WHERE expires <= ?", (time.time(),)).rowcount
        if count > self._max_entries and self._cull_frequency:
            connection.execute(
                "DELETE FROM cache WHERE key IN (SELECT key FROM cache WHERE expires IS NOT NULL"
                " ORDER BY expires LIMIT ?)",
                (max(1, count // self._cull_frequency),),
            )


class SQLiteCache(DegradesOnOutage, SQLiteStore):
    """The shared cache when there is no Redis: one SQLite file (LOCATION) that every process on
    the machine opens, the web server's, the workers' and every `manage.py` command's.

    Written here because Django's backends that need no server are not shared safely or cheaply:
    the file-based cache's `add` and `incr` are a read and then a write (two processes both take
    the page cache's "renewing" lock, rate-limit counts are lost), it culls files at random
    (the page cache's versions with them) and lists its directory on every write; the database
    cache would put every cache write in the queue of the site's own SQLite writers, counts its
    table on every write and culls by key order. `bench/cache.py` measures all three.

    Here: the file is in WAL mode, so readers never wait for a writer and a reader sees every
    write committed before its statement; each thread of each process has its own connection.
    Each operation is one statement, atomic across processes: `add` is an INSERT that gives way
    to a live entry, `incr` an UPDATE of a stored integer. Entries without a timeout (versions)
    are never culled; when the file holds more than MAX_ENTRIES, expired entries go first, then
    the CULL_FREQUENCY-th part that expires soonest."""

    outage_errors = (sqlite3.Error, OSError)

    def __init__(self, location, params):
        super().__init__(location, params)
        self.outage = Outage.of(f"file {self.path}")
