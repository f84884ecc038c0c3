"""Cross-site request protection without a token, for forms on cached pages.

Django's token needs a cookie per reader, and a page that sets a cookie cannot be shared from a
cache. Browsers say where a request comes from: `Sec-Fetch-Site` (every current browser) and
`Origin` (on every POST). A forged request comes from a browser on another site, so it carries
one of them naming that site and is refused; a request that carries neither comes from a program
(curl, a mail client's one-click unsubscribe), which no other site can make a reader's browser send.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.views.decorators.csrf import csrf_exempt

TRUSTED_FETCH_SITES = {"same-origin", "none"}


def is_cross_site(request):
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in TRUSTED_FETCH_SITES
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    if origin == "null":
        return True
    trusted = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    parts = urlsplit(origin)
    return f"{parts.scheme}://{parts.netloc}" not in trusted


def same_origin_only(view):
    """Refuse cross-site POSTs to `view` by the browser's own headers, with no cookie involved."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD", "OPTIONS") and is_cross_site(request):
            raise PermissionDenied("Cross-site form submission refused.")
        return view(request, *args, **kwargs)

    return wrapper
