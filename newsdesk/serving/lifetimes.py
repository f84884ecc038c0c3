"""Every cache lifetime, in seconds: read from settings here, and nowhere else.

Python asks `lifetimes.page`, `lifetimes.fragment`...; templates get the same object as
`lifetimes` from the serving context processor (`{% cache lifetimes.fragment "name" ... %}`).
Each is read when asked, so a test that changes a setting sees the change.
"""

from django.conf import settings


class Lifetimes:
    @property
    def page(self):
        """A reader page in the page cache, and (s-maxage) in nginx or a CDN."""
        return settings.PAGE_CACHE_SECONDS

    @property
    def missing_page(self):
        """A 404 page in the page cache: an article may be published at that path soon."""
        return settings.PAGE_CACHE_MISSING_SECONDS

    @property
    def stale(self):
        """stale-while-revalidate: how long a shared cache may serve a page while refreshing."""
        return settings.PAGE_CACHE_STALE_SECONDS

    @property
    def hot(self):
        """A page a web process just read from the cache, answered from its own memory."""
        return settings.PAGE_CACHE_HOT_SECONDS

    @property
    def renewing(self):
        """How long one request may take to renew a page others are given the old copy of."""
        return settings.PAGE_CACHE_RENEWING_SECONDS

    @property
    def fragment(self):
        """A template fragment ({% cache %}); its key names the versions of what it shows."""
        return settings.FRAGMENT_CACHE_SECONDS

    @property
    def fragment_in_memory(self):
        """A fragment copied from the shared cache into a process's memory."""
        return settings.FRAGMENT_MEMORY_SECONDS

    @property
    def media(self):
        """An image, rendition or narration file in browsers and CDNs (Cache-Control)."""
        return settings.MEDIA_CACHE_SECONDS

    @property
    def versioned(self):
        """An object cached under a version (navigation, newsletters, related stories)."""
        return settings.VERSIONED_CACHE_SECONDS

    @property
    def rendition(self):
        """An image rendition (its key names the image's file and focal point)."""
        return settings.RENDITION_CACHE_SECONDS


lifetimes = Lifetimes()
