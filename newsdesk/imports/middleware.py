"""Old WordPress addresses made of a query string on the site's root (`/?p=123`, `/?cat=4`,
`/?feed=rss2`): the front page answers them, so Wagtail's redirect middleware, which only looks
for a redirect when a page is not found, never sees them. This looks first, for those query
parameters only; every other request passes untouched.

Both sync and async: a sync-only middleware would put every async request (the live feed's
streams) through a thread of its own for its whole life."""

from asgiref.sync import iscoroutinefunction, sync_to_async
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.utils.decorators import sync_and_async_middleware
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

# WordPress's public query variables that old links carry.
OLD_QUERY_PARAMETERS = {"p", "page_id", "cat", "tag", "author", "feed", "attachment_id", "m"}


def old_address(request):
    return request.method in ("GET", "HEAD") and OLD_QUERY_PARAMETERS.intersection(request.GET)


def redirect_for(request):
    path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
    redirect = get_redirect(request, path)
    if redirect is None or not redirect.link:
        return None
    if redirect.is_permanent:
        return HttpResponsePermanentRedirect(redirect.link)
    return HttpResponseRedirect(redirect.link)


@sync_and_async_middleware
def old_query_redirects_middleware(get_response):
    if iscoroutinefunction(get_response):

        async def middleware(request):
            if old_address(request):
                response = await sync_to_async(redirect_for)(request)
                if response is not None:
                    return response
            return await get_response(request)

    else:

        def middleware(request):
            if old_address(request):
                response = redirect_for(request)
                if response is not None:
                    return response
            return get_response(request)

    return middleware
