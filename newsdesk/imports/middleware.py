"""Old WordPress addresses made of a query string on the site's root (`/?p=123`, `/?cat=4`,
`/?feed=rss2`): the front page answers them, so Wagtail's redirect middleware, which only looks
for a redirect when a page is not found, never sees them. This looks first, for those query
parameters only; every other request passes untouched."""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

# WordPress's public query variables that old links carry.
OLD_QUERY_PARAMETERS = {"p", "page_id", "cat", "tag", "author", "feed", "attachment_id", "m"}


def old_query_redirects_middleware(get_response):
    def middleware(request):
        if request.method in ("GET", "HEAD") and OLD_QUERY_PARAMETERS.intersection(request.GET):
            path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
            redirect = get_redirect(request, path)
            if redirect is not None and redirect.link:
                if redirect.is_permanent:
                    return HttpResponsePermanentRedirect(redirect.link)
                return HttpResponseRedirect(redirect.link)
        return get_response(request)

    return middleware
