"""Middleware that works natively under ASGI.

Every middleware here handles both sync and async requests: one sync-only middleware would make
Django run each request's chain through a thread, which open live-feed streams cannot afford.
"""

import logging
import re
import time
import uuid

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings
from django.utils.decorators import sync_and_async_middleware
from whitenoise.middleware import WhiteNoiseMiddleware

from newsdesk.core.logging import request_id_var

access_log = logging.getLogger("newsdesk.request")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise (hashed, precompressed static files, cached for a year), also under ASGI."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response=None, settings=settings):
        super().__init__(get_response, settings=settings)
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        static_file = self.find_static_file(request.path_info)
        if iscoroutinefunction(self):
            return self.__acall__(request, static_file)
        if static_file is not None:
            return self.serve(static_file, request)
        return self.get_response(request)

    async def __acall__(self, request, static_file):
        if static_file is not None:
            return self.serve(static_file, request)
        return await self.get_response(request)

    def find_static_file(self, path):
        if not path.startswith(self.static_prefix):
            return None
        return self.find_file(path) if self.autorefresh else self.files.get(path)


def start_request(request):
    incoming = request.headers.get("X-Request-ID", "")
    request.request_id = incoming if REQUEST_ID.match(incoming) else uuid.uuid4().hex
    request_id_var.set(request.request_id)
    return time.perf_counter()


def finish_request(request, response, started):
    response["X-Request-ID"] = request.request_id
    # Only a user already loaded by the view: loading it here would query the database, which
    # async code may not do.
    user = getattr(request, "_cached_user", None)
    log_request(
        request.method,
        request.path,
        response.status_code,
        started,
        user_id=user.pk if user is not None and user.is_authenticated else None,
        streaming=response.streaming,
        cache=response.get("X-Cache"),
    )
    return response


# A page answered from the page cache slower than this (milliseconds) says the machine is
# overloaded: it is logged at INFO like every page Django rendered.
SLOW_HIT_MS = 1000


def log_request(method, path, status, started, cache=None, **fields):
    """The one log line per request, from Django's middleware or the page cache's front.

    Pages answered from the page cache are logged at DEBUG: on a busy site they are nearly every
    request, and a JSON line each cost about a third of the cache's throughput and gigabytes of
    logs a day. Pages Django rendered (cache misses, errors) and slow hits stay at INFO."""
    duration_ms = round((time.perf_counter() - started) * 1000, 1)
    level = logging.DEBUG if cache == "HIT" and duration_ms < SLOW_HIT_MS else logging.INFO
    if not access_log.isEnabledFor(level):
        return
    if cache:
        fields["cache"] = cache
    access_log.log(
        level,
        "%s %s %s",
        method,
        path,
        status,
        extra={
            "event": "request",
            "method": method,
            "path": path,
            "status": status,
            "duration_ms": duration_ms,
            **fields,
        },
    )


@sync_and_async_middleware
def request_log_middleware(get_response):
    """A request id for every request (from X-Request-ID or new) and one log line per request."""
    if iscoroutinefunction(get_response):

        async def middleware(request):
            started = start_request(request)
            return finish_request(request, await get_response(request), started)

    else:

        def middleware(request):
            started = start_request(request)
            return finish_request(request, get_response(request), started)

    return middleware


PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
)


def add_security_headers(request, response):
    response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    if request.path.startswith("/admin/"):
        # Wagtail's admin sets inline styles from its scripts; readers' pages never do.
        response._csp_config = settings.ADMIN_CSP
    return response


@sync_and_async_middleware
def security_headers_middleware(get_response):
    if iscoroutinefunction(get_response):

        async def middleware(request):
            return add_security_headers(request, await get_response(request))

    else:

        def middleware(request):
            return add_security_headers(request, get_response(request))

    return middleware
