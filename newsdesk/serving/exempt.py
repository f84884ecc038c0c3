"""Views that opt out of the page cache, said where the view is declared.

`page_cache_exempt` marks a view function (as a decorator) or a URL pattern, `path()` or
`include()` alike (wrapped around it in a urls.py). Such a page is never read from nor stored
in the page cache, and the ASGI front leaves it to Django's ASGI handler (live feed streams,
the admin, forms): whether a path is exempt is decided by resolving it, once per path and
process, before Django's request handling starts.
"""

import functools

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import Resolver404, resolve
from django.utils import translation

from newsdesk.core.editions import language_of_path


def page_cache_exempt(view_or_pattern):
    view_or_pattern.page_cache_exempt = True
    return view_or_pattern


@functools.lru_cache(maxsize=4096)
def exempt(path):
    """Whether the view `path` resolves to, or a URL pattern it is under, opted out."""
    try:
        # In the path's edition: Django resolves /uk/... only while Ukrainian is active, and
        # this runs before the request's language is.
        with translation.override(language_of_path(path)):
            match = resolve(path)
    except Resolver404:
        return False
    chain = match.tried[-1] if match.tried else []  # the patterns that matched, outermost first
    marked = [getattr(pattern, "page_cache_exempt", False) for pattern in chain]
    return getattr(match.func, "page_cache_exempt", False) or any(marked)


@receiver(setting_changed)
def urls_changed(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        exempt.cache_clear()
