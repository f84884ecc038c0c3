"""Purges sent to nginx's cache-purge server (`FRONTEND_CACHE_URL`), read as nginx means them.

Wagtail's HTTPBackend sends one PURGE per URL, with no timeout, and logs an ERROR for every URL
it could not purge. Two of those are normal here: nginx's purge module answers 404 for a page it
holds no copy of (most purges: a publication purges its section, the front page and the feeds
whether or not a reader fetched them since), and while the purge server is down (before nginx
is set up, or during its restart) every URL of every publication fails alike. This backend sends
the same requests, counts a 404 as done, gives up a batch at the first connection failure, and
logs one WARNING per batch instead of an ERROR per URL.
"""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

logger = logging.getLogger("newsdesk.pagecache")


class PurgeBackend(HTTPBackend):
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
