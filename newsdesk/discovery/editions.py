"""Where a reader page exists in the other editions: its hreflang links and the header's
language switcher.

A Wagtail page's editions are its live, public translations (`translation_key`). Pages that
are not Wagtail's exist at the same path in every edition when they list what every edition
has (journalists, search, the news feed, newsletters); a tag page lists one edition's articles,
so it has no counterpart.
"""

from django.conf import settings
from django.urls import translate_url
from wagtail.models import Page

from newsdesk.core.editions import active_language, home_path, language_codes, language_name
from newsdesk.discovery.links import absolute
from newsdesk.serving.fragments import versioned_cache
from newsdesk.serving.lifetimes import lifetimes
from newsdesk.serving.versions import fragment_versions

PATH_VIEWS = {"author_index", "author", "search", "livefeed:index", "newsletters:index"}


def page_editions(page):
    """{language: path} of `page` and its live public translations."""
    translations = (
        Page.objects.filter(translation_key=page.translation_key)
        .live()
        .public()
        .select_related("locale")
    )
    return {p.locale.language_code: p.url for p in translations if p.url}


def cached_page_editions(request, page):
    # A translation's publication purges this page's path (articles.services.reader_paths).
    versions = fragment_versions(request)
    key = f"editions:{page.translation_key}:{versions.path}:{versions.chrome}"
    return versioned_cache().get_or_set(key, lambda: page_editions(page), lifetimes.versioned)


def path_editions(request):
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in PATH_VIEWS:
        return {}
    return {language: translate_url(request.path, language) for language in language_codes()}


def editions_of(request, page=None):
    """{language: path} of what the request shows, in every edition that has it."""
    if request is None:
        return {}
    if isinstance(page, Page) and page.pk and page.translation_key:
        return cached_page_editions(request, page)
    return path_editions(request)


def alternates(request, page=None):
    """(hreflang, absolute URL) for the <link rel="alternate"> tags: every edition of the page
    and x-default (the default edition's), or nothing when the page exists in one edition."""
    editions = editions_of(request, page)
    if len(editions) < 2:
        return []
    links = [(code, absolute(editions[code])) for code in language_codes() if code in editions]
    if settings.LANGUAGE_CODE in editions:
        links.append(("x-default", absolute(editions[settings.LANGUAGE_CODE])))
    return links


def switcher(request, page=None):
    """The other editions for the header: the page's translation there, else that edition's
    front page."""
    editions = editions_of(request, page)
    current = active_language()
    return [
        {
            "language": code,
            "name": language_name(code),
            "url": editions.get(code) or home_path(code),
            "translated": code in editions,
        }
        for code in language_codes()
        if code != current
    ]
