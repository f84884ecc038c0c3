"""A version number for "what is published", part of every cache key that depends on it.

Publishing, unpublishing or deleting an article increments it, so every cached answer built on
the old set of articles is ignored from then on (and expires by itself). Every process shares the
number through the shared cache. A lost number (evicted, or the cache emptied) starts again from
the time, never from a number that answers may still be stored under; while the cache cannot
be reached the number is 0 and nothing is stored.
"""

import time

from django.core.cache import cache

VERSION_KEY = "discovery:published-version"


def published_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY, 0)
    return version


def bump_published_version():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
