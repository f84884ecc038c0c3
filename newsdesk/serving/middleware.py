"""Django's side of the page cache: serve anonymous readers from it when the ASGI front did not
(WSGI, tests, Django's own handlers), fill it on a miss, compress every compressible response."""

from asgiref.sync import iscoroutinefunction, sync_to_async
from django.conf import settings
from django.http import HttpResponseNotModified
from django.utils.decorators import sync_and_async_middleware

from newsdesk.serving.exempt import exempt
from newsdesk.serving.http import anonymous_headers, encode_response, not_modified
from newsdesk.serving.store import (
    cacheable_request,
    files,
    fill,
    front_key,
    hit_response,
    lookup,
    storable,
)
from newsdesk.serving.versions import request_scope


def signed_in_reader_page(request):
    """A reader page requested with a session (staff signed in): rendered for that person."""
    path = request.path_info
    return settings.SESSION_COOKIE_NAME in request.COOKIES and not files(path) and not exempt(path)


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
            with request_scope(request):
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
            with request_scope(request):
                response = get_response(request)
            return finish_miss(request, response, key)

    return middleware
