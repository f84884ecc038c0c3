"""Cache backends: the cache every process shares (Redis, or a SQLite file on this machine), both
degrading to misses when they cannot be reached, and template fragments kept in each process's
memory in front of the shared cache."""

import logging
import os
import pickle
import re
import sqlite3
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache, InvalidCacheBackendError
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger("newsdesk.cache")

MISSING = object()


class Outage:
    """One process's view of whether its shared cache answers.

    A cache that cannot be reached must cost readers nothing but speed: every operation then
    answers as a miss (nothing found, nothing stored, no lock taken, no count kept), so pages are
    rendered uncached and rate limits let requests through. After a failure the server is left
    alone for RETRY_SECONDS, so a server that hangs instead of refusing delays one request in
    that time, not every cache call of every request. One warning per LOG_SECONDS says so, with
    the number of operations that failed, and one line when the cache answers again.

    Purges made while the cache is unreachable are lost: pages it still holds when it comes back
    may be out of date for up to PAGE_CACHE_SECONDS (a restarted Redis or SQLite file holds
    none)."""

    RETRY_SECONDS = 1.0
    LOG_SECONDS = 60.0
    known = {}

    @classmethod
    def of(cls, name):
        """The outage record of the cache `name` in this process. Django builds a backend per
        thread; they share one record, so the process logs once and skips the server at once."""
        return cls.known.setdefault(name, cls(name))

    def __init__(self, name, clock=time.monotonic):
        self.name = name
        self.clock = clock
        self.retry_at = None  # set while the cache is unavailable
        self.logged_at = None
        self.failed_operations = 0

    def skipping(self):
        return self.retry_at is not None and self.clock() < self.retry_at

    def failed(self, error):
        now = self.clock()
        self.retry_at = now + self.RETRY_SECONDS
        self.failed_operations += 1
        if self.logged_at is None or now - self.logged_at >= self.LOG_SECONDS:
            logger.warning(
                "Cache %s unavailable (%s: %s): pages are rendered uncached and rate limits "
                "are not counted until it answers (%d failed operations)",
                self.name,
                type(error).__name__,
                error,
                self.failed_operations,
                extra={"event": "cache_unavailable", "cache": self.name},
            )
            self.logged_at = now
            self.failed_operations = 0

    def answered(self):
        if self.retry_at is not None:
            self.retry_at = self.logged_at = None
            self.failed_operations = 0
            logger.warning(
                "Cache %s available again",
                self.name,
                extra={"event": "cache_available", "cache": self.name},
            )


class DegradesOnOutage:
    """Every operation of a shared cache backend, answering as a miss while its server cannot
    be reached (`outage_errors`). See Outage."""

    outage_errors = ()

    def _guarded(self, fallback, operation, *args):
        outage = self.outage
        if outage.retry_at is not None and outage.skipping():
            return fallback
        try:
            result = operation(*args)
        except self.outage_errors as error:
            outage.failed(error)
            return fallback
        if outage.retry_at is not None:
            outage.answered()
        return result

    def get(self, key, default=None, version=None):
        return self._guarded(default, super().get, key, default, version)

    # Nothing to ask for is no answer from the server: it must not end an outage.

    def get_many(self, keys, version=None):
        keys = list(keys)
        return self._guarded({}, super().get_many, keys, version) if keys else {}

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(list(data), super().set_many, data, timeout, version) if data else []

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(False, super().add, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        keys = list(keys)
        if keys:
            self._guarded(None, super().delete_many, keys, version)

    def has_key(self, key, version=None):
        return self._guarded(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        value = self._guarded(MISSING, super().incr, key, delta, version)
        if value is MISSING:
            raise ValueError(f"Key {key!r} not found (the cache is unavailable)")
        return value

    def clear(self):
        return self._guarded(None, super().clear)


class ReusedClients(RedisCacheClient):
    """Django's client builds a new `redis.Redis` for every call, and building one (its table of
    80 reply parsers) costs more than the round trip to Redis. A client is thread-safe and its
    connection pool notices a fork, so one per server and process serves every call."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write)
            )
        return client


class RedisCache(DegradesOnOutage, DjangoRedisCache):
    outage_errors = (RedisError,)

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClients
        # Named by its URL without the password it may carry: the name goes into the logs.
        self.outage = Outage.of("Redis " + re.sub(r"//[^@/]*@", "//", str(server)))


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


class FragmentCache(BaseCache):
    """Template fragments (`{% cache %}`), read from this process's memory before the shared
    cache (OPTIONS["SHARED"], an alias in CACHES).

    Only for entries whose key changes when their content does, as every fragment's key here
    names the versions of what it shows: a copy in memory is then never out of date, and a
    page rendered with every fragment already in memory makes no cache round trip for them.
    Deleting an entry reaches only this process's memory, so fragments are never deleted: a
    change renews the version in their key instead. A copy taken from the shared cache lives
    here for at most LOCAL_SECONDS (its remaining time there is unknown)."""

    LOCAL_SECONDS = 60

    def __init__(self, location, params):
        options = dict(params.get("OPTIONS", {}))
        self.shared_alias = options.pop("SHARED")
        super().__init__({**params, "OPTIONS": options})
        self.local = LocMemCache(f"fragments-{location}", {**params, "OPTIONS": options})

    @property
    def shared(self):
        return caches[self.shared_alias]

    def get(self, key, default=None, version=None):
        value = self.local.get(key, MISSING, version)
        if value is MISSING:
            value = self.shared.get(key, MISSING, version)
            if value is MISSING:
                return default
            self.local.set(key, value, self.LOCAL_SECONDS, version)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.shared.set(key, value, timeout, version)
        self.local.set(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self.shared.add(key, value, timeout, version)
        if added:
            self.local.set(key, value, timeout, version)
        return added

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        self.local.touch(key, timeout, version)
        return self.shared.touch(key, timeout, version)

    def delete(self, key, version=None):
        self.local.delete(key, version)
        return self.shared.delete(key, version)

    def has_key(self, key, version=None):
        return self.local.has_key(key, version) or self.shared.has_key(key, version)

    def clear(self):
        self.local.clear()
        self.shared.clear()


def versioned_cache():
    """The cache for entries whose key names the version of what they hold (fragments, the
    newest articles under the current "articles" version): in each process's memory first
    where a FragmentCache is configured."""
    try:
        return caches["template_fragments"]
    except InvalidCacheBackendError:
        return caches["default"]
