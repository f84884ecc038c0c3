"""Absolute URLs on the newsroom's public address (SITE_URL), as crawlers and feed readers need.

Wagtail's own full URLs use the hostname of its Site record, which a deployment may leave at
"localhost"; SITE_URL is what the newsroom declares as its address.
"""

from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.templatetags.static import static


def absolute(url):
    """`url` (a path, or already absolute) as an absolute URL."""
    return urljoin(settings.SITE_URL + "/", url)


def on_site_url(url):
    """The path (and query) of `url` on the public address."""
    parts = urlsplit(url)
    return absolute(parts.path + (f"?{parts.query}" if parts.query else ""))


def page_url(page, request=None):
    url = page.get_url(request)
    return on_site_url(url) if url else None


def site_host():
    return urlsplit(settings.SITE_URL).hostname


def publisher_logo():
    """(url, width, height) of the logo named in structured data; sizes unknown for a custom URL."""
    if settings.PUBLISHER_LOGO_URL:
        return absolute(settings.PUBLISHER_LOGO_URL), None, None
    from newsdesk.discovery.logo import LOGO_SIZE, LOGO_STATIC_PATH

    return absolute(static(LOGO_STATIC_PATH)), LOGO_SIZE, LOGO_SIZE
