"""A shared cache that cannot be reached costs readers nothing but speed: the backends here
(redis_cache, sqlite_cache) answer every operation as a miss while their server is away."""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT

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
