from functools import cache

from django.conf import settings
from django.utils.translation import get_language, gettext, ngettext, override

from newsdesk.core.editions import active_language, home_path


def site_context(request):
    return {
        "SITE_NAME": site_name(request),
        "SITE_URL": settings.SITE_URL,
        "HOME_PATH": home_path(),
        "EDITION_TAGLINE": edition_tagline(request),
        "UI_STRINGS": ui_strings_in(get_language()),
    }


@cache
def ui_strings_in(language):
    """ui_strings() in `language`, made once per process (the catalogues are compiled files,
    read at start): every page's context asks for them."""
    with override(language):
        return ui_strings()


def ui_strings():
    """The words the reader scripts show (static/js/site.js), in the request's language."""
    return {
        # By the plural forms of Unicode's rules (Intl.PluralRules), the count at %s; "other"
        # is English's plural (in Ukrainian it is for fractions, which never occur here).
        **{
            f"new-{form}": ngettext("%s new update ↑", "%s new updates ↑", count)
            for form, count in (("one", 1), ("few", 2), ("many", 5), ("other", 2))
        },
        "newUpdate": gettext("New update:"),
        "listenHere": gettext("Listen from here"),
        "speed": gettext("Playback speed %s"),
        "pause": gettext("Pause"),
        "resume": gettext("Resume"),
        "listen": gettext("Listen"),
        "artist": gettext("Read by an AI voice"),
        "failed": gettext("Something went wrong. Please try again in a moment."),
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
