"""Which Wagtail site a request is for, remembered by each process for a short while.

Wagtail looks the site up on every request, with a query whose construction alone costs more
than a cached page; sites change a few times in a newsroom's life. Each request gets its own
copy (with its own copy of the root page, whose specific page Wagtail fetches afresh), so
nothing one request caches on them reaches another."""

import copy
import time

from asgiref.sync import iscoroutinefunction, sync_to_async
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from django.utils.decorators import sync_and_async_middleware
from wagtail.models import Site

# A change made in another process (the admin's Sites screen) is seen within this time.
SECONDS = 30
MAX_HOSTS = 100
_sites = {}
MISSING = object()


def find_for_request(request):
    found = remembered(request)
    if found is MISSING:
        if len(_sites) >= MAX_HOSTS:
            _sites.clear()
        found = Site._find_for_request(request)
        if found is not None:
            # Routing starts at the specific root page: fetched here once, not per request.
            # It routes with its path alone; the front page it shows is read afresh (HomePage).
            found.root_page = found.root_page.specific
        _sites[host(request)] = (time.monotonic() + SECONDS, found)
    return fresh_copy(found)


def host(request):
    return split_domain_port(request.get_host())[0], request.get_port()


def remembered(request):
    found = _sites.get(host(request))
    if found is None or found[0] < time.monotonic():
        return MISSING
    return found[1]


def fresh_copy(site):
    if site is None:
        return None
    copied = copy.copy(site)
    copied.root_page = copy.copy(site.root_page)
    return copied


def clear():
    _sites.clear()


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def site_changed(sender, **kwargs):
    clear()


def wants_site(request):
    # Files (uploaded media in development, static files) need no site, nor the query for it;
    # nor does /healthz, which must answer while the database is down.
    path = request.path_info
    return path != "/healthz" and not path.startswith((settings.MEDIA_URL, settings.STATIC_URL))


@sync_and_async_middleware
def site_middleware(get_response):
    """Give Wagtail the request's site (request._wagtail_site) from this process's memory.
    After CommonMiddleware: the host has passed ALLOWED_HOSTS."""
    if iscoroutinefunction(get_response):

        async def middleware(request):
            if not wants_site(request):
                return await get_response(request)
            found = remembered(request)
            if found is MISSING:  # looked up once in a while, in a thread: it queries
                request._wagtail_site = await sync_to_async(find_for_request)(request)
            else:
                request._wagtail_site = fresh_copy(found)
            return await get_response(request)

    else:

        def middleware(request):
            if wants_site(request):
                request._wagtail_site = find_for_request(request)
            return get_response(request)

    return middleware
