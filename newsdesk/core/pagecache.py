"""The anonymous full-page cache, HTTP caching headers, compression and purging.

Readers without a session cookie get pages from the cache that every process shares (Redis in
production, a SQLite file by default: newsdesk.core.cache); staff, who carry a session cookie,
never read or fill it, and neither do previews (they live under /admin/). A cached page is
stored with its gzip and Brotli forms, so a hit costs two cache reads and no rendering or
compressing.

Purging is by path: each path has a version in the cache, part of every key stored under it.
`purge_paths()` renews the versions (dropping every query-string variant of a path at once)
and sends the same paths to the configured front-end caches (nginx) straight away, so a published
change reaches readers within a second. Which paths a change affects is known by the app that
owns the content; each calls `purge_paths()` from its reaction to the change.
"""

import functools
import gzip
import hashlib
import logging
import time
import uuid
from urllib.parse import urlencode, urljoin

import brotli
from asgiref.sync import iscoroutinefunction, sync_to_async
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.http.cookie import parse_cookie
from django.http.request import HttpHeaders
from django.utils.cache import patch_vary_headers
from django.utils.decorators import sync_and_async_middleware
from django.utils.http import http_date, parse_etags
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger("newsdesk.pagecache")

COMPRESSIBLE = (
    "text/",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
    "application/ld+json",
    "image/svg+xml",
    "application/javascript",
)
# Headers of the original response that a cache hit does not repeat: set per request or per
# client. Every other header (type, security headers, CSP with its nonce) is kept with the page.
DROPPED_HEADERS = {
    "content-length", "content-encoding", "vary", "etag", "last-modified", "cache-control",
    "x-cache", "x-request-id", "set-cookie", "date", "expires",
}  # fmt: skip


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def cacheable_request(request):
    if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE_ENABLED:
        return False
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return False  # Django answers with the redirect to https
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    path = request.path_info
    if any(path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDE):
        return False
    return all(name in settings.PAGE_CACHE_QUERY_PARAMS for name in request.GET)


def path_version_key(path):
    return f"pagecache:v:{hashlib.md5(path.encode()).hexdigest()}"


def renew_versions(keys):
    # A fresh version, not an increment: a version that came back as a value it had before
    # would bring back the pages stored under it; time stamps never repeat.
    cache().set_many(dict.fromkeys(keys, time.time_ns()), None)
    hot_copies.clear()  # this process shows the change at once; the others within HOT_SECONDS


def bump(*names):
    """Mark shared content as changed ("articles", "feed", "chrome"): fragments keyed on it are
    rendered anew. At once and again after the commit, as purge_paths does."""
    keys = [f"pagecache:content:{name}" for name in names]
    renew_versions(keys)
    transaction.on_commit(lambda: renew_versions(keys))


# "sites": Wagtail's sites, which each process keeps in memory (newsdesk.core.sites).
CONTENT_VERSIONS = ("articles", "feed", "chrome", "sites")


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
        if name.startswith("_"):
            raise AttributeError(name)
        if self._versions is None:
            self._versions = read_versions(self._path)
        if name not in self._versions:
            raise AttributeError(name)
        if name != "path":
            self._used.add(name)
        return self._versions[name]

    def depends(self):
        """{name: version} of the shared content this page printed."""
        return {name: self._versions[name] for name in sorted(self._used)}


def read_versions(path):
    keys = {f"pagecache:content:{name}": name for name in CONTENT_VERSIONS}
    keys[path_version_key(path)] = "path"
    found = cache().get_many(list(keys))
    if len(found) < len(keys):
        found.update(first_versions([key for key in keys if key not in found]))
    return {name: found[key] for key, name in keys.items()}


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


def fragment_versions(request):
    """The request's FragmentVersions (the page cache's lookup already read them)."""
    versions = getattr(request, "_fragment_versions", None)
    if versions is None:
        versions = request._fragment_versions = FragmentVersions(request.path)
    return versions


def page_key(request, version):
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    raw = f"{request.get_host()}|{request.path_info}|{query}|{version}"
    return f"pagecache:p:{hashlib.md5(raw.encode()).hexdigest()}"


def preferred_encoding(request):
    return encoding_for(request.headers.get("Accept-Encoding", ""))


@functools.lru_cache(maxsize=256)  # clients send a few distinct headers, again and again
def encoding_for(accept_encoding):
    """Brotli or gzip, whichever an Accept-Encoding header ranks higher (Brotli on a tie), or
    None when it accepts neither: not named (nor "*"), or refused with q=0 (RFC 9110 12.5.3)."""
    ranks = {}
    for part in accept_encoding.lower().split(","):
        name, *params = (piece.strip() for piece in part.split(";"))
        rank = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    rank = float(value)
                except ValueError:
                    rank = 0.0
        ranks[{"x-gzip": "gzip"}.get(name, name)] = rank if 0 <= rank <= 1 else 0.0
    anything = ranks.get("*", 0.0)
    brotli_rank, gzip_rank = ranks.get("br", anything), ranks.get("gzip", anything)
    if max(brotli_rank, gzip_rank) <= 0:
        return None
    return "br" if brotli_rank >= gzip_rank else "gzip"


def compressible(response):
    content_type = response.get("Content-Type", "")
    return (
        not response.streaming
        and not response.has_header("Content-Encoding")
        and content_type.startswith(COMPRESSIBLE)
        and len(response.content) >= 512
    )


def compress(body, encoding):
    if encoding == "br":
        return brotli.compress(body, quality=5)
    return gzip.compress(body, compresslevel=6, mtime=0)


def encode_response(request, response, variants=None):
    """Compress `response` for this client (reusing precomputed `variants` when given)."""
    if not compressible(response):
        return response
    patch_vary_headers(response, ("Accept-Encoding",))
    encoding = preferred_encoding(request)
    if encoding is None:
        return response
    body = variants[encoding] if variants else compress(response.content, encoding)
    if len(body) >= len(response.content):
        return response
    response.content = body
    response["Content-Length"] = str(len(body))
    response["Content-Encoding"] = encoding
    if response.has_header("ETag") and not response["ETag"].startswith("W/"):
        response["ETag"] = "W/" + response["ETag"]
    return response


def anonymous_headers(response):
    """What a shared cache (nginx, a CDN) and the browser may do with an anonymous page."""
    response["Cache-Control"] = (
        f"public, max-age=0, s-maxage={settings.PAGE_CACHE_SECONDS}, "
        f"stale-while-revalidate={settings.PAGE_CACHE_STALE_SECONDS}"
    )
    # Readers without a session all get the same page: cookies must not split shared caches.
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    vary = [v for v in vary if v.lower() != "cookie"]
    if vary:
        response["Vary"] = ", ".join(vary)
    elif response.has_header("Vary"):
        del response["Vary"]


def storable(response):
    if response.status_code not in (200, 404) or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control and "no-cache" not in control


def not_modified(request, etag):
    if etag and request.headers.get("If-None-Match"):
        wanted = [tag.removeprefix("W/") for tag in parse_etags(request.headers["If-None-Match"])]
        return etag in wanted or "*" in wanted
    return False


def hit_response(request, entry):
    if not_modified(request, entry["etag"]):
        response = HttpResponseNotModified()
        response["ETag"] = entry["etag"]
    else:
        response = HttpResponse(entry["body"], status=entry["status"])
        for name, value in entry["headers"].items():
            response[name] = value
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = entry["last_modified"]
        encode_response(request, response, entry["variants"])
    anonymous_headers(response)
    patch_vary_headers(response, ("Accept-Encoding",))
    response["X-Cache"] = "HIT"
    return response


RENEWING_SECONDS = 10


def lookup(request):
    """The cache key for this request and the stored page, if it is still current: its path
    was not purged and the shared content it printed (news feed, navigation) is unchanged."""
    versions = read_versions(request.path_info)
    request._fragment_versions = FragmentVersions(request.path_info, versions)
    key = page_key(request, versions["path"])
    entry = cache().get(key)
    stale = entry is not None and any(
        versions.get(name, 0) != value for name, value in entry.get("depends", {}).items()
    )
    # Only shared content around the page changed (the news feed beside it, "More news"): one
    # request renders it anew while the others get the copy they had a moment ago, instead of
    # every reader rendering the same page at once after each publication. A page whose own
    # path was purged has a new key and is never served stale.
    if stale and cache().add(f"{key}:renewing", 1, RENEWING_SECONDS):
        entry = None
    return key, entry


def fill(request, key, response):
    body = response.content
    etag = '"' + hashlib.md5(body).hexdigest() + '"'
    entry = {
        "status": response.status_code,
        "headers": {
            name: value for name, value in response.items() if name.lower() not in DROPPED_HEADERS
        },
        "body": body,
        "etag": etag,
        "last_modified": http_date(time.time()),
        "depends": fragment_versions(request).depends(),
        "variants": (
            {encoding: compress(body, encoding) for encoding in ("br", "gzip")}
            if compressible(response)
            else None
        ),
    }
    timeout = settings.PAGE_CACHE_SECONDS if response.status_code == 200 else 60
    cache().set(key, entry, timeout)
    cache().delete(f"{key}:renewing")
    return entry


def signed_in_reader_page(request):
    """A reader page requested with a session (staff signed in): rendered for that person."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES and not request.path_info.startswith(
        settings.PAGE_CACHE_EXCLUDE
    )


def finish_uncached(request, response):
    if signed_in_reader_page(request) and not response.has_header("Cache-Control"):
        # Edit links, previews of what staff may see: neither shared caches nor the browser's
        # history may keep it for the next person at this computer.
        response["Cache-Control"] = "private, no-store"
    return encode_response(request, response)


def finish_miss(request, response, key):
    if key is None or not storable(response):
        return finish_uncached(request, response)
    entry = fill(request, key, response)
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = entry["last_modified"]
    anonymous_headers(response)
    response["X-Cache"] = "MISS"
    if not_modified(request, entry["etag"]):
        not_modified_response = HttpResponseNotModified()
        not_modified_response["ETag"] = entry["etag"]
        return not_modified_response
    return encode_response(request, response, entry["variants"])


# The cache key the ASGI front looked up and missed, handed to Django (in the ASGI scope, or
# the WSGI environ for pages rendered in threads) so the lookup is not made twice: a second
# lookup of a page being renewed would find the renewal taken and serve the old copy.
FRONT_KEY = "newsdesk.page_cache_key"


def front_key(request):
    """The key the front looked up and missed, if the request came through it. Only asked for
    a request Django finds cacheable on its own reading, whatever the front concluded."""
    scope = getattr(request, "scope", None)
    return scope.get(FRONT_KEY) if scope is not None else request.META.get(FRONT_KEY)


@sync_and_async_middleware
def page_cache_middleware(get_response):
    """Serve anonymous readers from the page cache; compress every compressible response."""
    if iscoroutinefunction(get_response):

        async def middleware(request):
            key = None
            if cacheable_request(request):
                key = front_key(request)
                if key is None:
                    key, entry = await sync_to_async(lookup, thread_sensitive=False)(request)
                    if entry is not None:
                        return hit_response(request, entry)
            response = await get_response(request)
            if key is not None and storable(response):
                return await sync_to_async(finish_miss, thread_sensitive=False)(
                    request, response, key
                )
            return finish_uncached(request, response)

    else:

        def middleware(request):
            key = None
            if cacheable_request(request):
                key = front_key(request)
                if key is None:
                    key, entry = lookup(request)
                    if entry is not None:
                        return hit_response(request, entry)
            return finish_miss(request, get_response(request), key)

    return middleware


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


class ScopeRequest:
    """What the page cache reads of a request, from an ASGI scope, without building Django's."""

    def __init__(self, scope):
        self.method = scope["method"]
        self.path = self.path_info = scope["path"]
        self.scheme = scope.get("scheme", "http")
        meta = {}
        for name, value in scope["headers"]:
            key = "HTTP_" + name.decode("latin-1").upper().replace("-", "_")
            value = value.decode("latin-1")
            if key in meta:  # repeated header: Cookie headers (HTTP/2) join with "; "
                value = meta[key] + ("; " if key == "HTTP_COOKIE" else ",") + value
            meta[key] = value
        self.META = meta
        self.headers = HttpHeaders(meta)
        self.COOKIES = parse_cookie(meta.get("HTTP_COOKIE", ""))
        self.GET = QueryDict(scope.get("query_string", b""))

    def get_host(self):
        return self.META.get("HTTP_HOST", "")

    def is_secure(self):
        header = settings.SECURE_PROXY_SSL_HEADER
        if header:
            return self.META.get(header[0], "").split(",")[0].strip() == header[1]
        return self.scheme == "https"


class HotCopies:
    """The pages this process answered from the cache in the last moment, ready to send.

    Under a spike most requests are for a few pages; for `settings.PAGE_CACHE_HOT_SECONDS` after
    a page was read from the cache (and found current), the same request is answered from this
    process's memory with no cache round trip, no unpickling and no header building. A change
    made in this process clears them at once; one made elsewhere shows here once they expire,
    so a publication reaches every reader within that fraction of a second."""

    MAX_PAGES = 1000

    def __init__(self):
        self.pages = {}

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
        if page[0] < time.monotonic():
            self.pages.pop(key, None)
            return None
        return page[1].get(encoding)

    def put(self, key, encoding, status, headers, body):
        page = self.pages.get(key)
        if page is None or page[0] < time.monotonic():
            if len(self.pages) >= self.MAX_PAGES:
                self.pages.clear()
            page = self.pages[key] = (time.monotonic() + settings.PAGE_CACHE_HOT_SECONDS, {})
        page[1][encoding] = (status, headers, body)


hot_copies = HotCopies()


def rendered_in_threads(scope):
    """GETs and HEADs of reader pages and static files: nothing about them is asynchronous.
    Live feed streams, uploaded media (long ranges of audio), forms and the admin stay with
    Django's ASGI handler."""
    if scope["method"] not in ("GET", "HEAD"):
        return False
    path = scope["path"]
    return path.startswith(settings.STATIC_URL) or not path.startswith(settings.PAGE_CACHE_EXCLUDE)


class CachedPagesApp:
    """The ASGI application in front of Django: a page in the page cache is answered here, with
    the headers it was stored with, before Django's request handling (threads, middleware) runs.
    Misses, staff and everything else go to Django, whose page cache middleware fills the cache.

    The cache is read synchronously: from a SQLite file the operating system keeps in memory,
    or one round trip to a Redis on the same network, which costs less than handing the request
    to a thread. A cache that cannot be reached answers as empty (newsdesk.core.cache.Outage)."""

    def __init__(self, app, pages=None):
        self.app = app
        self.pages = pages  # the application for reader pages and static files (ThreadedPages)

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and not scope.get("root_path"):
            started = time.perf_counter()
            hot_key = HotCopies.key(scope) if settings.PAGE_CACHE_HOT_SECONDS else None
            if hot_key is not None:
                key, encoding, request_id = hot_key
                copy = hot_copies.get(key, encoding)
                if copy is not None:
                    await self.send(scope, send, *copy, request_id, started)
                    return
            request = ScopeRequest(scope)
            if cacheable_request(request):
                key, entry = lookup(request)
                if entry is not None:
                    response = hit_response(request, entry)
                    if not response.has_header("Content-Length"):
                        response["Content-Length"] = str(len(response.content))
                    status, body = response.status_code, response.content
                    headers = [
                        (name.encode("latin-1"), str(value).encode("latin-1"))
                        for name, value in response.items()
                    ]
                    if hot_key is not None:
                        hot_copies.put(hot_key[0], hot_key[1], status, headers, body)
                    request_id = request.headers.get("X-Request-ID", "")
                    await self.send(scope, send, status, headers, body, request_id, started)
                    return
                if key is not None:
                    scope = {**scope, FRONT_KEY: key}
            if self.pages is not None and rendered_in_threads(scope):
                await self.pages(scope, receive, send)
                return
        await self.app(scope, receive, send)

    async def send(self, scope, send, status, headers, body, request_id, started):
        from newsdesk.core.logging import request_id_var
        from newsdesk.core.middleware import REQUEST_ID, log_request

        if not REQUEST_ID.match(request_id):
            request_id = uuid.uuid4().hex
        request_id_var.set(request_id)  # the log line names it, as Django's requests' lines do
        headers = [*headers, (b"x-request-id", request_id.encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send(
            {"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body}
        )
        log_request(scope["method"], scope["path"], status, started, user_id=None, cache="HIT")
