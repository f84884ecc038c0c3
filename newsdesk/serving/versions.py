"""The one versioning scheme: every cached thing names, in its key or beside it, the versions of
what it shows, and a change renews those versions instead of deleting entries.

Two kinds: a version per path (`purge_paths` renews it, dropping every query-string variant of
the page at once) and a version per kind of shared content ("articles", "feed", "chrome",
"sites"; `bump` renews it). Versions live in the cache every process shares, without a timeout.
A renewed version is a fresh time stamp, never an increment: a version that came back as a
value it had before would bring back what was stored under it.
"""

import hashlib
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

from newsdesk.core.editions import active_language, language_codes, language_of_path
from newsdesk.serving.hot import hot_copies

# "sites": Wagtail's sites, which each process keeps in memory (newsdesk.serving.sites).
CONTENT_VERSIONS = ("articles", "feed", "chrome", "sites")
# Kept per edition (language): an article or feed item of one edition leaves the other's pages
# in the cache. A page reads the versions of its path's edition.
EDITION_VERSIONS = ("articles", "feed")
# Not a version but read in the same round trip: whether any page has a view restriction
# (newsdesk.serving.restrictions), which a reader's page asks several times.
RESTRICTIONS_KEY = "view-restrictions:any"
RESTRICTED = "restricted"


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def path_version_key(path):
    return f"pagecache:v:{hashlib.md5(path.encode()).hexdigest()}"


def content_version_key(name, language=None):
    if name in EDITION_VERSIONS:
        return f"pagecache:content:{name}:{language or settings.LANGUAGE_CODE}"
    return f"pagecache:content:{name}"


def renew_versions(keys):
    cache().set_many(dict.fromkeys(keys, time.time_ns()), None)
    hot_copies.clear()  # this process shows the change at once; the others within lifetimes.hot


def bump(*names, language=None):
    """Mark shared content as changed ("articles", "feed", "chrome"): whatever is keyed on it is
    built anew, in the edition of `language` only, or in every edition. At once and again after
    the commit, as purge_paths does."""
    languages = [language] if language else language_codes()
    keys = sorted({content_version_key(name, each) for name in names for each in languages})
    renew_versions(keys)
    transaction.on_commit(lambda: renew_versions(keys))


def content_version(name, language=None):
    """The current version of one kind of shared content (in the edition being served, unless
    told), for keys of objects cached under it."""
    key = content_version_key(name, language or active_language())
    version = cache().get(key)
    return version if version is not None else first_versions([key])[key]


class FragmentVersions:
    """The versions templates key their cached fragments on, read in one cache round trip the
    first time a template asks for any of them: `v.articles`, `v.feed`, `v.chrome`, `v.path`.

    It remembers which shared versions the page asked for: the page cache stores them with the
    page and serves it only while they are unchanged, so a page showing the news feed is
    renewed when an item is posted, and one that does not show it is left alone."""

    def __init__(self, path, versions=None):
        self._path = path
        self._versions = versions
        self._used = set()

    def __getattr__(self, name):
        if name.startswith("_") or name == RESTRICTED:
            raise AttributeError(name)
        if self._versions is None:
            self._versions = read_versions(self._path)
        if name not in self._versions:
            raise AttributeError(name)
        if name != "path":
            self._used.add(name)
        return self._versions[name]

    def restricted(self):
        """Whether any page has a view restriction, as read with the versions: True, False, or
        None when the cache does not know."""
        if self._versions is None:
            self._versions = read_versions(self._path)
        return self._versions.get(RESTRICTED)

    def remember_restricted(self, found):
        if self._versions is not None:
            self._versions[RESTRICTED] = found

    def depends(self):
        """{name: version} of the shared content this page printed."""
        return {name: self._versions[name] for name in sorted(self._used)}


def read_versions(path):
    language = language_of_path(path)
    keys = {content_version_key(name, language): name for name in CONTENT_VERSIONS}
    keys[path_version_key(path)] = "path"
    found = cache().get_many([*keys, RESTRICTIONS_KEY])
    restricted = found.pop(RESTRICTIONS_KEY, None)
    if len(found) < len(keys):
        found.update(first_versions([key for key in keys if key not in found]))
    return {**{name: found[key] for key, name in keys.items()}, RESTRICTED: restricted}


def first_versions(keys):
    """Versions for keys that have none: never renewed, or lost (an evicted key, a restarted
    cache). A fresh one, as a purge would set, never a default such as 0 that entries stored
    before the loss were keyed on. While the cache cannot be reached, every request gets
    versions of its own, so nothing kept in a process's memory under older ones is shown."""
    version = time.time_ns()
    found = {key: version for key in keys if cache().add(key, version, None)}
    if len(found) < len(keys):  # another process set them first, or the cache is unavailable
        found.update(cache().get_many([key for key in keys if key not in found]))
    return {key: found.get(key, version) for key in keys}


_current = ContextVar("newsdesk_request_versions", default=None)


def current_versions():
    """The FragmentVersions of the request being handled, if any (see request_scope)."""
    return _current.get()


@contextmanager
def request_scope(request):
    """Within it, current_versions() is `request`'s: code without the request at hand (a
    queryset's public()) reads what the request's one round trip read. Entered by the page
    cache's middleware for the whole request and left after it, so nothing reaches the next
    request handled in the same thread."""
    token = _current.set(fragment_versions(request))
    try:
        yield
    finally:
        _current.reset(token)


def fragment_versions(request):
    """The request's FragmentVersions (the page cache's lookup already read them)."""
    versions = getattr(request, "_fragment_versions", None)
    if versions is None:
        versions = request._fragment_versions = FragmentVersions(request.path)
    return versions
