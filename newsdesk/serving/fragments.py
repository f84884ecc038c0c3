"""Template fragments and objects cached under versions, in each process's memory first."""

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache, InvalidCacheBackendError
from django.core.cache.backends.locmem import LocMemCache
from django.utils import translation

from newsdesk.serving.lifetimes import lifetimes
from newsdesk.serving.outage import MISSING


def edition_key(key):
    """The key in the edition being served: the default edition's keys are unchanged."""
    language = translation.get_language()
    return key if not language or language == settings.LANGUAGE_CODE else f"{language}:{key}"


class FragmentCache(BaseCache):
    """Template fragments (`{% cache %}`), read from this process's memory before the shared
    cache (OPTIONS["SHARED"], an alias in CACHES).

    Only for entries whose key changes when their content does, as every fragment's key here
    names the versions of what it shows: a copy in memory is then never out of date, and a
    page rendered with every fragment already in memory makes no cache round trip for them.
    Deleting an entry reaches only this process's memory, so fragments are never deleted: a
    change renews the version in their key instead. A copy taken from the shared cache lives
    here for at most lifetimes.fragment_in_memory (its remaining time there is unknown).

    Every key is the active language's (newsdesk.core.editions; the default edition's keys are
    unprefixed): a fragment holds the text of one edition, in that edition's language."""

    def __init__(self, location, params):
        options = dict(params.get("OPTIONS", {}))
        self.shared_alias = options.pop("SHARED")
        super().__init__({**params, "OPTIONS": options})
        self.local = LocMemCache(f"fragments-{location}", {**params, "OPTIONS": options})

    @property
    def shared(self):
        return caches[self.shared_alias]

    def get(self, key, default=None, version=None):
        key = edition_key(key)
        value = self.local.get(key, MISSING, version)
        if value is MISSING:
            value = self.shared.get(key, MISSING, version)
            if value is MISSING:
                return default
            self.local.set(key, value, lifetimes.fragment_in_memory, version)
        return value

    def get_many(self, keys, version=None):
        named = {edition_key(key): key for key in keys}
        found = self.local.get_many(list(named), version)
        missing = [key for key in named if key not in found]
        if missing:
            shared = self.shared.get_many(missing, version)
            self.local.set_many(shared, lifetimes.fragment_in_memory, version)
            found.update(shared)
        return {named[key]: value for key, value in found.items()}

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = edition_key(key)
        timeout = self.default_timeout if timeout is DEFAULT_TIMEOUT else timeout
        self.shared.set(key, value, timeout, version)
        self.local.set(key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        timeout = self.default_timeout if timeout is DEFAULT_TIMEOUT else timeout
        named = {edition_key(key): key for key in data}
        data = {key: data[name] for key, name in named.items()}
        failed = self.shared.set_many(data, timeout, version)
        self.local.set_many(data, timeout, version)
        return [named[key] for key in failed]

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = edition_key(key)
        added = self.shared.add(key, value, timeout, version)
        if added:
            self.local.set(key, value, timeout, version)
        return added

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = edition_key(key)
        self.local.touch(key, timeout, version)
        return self.shared.touch(key, timeout, version)

    def delete(self, key, version=None):
        key = edition_key(key)
        self.local.delete(key, version)
        return self.shared.delete(key, version)

    def has_key(self, key, version=None):
        key = edition_key(key)
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
