"""Editions: one per language of settings.LANGUAGES, each a Wagtail locale with its own tree.

The default language is served at `/`, every other under its prefix (`/uk/`), by Django's
`i18n_patterns`. The language comes from the path alone: Django's LocaleMiddleware also reads
the Accept-Language header and a cookie and so marks every unprefixed page `Vary:
Accept-Language`, which would split the page cache and nginx's by header for pages that are the
same for everyone. `edition_middleware` is the part of it Newsdesk needs: the prefix, or else
the default language.
"""

from asgiref.sync import iscoroutinefunction
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.decorators import sync_and_async_middleware


def default_locale_id():
    """The default edition's locale: what an edition field holds unless told otherwise."""
    from wagtail.models import Locale

    return Locale.get_default().pk


def edition_field(help_text):
    """The edition a row belongs to (a Wagtail locale): a newsletter, a feed item, a tier."""
    return models.ForeignKey(
        "wagtailcore.Locale",
        default=default_locale_id,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="edition",
        help_text=help_text,
    )


def language_codes():
    return [code for code, _ in settings.LANGUAGES]


def language_of_path(path):
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def active_language():
    """The edition being served (the default one outside a request)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return language if language in language_codes() else settings.LANGUAGE_CODE


def prefix(language):
    """'' for the default edition, '/uk' for the Ukrainian one: what comes before a path."""
    return "" if language == settings.LANGUAGE_CODE else f"/{language}"


def home_path(language=None):
    return f"{prefix(language or active_language())}/"


def in_edition(path, language):
    """`path` of the default edition (`/news-feed/`) as it is in `language`'s (`/uk/news-feed/`)."""
    return f"{prefix(language)}{path}"


def without_prefix(path):
    """The path as the default edition has it: `/uk/tags/x/` -> `/tags/x/`."""
    language = translation.get_language_from_path(path)
    if language and language != settings.LANGUAGE_CODE:
        return path.removeprefix(f"/{language}") or "/"
    return path


# Alphabets whose order Unicode's code points do not follow (Ukrainian: Ґ, Є, І and Ї sit
# apart from the rest of Cyrillic), for lists sorted by name without a collation library.
ALPHABETS = {"uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"}


def sort_key(text, language):
    """A key that sorts `text` in `language`'s alphabetical order, case aside."""
    alphabet = ALPHABETS.get(language, "")
    text = text.casefold()
    return tuple(
        0x110000 + alphabet.index(letter) if letter in alphabet else ord(letter) for letter in text
    )


def language_name(language):
    return dict(settings.LANGUAGES).get(language, language)


@sync_and_async_middleware
def edition_middleware(get_response):
    """Activate the edition's language for the request, from its path (see the docstring)."""
    if iscoroutinefunction(get_response):

        async def middleware(request):
            activate_for(request)
            return await get_response(request)

    else:

        def middleware(request):
            activate_for(request)
            return get_response(request)

    return middleware


def activate_for(request):
    language = language_of_path(request.path_info)
    translation.activate(language)
    request.LANGUAGE_CODE = language


def ensure_locales(**kwargs):
    """A Wagtail locale for every language of settings.LANGUAGES (after `migrate`), so that
    adding a language to the setting is all a newsroom does before translating pages."""
    from wagtail.models import Locale

    for language in language_codes():
        Locale.objects.get_or_create(language_code=language)
