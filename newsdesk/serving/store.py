"""Reader pages in the cache every process shares (Redis in production, else a SQLite file:
newsdesk.serving.sqlite_cache).

A page is stored under a key naming its path's version, with its gzip and Brotli forms and the
versions of the shared content it printed, so a hit costs two cache reads and no rendering or
compressing, and is served only while all those versions are unchanged. Readers without a
session cookie read and fill it; staff, previews and views that opt out (exempt.py) never do.
"""

import hashlib
import time
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date

from newsdesk.serving.exempt import exempt
from newsdesk.serving.http import (
    anonymous_headers,
    compress,
    compressible,
    encode_response,
    not_modified,
)
from newsdesk.serving.lifetimes import lifetimes
from newsdesk.serving.versions import FragmentVersions, cache, fragment_versions, read_versions

# Headers of the original response that a cache hit does not repeat: set per request or per
# client. Every other header (type, security headers, CSP with its nonce) is kept with the page.
DROPPED_HEADERS = {
    "content-length", "content-encoding", "vary", "etag", "last-modified", "cache-control",
    "x-cache", "x-request-id", "set-cookie", "date", "expires",
}  # fmt: skip

# The cache key the ASGI front looked up and missed, handed to Django (in the ASGI scope, or
# the WSGI environ for pages rendered in threads) so the lookup is not made twice: a second
# lookup of a page being renewed would find the renewal taken and serve the old copy.
FRONT_KEY = "newsdesk.page_cache_key"


def files(path):
    """Static files and uploaded media: never pages, whatever view their URL resolves to."""
    return path.startswith((settings.STATIC_URL, settings.MEDIA_URL))


def cacheable_request(request):
    if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE_ENABLED:
        return False
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return False  # Django answers with the redirect to https
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if not all(name in settings.PAGE_CACHE_QUERY_PARAMS for name in request.GET):
        return False
    path = request.path_info
    return not files(path) and not exempt(path)


def front_key(request):
    """The key the front looked up and missed, if the request came through it. Only asked for
    a request Django finds cacheable on its own reading, whatever the front concluded."""
    scope = getattr(request, "scope", None)
    return scope.get(FRONT_KEY) if scope is not None else request.META.get(FRONT_KEY)


def page_key(request, version):
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    raw = f"{request.get_host()}|{request.path_info}|{query}|{version}"
    return f"pagecache:p:{hashlib.md5(raw.encode()).hexdigest()}"


def storable(response):
    if response.status_code not in (200, 404) or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control and "no-cache" not in control


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
    if stale and cache().add(f"{key}:renewing", 1, lifetimes.renewing):
        entry = None
    return key, entry


def fill(request, key, response):
    body = response.content
    entry = {
        "status": response.status_code,
        "headers": {
            name: value for name, value in response.items() if name.lower() not in DROPPED_HEADERS
        },
        "body": body,
        "etag": '"' + hashlib.md5(body).hexdigest() + '"',
        "last_modified": http_date(time.time()),
        "depends": fragment_versions(request).depends(),
        "variants": (
            {encoding: compress(body, encoding) for encoding in ("br", "gzip")}
            if compressible(response)
            else None
        ),
    }
    timeout = lifetimes.page if response.status_code == 200 else lifetimes.missing_page
    cache().set(key, entry, timeout)
    cache().delete(f"{key}:renewing")
    return entry
