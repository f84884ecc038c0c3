"""Hot copies: the pages this web process answered from the page cache a moment ago.

Under a spike most requests are for a few pages; for `lifetimes.hot` after a page was read from
the cache (and found current), the same request is answered from this process's memory with no
cache round trip, no unpickling and no header building. A change made in this process clears
them at once (versions.renew_versions); one made elsewhere shows here once they expire, so a
publication reaches every reader within that fraction of a second.
"""

import time

from django.conf import settings

from newsdesk.serving.http import encoding_for
from newsdesk.serving.lifetimes import lifetimes


class HotCopies:
    MAX_PAGES = 1000

    def __init__(self, clock=time.monotonic):
        self.pages = {}
        self.clock = clock

    def clear(self):
        self.pages.clear()

    @staticmethod
    def key(scope):
        """(key, encoding, request id) for a request a hot copy may answer, or None: a GET or
        HEAD without a session cookie or a conditional header. Whether the path and its query
        may be cached at all was decided by the full lookup that stored the copy."""
        if scope["method"] not in ("GET", "HEAD"):
            return None
        host = encoding = forwarded = request_id = b""
        for name, value in scope["headers"]:
            if name == b"host":
                host = value
            elif name == b"accept-encoding":
                encoding = value
            elif name == b"cookie":
                if settings.SESSION_COOKIE_NAME.encode() + b"=" in value:
                    return None
            elif name == b"if-none-match" or name == b"if-modified-since":
                return None
            elif name == b"x-forwarded-proto":
                forwarded = value
            elif name == b"x-request-id":
                request_id = value
        encoding = encoding_for(encoding.decode("latin-1"))
        key = (scope.get("scheme"), forwarded, host, scope["path"], scope.get("query_string"))
        return key, encoding, request_id.decode("latin-1")

    def get(self, key, encoding):
        page = self.pages.get(key)
        if page is None:
            return None
        if page[0] < self.clock():
            self.pages.pop(key, None)
            return None
        return page[1].get(encoding)

    def put(self, key, encoding, status, headers, body):
        page = self.pages.get(key)
        if page is None or page[0] < self.clock():
            if len(self.pages) >= self.MAX_PAGES:
                self.pages.clear()
            page = self.pages[key] = (self.clock() + lifetimes.hot, {})
        page[1][encoding] = (status, headers, body)


hot_copies = HotCopies()
