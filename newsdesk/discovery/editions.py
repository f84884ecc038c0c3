"""Where a reader page exists in the other editions: its hreflang links and the header's
language switcher.

A Wagtail page's editions are its live, public translations (`translation_key`). Pages that
are not Wagtail's exist at the same path in every edition when they list what every edition
has (journalists, search, the news feed, newsletters); a tag page lists one edition's articles,
so it has no counterpart.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from newsdesk.core.editions import active_language, home_path, language_codes, language_name
from newsdesk.discovery.links import absolute
from newsdesk.serving.fragments import versioned_cache
from newsdesk.serving.lifetimes import lifetimes
from newsdesk.serving.restrictions import view_restrictions_exist
from newsdesk.serving.versions import fragment_versions

PATH_VIEWS = {"author_index", "author", "search", "livefeed:index", "newsletters:index"}


def page_editions(page):
    """{language: path} of `page` and its live public translations."""
    translations = Page.objects.filter(translation_key=page.translation_key).live()
    if view_restrictions_exist():
        translations = translations.public()
    translations = translations.select_related("locale")
    return {p.locale.language_code: p.url for p in translations if p.url}


def annotated_editions(page):
    """page_editions() from the `live_translations` the page was read with (articles'
    with_translations()), without a query; None when it was read without them, or when a
    view restriction exists (a translation may be hidden)."""
    editions = page.__dict__.get("_editions")  # the head's links and the switcher ask both
    if editions is not None:
        return editions
    found = page.__dict__.get("live_translations", False)
    if found is False or view_restrictions_exist():
        return None
    editions = page.__dict__["_editions"] = {}
    for entry in (found or "").split("\t"):
        language, _, url_path = entry.partition(" ")
        if url_path:
            url = page.url if url_path == page.url_path else translation_url(page, url_path)
            if url:
                editions[language] = url
    return editions


_urls = {}


def translation_url(page, url_path):
    """The URL of the page at `url_path` (a translation of `page`), as Page.url gives it,
    remembered per process under what it follows from: the url_path, the site root paths and
    the active language (as newsdesk.serving.urls remembers the URLs of our page types)."""
    key = (url_path, tuple(page._get_site_root_paths()), translation.get_language())
    url = _urls.get(key)
    if url is None:
        if len(_urls) >= 20_000:
            _urls.clear()
        url = _urls[key] = Page(url_path=url_path).url or ""
    return url


def cached_page_editions(request, page):
    annotated = annotated_editions(page)
    if annotated is not None:
        return annotated
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
