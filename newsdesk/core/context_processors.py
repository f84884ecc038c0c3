from django.conf import settings

from newsdesk.core.editions import active_language, home_path


def site_context(request):
    return {
        "SITE_NAME": site_name(request),
        "SITE_URL": settings.SITE_URL,
        "HOME_PATH": home_path(),
        "EDITION_TAGLINE": edition_tagline(request),
    }


def edition_root(request):
    site = getattr(request, "_wagtail_site", None)
    if site is not None and active_language() != settings.LANGUAGE_CODE:
        return site.root_page
    return None


def edition_tagline(request):
    """Another edition's tagline and footer text: its front page's search description (the
    newsroom's settings hold the default edition's). None in the default edition."""
    root = edition_root(request)
    return root.search_description if root is not None else None


def site_name(request):
    """The newsroom's name; another edition's is its front page's title (the site's root page
    in the request's language, as newsdesk.serving.sites gives it)."""
    root = edition_root(request)
    return root.title if root is not None else settings.WAGTAIL_SITE_NAME
