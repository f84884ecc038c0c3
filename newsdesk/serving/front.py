"""The ASGI application in front of Django (newsdesk.asgi.application).

A page in the page cache is answered here, with the headers it was stored with, before Django's
request handling (threads, middleware) runs; a hot copy (hot.py) is answered without even a
cache read. Other reader pages and static files go to Django's WSGI handler in a few threads
(threads.py); everything else (live feed streams, uploaded media, forms, the admin and other
exempt views) goes to Django's ASGI handler, whose page cache middleware fills the cache.

Hand-written because no ASGI server or library offers a shared-cache lookup before Django: the
cache is read synchronously, from a SQLite file the operating system keeps in memory or one
round trip to a Redis on the same network, which costs less than handing the request to a
thread. A cache that cannot be reached answers as empty (newsdesk.serving.outage).
"""

import time
import uuid

from django.conf import settings
from django.http import QueryDict
from django.http.cookie import parse_cookie
from django.http.request import HttpHeaders

from newsdesk.core.logging import request_id_var
from newsdesk.core.middleware import REQUEST_ID, log_request
from newsdesk.serving.exempt import exempt
from newsdesk.serving.hot import HotCopies, hot_copies
from newsdesk.serving.lifetimes import lifetimes
from newsdesk.serving.store import FRONT_KEY, cacheable_request, hit_response, lookup


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


def rendered_in_threads(scope):
    """GETs and HEADs of reader pages and static files: nothing about them is asynchronous.
    Exempt views (live feed streams, the admin, forms) and uploaded media (long ranges of
    audio) stay with Django's ASGI handler."""
    if scope["method"] not in ("GET", "HEAD"):
        return False
    path = scope["path"]
    if path.startswith(settings.STATIC_URL):
        return True
    return not path.startswith(settings.MEDIA_URL) and not exempt(path)


def ready_to_send(response):
    """(status, headers, body) of a response, as ASGI messages carry them."""
    if not response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    headers = [
        (name.encode("latin-1"), str(value).encode("latin-1")) for name, value in response.items()
    ]
    return response.status_code, headers, response.content


class CachedPagesApp:
    def __init__(self, app, pages=None):
        self.app = app
        self.pages = pages  # the application for reader pages and static files (ThreadedPages)

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and not scope.get("root_path"):
            started = time.perf_counter()
            hot_key = HotCopies.key(scope) if lifetimes.hot else None
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
                    status, headers, body = ready_to_send(hit_response(request, entry))
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
        if not REQUEST_ID.match(request_id):
            request_id = uuid.uuid4().hex
        request_id_var.set(request_id)  # the log line names it, as Django's requests' lines do
        headers = [*headers, (b"x-request-id", request_id.encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send(
            {"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body}
        )
        log_request(scope["method"], scope["path"], status, started, user_id=None, cache="HIT")
