"""Purging by path, from the page cache and the front-end caches (nginx, through Wagtail's
frontend cache app).

Which paths a change affects is known by the app that owns the content; each calls
`purge_paths()` from its reaction to the change. The page cache forgets them by renewing their
versions (versions.py); nginx is sent the same paths straight away, so a published change
reaches readers within a second.

PurgeBackend is hand-written on top of Wagtail's HTTPBackend, which sends one PURGE per URL
with no timeout and logs an ERROR for every URL it could not purge. Two of those are normal
here: nginx's purge module answers 404 for a page it holds no copy of (most purges: a
publication purges its section, the front page and the feeds whether or not a reader fetched
them since), and while the purge server is down (before nginx is set up, or during its
restart) every URL of every publication fails alike. This backend sends the same requests,
counts a 404 as done, gives up a batch at the first connection failure, and logs one WARNING
per batch instead of an ERROR per URL.

Every cache in WAGTAILFRONTENDCACHE gets every purge (settings.frontend_caches: several nginx,
Cloudflare, CloudFront). Cloudflare purges exact URLs only (wildcards and prefixes need its
Enterprise plan), so CloudflareBackend leaves out the query-string wildcards; CloudFront takes
them as they are (`/world/?*`).
"""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from wagtail import __version__
from wagtail.contrib.frontend_cache.backends.cloudflare import (
    CloudflareBackend as WagtailCloudflareBackend,
)
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends

from newsdesk.serving.versions import path_version_key, renew_versions

logger = logging.getLogger("newsdesk.pagecache")


def purge_paths(paths):
    """Drop these paths (every query-string variant) from the page cache and front-end caches.

    The page cache forgets them at once (so this process shows the change straight away) and
    again when the transaction commits (so no request that read the old rows can have refilled
    it meanwhile); front-end caches are purged after the commit.
    """
    paths = sorted({path for path in paths if path})
    if paths:
        renew_versions([path_version_key(path) for path in paths])
        transaction.on_commit(lambda: purge_now(paths))


def purge_now(paths):
    renew_versions([path_version_key(path) for path in paths])
    site_url = settings.SITE_URL + "/"
    urls = [urljoin(site_url, path.lstrip("/")) for path in paths]
    # Query-string variants (?page=2) too; nginx's purge module takes a trailing wildcard.
    urls += [url + "?*" for url in urls]
    for name, backend in get_backends().items():
        try:
            backend.purge_batch(urls)
        except Exception:
            logger.exception("Purging %d URLs from front-end cache %s failed", len(urls), name)
    logger.debug("purged %d paths", len(paths), extra={"event": "purge", "paths": paths})


class PurgeBackend(HTTPBackend):
    """Purges sent to nginx's cache-purge server (`FRONTEND_CACHE_URL`), read as nginx means
    them (see the module's docstring)."""

    TIMEOUT = 5  # seconds per request; a purge runs in the request or task that published

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        location = f"{self.cache_scheme}://{self.cache_netloc}"
        failed = []
        for url in urls:
            try:
                with urlopen(self.purge_request(url), timeout=self.TIMEOUT):  # noqa: S310
                    pass
            except HTTPError as error:
                error.close()
                if error.code != 404:  # 404: nginx held no copy, nothing to purge
                    failed.append((url, f"{error.code} {error.reason}"))
            except (URLError, OSError) as error:
                logger.warning(
                    "Couldn't purge %d URLs from the front-end cache at %s: %s",
                    len(urls),
                    location,
                    getattr(error, "reason", error),
                    extra={"event": "purge_failed", "urls": len(urls)},
                )
                return
        if failed:
            url, reason = failed[0]
            logger.warning(
                "Couldn't purge %d of %d URLs from the front-end cache at %s (%s: %s)",
                len(failed),
                len(urls),
                location,
                url,
                reason,
                extra={"event": "purge_failed", "urls": len(failed)},
            )

    def purge_request(self, url):
        """The request Wagtail's HTTPBackend.purge sends: to the purge server, with the page's
        own Host, so nginx finds the copy it cached under that host."""
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        return PurgeRequest(
            url=urlunsplit(
                [self.cache_scheme, self.cache_netloc, parts.path, parts.query, parts.fragment]
            ),
            headers={"Host": host, "User-Agent": "Wagtail-frontendcache/" + __version__},
        )


class CloudflareBackend(WagtailCloudflareBackend):
    """Wagtail's, without the `?*` wildcards Cloudflare would take literally: a page's
    query-string variants (?page=2) there expire with their s-maxage."""

    def purge_batch(self, urls):
        exact = [url for url in urls if not url.endswith("?*")]
        if exact:
            super().purge_batch(exact)
