"""A version number for "what is published", part of every cache key that depends on it.

Publishing, unpublishing or deleting an article increments it, so every cached answer built on
the old set of articles is ignored from then on (and expires by itself). With Redis all processes
share the number; with the local-memory cache each process has its own, and entries only live as
long as their timeout.
"""

from django.core.cache import cache

VERSION_KEY = "discovery:published-version"


def published_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_published_version():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, 2, timeout=None)
