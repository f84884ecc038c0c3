"""Which Wagtail site a request is for, remembered by each process while the sites are unchanged.

Wagtail looks the site up on every request, with a query whose construction alone costs more
than a cached page; sites change a few times in a newsroom's life. A process keeps the site it
found with the version of the sites it found it under ("sites", one of the page cache's shared
versions, read in the round trip that reads the page's): a Site saved or deleted in any process
renews that version, and every process looks the site up again on its next request. Each
request gets its own copy (with its own copy of the root page, whose specific page Wagtail
fetches afresh), so nothing one request caches on them reaches another."""

import copy

from asgiref.sync import iscoroutinefunction, sync_to_async
from django.conf import settings
from django.db import close_old_connections
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from django.utils import translation
from django.utils.decorators import sync_and_async_middleware
from wagtail.models import Page, Site
from wagtail.signals import page_slug_changed

from newsdesk.serving.versions import bump, fragment_versions

MAX_HOSTS = 100
_sites = {}
MISSING = object()


def find_for_request(request):
    found = remembered(request)
    if found is MISSING:
        if len(_sites) >= MAX_HOSTS:
            _sites.clear()
        # The version first: a change committed after this read renews it again (bump).
        version = fragment_versions(request).sites
        found = Site._find_for_request(request)
        if found is not None:
            # Routing starts at the specific root page: fetched here once, not per request.
            # It routes with its path alone; the front page it shows is read afresh (HomePage).
            found.edition_roots = edition_roots(found.root_page)
            found.root_page = found.edition_roots.get(
                found.root_page.locale_id, found.root_page.specific
            )
        _sites[host(request)] = (version, found)
    return fresh_copy(found)


def find_and_release(request):
    """find_for_request for async requests, whose own thread keeps a connection until Django's
    request_finished: for a live feed stream that is when it ends, up to 15 minutes later, and
    a burst of streams opened while the site is not remembered took the whole pool. Run in
    one of asgiref's shared threads instead (a few at a time; those that wait then find the
    site remembered), it hands the connection back at once, as a request's end would."""
    try:
        return find_for_request(request)
    finally:
        close_old_connections()


def host(request):
    return split_domain_port(request.get_host())[0], request.get_port()


def remembered(request):
    found = _sites.get(host(request))
    if found is None or found[0] != fragment_versions(request).sites:
        return MISSING
    return found[1]


def edition_roots(root_page):
    """The live translations of the site's root page (itself included), by language code and by
    locale id: each edition's front page."""
    translations = root_page.get_translations(inclusive=True).live().select_related("locale")
    roots = {}
    for page in translations:
        roots[page.locale.language_code] = roots[page.locale_id] = page.specific
    return roots


def fresh_copy(site):
    if site is None:
        return None
    copied = copy.copy(site)
    roots = getattr(site, "edition_roots", {})
    copied.root_page = copy.copy(roots.get(translation.get_language(), site.root_page))
    copied.root_page.is_edition_root = True
    return copied


class EditionRootMixin:
    """For the type of page that is the site's root: Wagtail routes every request from
    `site.root_page.localized`, which looks the active locale up in the database each time.
    The site this module gives a request already holds the root page in the request's
    language (edition_roots), so that page is its own localized version."""

    is_edition_root = False

    @property
    def localized(self):
        return self if self.is_edition_root else super().localized


def clear():
    _sites.clear()


def sites_changed():
    clear()  # this process at once
    bump("sites")  # every process, and every cached page, at its next request


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def site_changed(sender, **kwargs):
    sites_changed()


@receiver(post_save)
def root_page_created(sender, instance, created, **kwargs):
    """A new root page (an edition's front page made by translating the site's): Wagtail counts
    it among the site root paths from now on, live or not."""
    if created and isinstance(instance, Page) and instance.depth <= 2 and instance.is_site_root():
        sites_changed()


@receiver(page_slug_changed)
def root_page_renamed(sender, instance, **kwargs):
    """A site's root page (or an edition's) with a new slug: the site root paths changed
    (Wagtail forgets its cached copy; processes remember theirs under "sites")."""
    if instance.is_site_root():
        sites_changed()


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
                request._wagtail_site = await sync_to_async(
                    find_and_release, thread_sensitive=False
                )(request)
            else:
                request._wagtail_site = fresh_copy(found)
            return await get_response(request)

    else:

        def middleware(request):
            if wants_site(request):
                request._wagtail_site = find_for_request(request)
            return get_response(request)

    return middleware
